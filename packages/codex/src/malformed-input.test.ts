import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { guard, verifyAuditLog } from '@warden/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { codexAdapter } from './adapter.js';

const sample = JSON.parse(
  readFileSync(new URL('./__fixtures__/codex-PreToolUse.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;

let home: string;
beforeEach(() => {
  home = mkdtempSync(path.join(os.tmpdir(), 'warden-codex-malformed-'));
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

const run = (input: unknown) =>
  guard({ adapter: codexAdapter, input, env: { HOME: home, WARDEN_HOME: path.join(home, '.warden') } });

describe('codexAdapter with malformed tool calls', () => {
  const malformed: [string, string, unknown][] = [
    ['a missing tool_input', 'Bash', undefined],
    ['a tool_input that is a string', 'Bash', 'rm -rf /'],
    ['a tool_input that is null', 'Bash', null],
    ['a shell call without a command', 'Bash', { description: 'x' }],
    ['a shell call whose command is an object', 'exec_command', { command: { rm: '/' } }],
    ['an apply_patch call without a patch', 'apply_patch', {}],
  ];
  for (const [name, tool, toolInput] of malformed) {
    it(`blocks ${name} (exit 2 with a reason), and records it`, async () => {
      const input = { ...sample, tool_name: tool, tool_input: toolInput };
      if (toolInput === undefined) delete input.tool_input;
      const result = await run(input);
      expect(result.decision).toMatchObject({ effect: 'deny', ruleId: 'warden.failure' });
      expect(result.output.exitCode).toBe(2);
      expect(result.output.stderr).toMatch(/tool_input/);
      expect(verifyAuditLog({ auditDir: path.join(home, '.warden', 'audit') })).toMatchObject({
        ok: true,
        records: 1,
      });
    });
  }

  it('still accepts the argv array older Codex builds sent', async () => {
    const result = await run({ ...sample, tool_input: { command: ['ls', '-la'] } });
    expect(result.decision.ruleId).not.toBe('warden.failure');
  });
});
