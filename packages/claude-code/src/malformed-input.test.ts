import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { guard, verifyAuditLog } from '@warden/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { claudeCodeAdapter } from './adapter.js';

const sample = JSON.parse(
  readFileSync(new URL('./__fixtures__/claude-code-PreToolUse.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;

let home: string;
beforeEach(() => {
  home = mkdtempSync(path.join(os.tmpdir(), 'warden-cc-malformed-'));
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

const run = (input: unknown) =>
  guard({ adapter: claudeCodeAdapter, input, env: { HOME: home, WARDEN_HOME: path.join(home, '.warden') } });

describe('claudeCodeAdapter with malformed tool calls', () => {
  const malformed: [string, unknown][] = [
    ['a missing tool_input', undefined],
    ['a tool_input that is a string', 'rm -rf /'],
    ['a tool_input that is null', null],
    ['a tool_input that is an array', ['rm', '-rf', '/']],
    ['a Bash call without a command', { description: 'x' }],
    ['a Bash call whose command is a number', { command: 42 }],
    ['a Bash call whose command is an array', { command: ['rm', '-rf', '/'] }],
  ];
  for (const [name, toolInput] of malformed) {
    it(`blocks ${name} by the closed failure policy, and records it`, async () => {
      const input = { ...sample, tool_input: toolInput };
      if (toolInput === undefined) delete input.tool_input;
      const result = await run(input);
      expect(result.decision.effect).toBe('deny');
      expect(result.decision.ruleId).toBe('warden.failure');
      expect(result.decision.reason).toMatch(/tool_input/);
      expect(JSON.parse(result.output.stdout).hookSpecificOutput.permissionDecision).toBe('deny');
      expect(verifyAuditLog({ auditDir: path.join(home, '.warden', 'audit') })).toMatchObject({
        ok: true,
        records: 1,
      });
    });
  }

  it('blocks a Write without a file path', async () => {
    const result = await run({ ...sample, tool_name: 'Write', tool_input: { content: 'x' } });
    expect(result.decision.effect).toBe('deny');
  });

  it('records an event named constructor or __proto__ in a log that verifies', async () => {
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      const result = await run({ ...sample, hook_event_name: name });
      expect(result.event.phase).toBe('session');
    }
    const verification = verifyAuditLog({ auditDir: path.join(home, '.warden', 'audit') });
    expect(verification.problems).toEqual([]);
    expect(verification.records).toBe(4);
  });
});
