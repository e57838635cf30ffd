import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { HookInput } from '@anthropic-ai/claude-agent-sdk';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import preToolUseSample from './__fixtures__/agent-sdk-PreToolUse.json' with { type: 'json' };
import { readAuditRecords } from './test-helpers.js';
import { wardenCanUseTool } from './warden-can-use-tool.js';
import { wardenHooks } from './warden-hooks.js';

let home: string;
beforeEach(() => {
  home = mkdtempSync(path.join(os.tmpdir(), 'warden-agent-sdk-malformed-'));
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

const options = { signal: new AbortController().signal };

describe('agent-sdk adapters with malformed tool calls', () => {
  const malformed: [string, unknown][] = [
    ['a missing tool_input', undefined],
    ['a tool_input that is a string', 'rm -rf /'],
    ['a Bash call without a command', { description: 'x' }],
    ['a Bash call whose command is a number', { command: 1 }],
  ];
  for (const [name, toolInput] of malformed) {
    it(`blocks ${name} in the PreToolUse hook and records it`, async () => {
      const hooks = wardenHooks({ home });
      const input = { ...preToolUseSample, tool_input: toolInput } as Record<string, unknown>;
      if (toolInput === undefined) delete input.tool_input;
      const callback = hooks.PreToolUse![0]!.hooks[0]!;
      const output = (await callback(input as unknown as HookInput, 'toolu_1', options)) as {
        hookSpecificOutput?: { permissionDecision?: string; permissionDecisionReason?: string };
      };
      expect(output.hookSpecificOutput?.permissionDecision).toBe('deny');
      expect(output.hookSpecificOutput?.permissionDecisionReason).toMatch(/tool_input/);
      expect(readAuditRecords(path.join(home, 'audit'))).toHaveLength(1);
    });
  }

  it('denies a canUseTool call whose Bash input has no command', async () => {
    const canUseTool = wardenCanUseTool({ home, cwd: '/home/dev/project' });
    const result = await canUseTool(
      'Bash',
      { description: 'x' },
      { ...options, suggestions: [], toolUseID: 't', requestId: 'r', title: 'Run' },
    );
    expect(result).toMatchObject({ behavior: 'deny', message: expect.stringMatching(/tool_input/) });
  });

  it('keeps an event named constructor a session event', async () => {
    const hooks = wardenHooks({ home });
    const callback = hooks.PreToolUse![0]!.hooks[0]!;
    await callback(
      { ...preToolUseSample, hook_event_name: 'constructor' } as unknown as HookInput,
      undefined,
      options,
    );
    const [record] = readAuditRecords(path.join(home, 'audit'));
    expect(record?.phase).toBe('session');
  });

  it('tells the user in a system message when the audit log cannot be written', async () => {
    writeFileSync(path.join(home, 'audit'), 'not a directory');
    const hooks = wardenHooks({ home, onWarning: () => {} });
    const callback = hooks.PreToolUse![0]!.hooks[0]!;
    const output = (await callback(preToolUseSample as unknown as HookInput, 'toolu_1', options)) as {
      systemMessage?: string;
    };
    expect(output.systemMessage).toMatch(/could not write its audit log/);
  });
});
