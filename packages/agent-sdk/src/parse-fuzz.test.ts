import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { HookInput } from '@anthropic-ai/claude-agent-sdk';
import { checkToolInput, verifyAuditLog } from '@warden/core';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import preToolUseSample from './__fixtures__/agent-sdk-PreToolUse.json' with { type: 'json' };
import { wardenCanUseTool } from './warden-can-use-tool.js';
import { wardenHooks } from './warden-hooks.js';

// Fixed seed and a bounded count in CI; `pnpm bench` runs the same properties longer (FUZZ_RUNS).
const SEED = 1414;
const RUNS = Number(process.env.FUZZ_RUNS ?? 100);

const toolName = fc.oneof(fc.constantFrom('Bash', 'Write', 'Read', 'WebFetch'), fc.string());
const toolInput = fc.oneof(
  fc.anything(),
  fc.record({ command: fc.anything(), file_path: fc.anything() }, { requiredKeys: [] }),
);
const nearInput = fc
  .record(
    {
      session_id: fc.oneof(fc.string(), fc.anything()),
      hook_event_name: fc.oneof(fc.constantFrom('PreToolUse', 'constructor', '__proto__'), fc.string()),
      tool_name: toolName,
      tool_input: toolInput,
    },
    { requiredKeys: [] },
  )
  .map((fields) => ({ ...preToolUseSample, ...fields }));

let home: string;
beforeAll(() => {
  home = mkdtempSync(path.join(os.tmpdir(), 'warden-sdk-fuzz-'));
});
afterAll(() => rmSync(home, { recursive: true, force: true }));
const signal = new AbortController().signal;

describe('agent-sdk adapters under fuzzing', () => {
  it('never throw into the SDK and never allow a tool call they cannot judge', async () => {
    const hooks = wardenHooks({ home });
    const callback = hooks.PreToolUse![0]!.hooks[0]!;
    await fc.assert(
      fc.asyncProperty(nearInput, async (input) => {
        const output = (await callback(input as unknown as HookInput, 'toolu_1', { signal })) as {
          hookSpecificOutput?: { permissionDecision?: string };
        };
        const allowed = output.hookSpecificOutput?.permissionDecision !== 'deny';
        if (allowed && input.hook_event_name === 'PreToolUse') {
          expect(
            checkToolInput({ agent: 'agent-sdk', tool: String(input.tool_name), input: input.tool_input }),
          ).toBeUndefined();
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
    expect(verifyAuditLog({ auditDir: path.join(home, 'audit') }).problems).toEqual([]);
  });

  it('canUseTool denies what it cannot judge', async () => {
    const canUseTool = wardenCanUseTool({ home, cwd: '/home/dev/project' });
    await fc.assert(
      fc.asyncProperty(toolName, toolInput, async (name, input) => {
        const result = await canUseTool(name, input as Record<string, unknown>, {
          signal,
          suggestions: [],
          toolUseID: 't',
          requestId: 'r',
          title: 'x',
        });
        if (result?.behavior === 'allow') {
          expect(checkToolInput({ agent: 'agent-sdk', tool: name, input })).toBeUndefined();
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});
