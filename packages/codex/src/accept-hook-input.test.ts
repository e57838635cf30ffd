import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { acceptCodexToolInput } from './accept-hook-input.js';
import { type CodexHookEvent, codexHookInputSchema } from './hook-input-schema.js';

const fixture = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL(`./__fixtures__/${name}.json`, import.meta.url), 'utf8'));

// Mostly well-formed, so that inputs pass every check as often as they fail one.
const maybe = (arbitrary: fc.Arbitrary<unknown>) =>
  fc.oneof({ arbitrary, weight: 30 }, fc.constant(undefined), fc.constant(null), fc.integer(), fc.anything());
const EVENTS: CodexHookEvent[] = [
  'PreToolUse',
  'PermissionRequest',
  'PostToolUse',
  'Stop',
  'UserPromptSubmit',
];
const nearInput = fc.record(
  {
    session_id: maybe(fc.string()),
    transcript_path: maybe(fc.string()),
    cwd: maybe(fc.constant('/home/dev/project')),
    model: maybe(fc.constant('gpt-5')),
    permission_mode: maybe(fc.constant('default')),
    turn_id: maybe(fc.string()),
    hook_event_name: maybe(fc.constantFrom(...EVENTS)),
    agent_id: maybe(fc.string()),
    agent_type: maybe(fc.string()),
    tool_name: maybe(fc.constantFrom('Bash', '', 'apply_patch')),
    tool_input: fc.anything(),
    tool_response: fc.anything(),
    tool_use_id: maybe(fc.string()),
    extra: fc.anything(),
  },
  {
    requiredKeys: [
      'session_id',
      'transcript_path',
      'cwd',
      'model',
      'permission_mode',
      'turn_id',
      'tool_input',
    ],
  },
);

describe('acceptCodexToolInput', () => {
  it('accepts the inputs Codex sends on tool calls', () => {
    for (const name of ['codex-PreToolUse', 'codex-PostToolUse', 'codex-apply_patch-PreToolUse']) {
      const input = fixture(name);
      expect(acceptCodexToolInput(input, input.hook_event_name as CodexHookEvent)).toBe(input);
    }
    const stop = fixture('codex-Stop');
    expect(acceptCodexToolInput(stop, 'Stop')).toBeUndefined();
  });

  it('accepts only what the schema of the event accepts, with the same data', () => {
    let accepted = 0;
    fc.assert(
      fc.property(nearInput, fc.constantFrom(...EVENTS), (input, event) => {
        const fast = acceptCodexToolInput(input, event);
        if (!fast) return;
        accepted++;
        expect(codexHookInputSchema(event).safeParse(input)).toEqual({ success: true, data: fast });
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 2000) },
    );
    // The property says something only if well-formed inputs were among those tried.
    expect(accepted).toBeGreaterThan(20);
  });
});
