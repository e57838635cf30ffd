import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkToolInput, verifyAuditLog } from '@warden/core';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codexAdapter } from './adapter.js';
import { runCodexHook } from './hook.js';
import { CODEX_HOOK_EVENTS } from './hook-input-schema.js';
import { readSample, wireValidator } from './test-helpers.js';

// Fixed seed and a bounded count in CI; `pnpm bench` runs the same properties longer (FUZZ_RUNS).
const SEED = 1414;
const RUNS = Number(process.env.FUZZ_RUNS ?? 150);

const sample = readSample('codex-PreToolUse');
const hookEvent = fc.oneof(fc.constantFrom(...CODEX_HOOK_EVENTS, 'constructor', '__proto__'), fc.string());
const toolName = fc.oneof(fc.constantFrom('Bash', 'exec_command', 'apply_patch', 'mcp__x__y'), fc.string());
const toolInput = fc.oneof(
  fc.anything(),
  fc.record({ command: fc.oneof(fc.string(), fc.array(fc.string()), fc.anything()) }, { requiredKeys: [] }),
);
const nearInput = fc
  .record(
    {
      session_id: fc.oneof(fc.string(), fc.anything()),
      hook_event_name: hookEvent,
      tool_name: toolName,
      tool_input: toolInput,
      prompt: fc.anything(),
      turn_id: fc.anything(),
    },
    { requiredKeys: [] },
  )
  .map((fields) => ({ ...sample, ...fields }));

let home: string;
beforeAll(() => {
  home = mkdtempSync(path.join(os.tmpdir(), 'warden-codex-fuzz-'));
});
afterAll(() => rmSync(home, { recursive: true, force: true }));

describe('codexAdapter under fuzzing', () => {
  it('parses anything without throwing', () => {
    fc.assert(
      fc.property(fc.oneof(nearInput, fc.anything(), fc.jsonValue()), (input) => {
        expect(typeof codexAdapter.parse(input).success).toBe('boolean');
      }),
      { seed: SEED, numRuns: RUNS * 4 },
    );
  });

  it('answers every input with output Codex accepts, never letting an unjudgeable tool call through', async () => {
    await fc.assert(
      fc.asyncProperty(nearInput, async (input) => {
        const response = await runCodexHook({
          stdin: JSON.stringify(input),
          env: { HOME: home, WARDEN_HOME: path.join(home, '.warden') },
        });
        const event = typeof input.hook_event_name === 'string' ? input.hook_event_name : '';
        if (response.exitCode === 2) {
          // Codex blocks on exit 2 only with a reason on stderr.
          expect(response.stderr.trim()).not.toBe('');
          return;
        }
        expect(response.exitCode).toBe(0);
        if (response.stdout !== '') {
          const validate = wireValidator({ event, direction: 'output' });
          if (validate)
            expect(validate(JSON.parse(response.stdout)), JSON.stringify(validate.errors)).toBe(true);
        }
        if (event === 'PreToolUse' && !response.stdout.includes('"deny"')) {
          expect(
            checkToolInput({ agent: 'codex', tool: String(input.tool_name), input: input.tool_input }),
          ).toBeUndefined();
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
    const verification = verifyAuditLog({ auditDir: path.join(home, '.warden', 'audit') });
    expect(verification.problems).toEqual([]);
    expect(verification.records).toBe(RUNS);
  });
});
