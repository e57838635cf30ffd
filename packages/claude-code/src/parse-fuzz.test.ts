import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkToolInput, guard, verifyAuditLog } from '@warden/core';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claudeCodeAdapter } from './adapter.js';

// Fixed seed and a bounded count in CI; `pnpm bench` runs the same properties longer (FUZZ_RUNS).
const SEED = 1414;
const RUNS = Number(process.env.FUZZ_RUNS ?? 150);

const sample = JSON.parse(
  readFileSync(new URL('./__fixtures__/claude-code-PreToolUse.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;

const EVENTS = ['PreToolUse', 'PermissionRequest', 'PostToolUse', 'UserPromptSubmit', 'Stop', 'SessionStart'];
const hookEvent = fc.oneof(fc.constantFrom(...EVENTS, 'constructor', '__proto__', 'toString'), fc.string());
const toolName = fc.oneof(
  fc.constantFrom('Bash', 'Write', 'Read', 'Edit', 'WebFetch', 'mcp__x__y'),
  fc.string(),
);
const toolInput = fc.oneof(
  fc.anything(),
  fc.record({ command: fc.oneof(fc.string(), fc.anything()) }, { requiredKeys: [] }),
  fc.record({ file_path: fc.anything(), content: fc.anything() }, { requiredKeys: [] }),
);
/** Hook inputs near the real shape, with any field missing, mistyped or hostile. */
const nearInput = fc
  .record(
    {
      session_id: fc.oneof(fc.string(), fc.anything()),
      cwd: fc.oneof(fc.constant('/home/dev/project'), fc.anything()),
      hook_event_name: hookEvent,
      tool_name: toolName,
      tool_input: toolInput,
      prompt: fc.anything(),
    },
    { requiredKeys: [] },
  )
  .map((fields) => ({ ...sample, ...fields }));
const anyInput = fc.oneof(nearInput, fc.anything(), fc.jsonValue());

let home: string;
beforeAll(() => {
  home = mkdtempSync(path.join(os.tmpdir(), 'warden-cc-fuzz-'));
});
afterAll(() => rmSync(home, { recursive: true, force: true }));
const env = () => ({ HOME: home, WARDEN_HOME: path.join(home, '.warden') });

describe('claudeCodeAdapter.parse under fuzzing', () => {
  it('never throws, whatever the input', () => {
    fc.assert(
      fc.property(anyInput, (input) => {
        const result = claudeCodeAdapter.parse(input);
        expect(typeof result.success).toBe('boolean');
      }),
      { seed: SEED, numRuns: RUNS * 4 },
    );
  });

  it('never allows a tool call it cannot judge, and answers in Claude Code format', async () => {
    await fc.assert(
      fc.asyncProperty(nearInput, async (input) => {
        const result = await guard({ adapter: claudeCodeAdapter, input, env: env() });
        const { stdout, exitCode } = result.output;
        expect([0, 2]).toContain(exitCode);
        if (stdout !== '') expect(typeof JSON.parse(stdout)).toBe('object');
        const name = input.hook_event_name;
        if (name === 'PreToolUse' && result.decision.effect === 'allow') {
          expect(typeof input.tool_name === 'string' && input.tool_name.length > 0).toBe(true);
          expect(
            checkToolInput({
              agent: 'claude-code',
              tool: input.tool_name as string,
              input: input.tool_input,
            }),
          ).toBeUndefined();
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
    // Every answer was recorded, and no content broke the chain.
    const verification = verifyAuditLog({ auditDir: path.join(home, '.warden', 'audit') });
    expect(verification.problems).toEqual([]);
    expect(verification.records).toBe(RUNS);
  });
});
