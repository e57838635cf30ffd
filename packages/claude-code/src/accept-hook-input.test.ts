import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { acceptBaseHookInput, acceptToolHookInput } from './accept-hook-input.js';
import { baseHookInputSchema, toolHookInputSchema } from './hook-input-schema.js';

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`./__fixtures__/${name}.json`, import.meta.url), 'utf8'));

// Values of every kind for each field, so that both sides of each check are reached.
// Mostly well-formed, so that inputs pass every check as often as they fail one.
const maybe = (arbitrary: fc.Arbitrary<unknown>) =>
  fc.oneof({ arbitrary, weight: 30 }, fc.constant(undefined), fc.constant(null), fc.integer(), fc.anything());
const nearInput = fc.record(
  {
    session_id: maybe(fc.string()),
    cwd: maybe(fc.constant('/home/dev/project')),
    hook_event_name: maybe(
      fc.constantFrom(
        'PreToolUse',
        'PostToolUse',
        'PostToolUseFailure',
        'PermissionRequest',
        'Stop',
        'Other',
      ),
    ),
    transcript_path: maybe(fc.string()),
    prompt_id: maybe(fc.string()),
    permission_mode: maybe(fc.string()),
    agent_id: maybe(fc.string()),
    agent_type: maybe(fc.string()),
    tool_name: maybe(fc.constantFrom('Bash', '', 'Read')),
    tool_input: fc.anything(),
    tool_use_id: maybe(fc.string()),
    tool_response: fc.anything(),
    error: maybe(fc.string()),
    mcp_server: maybe(fc.record({ name: fc.string() })),
    extra: fc.anything(),
  },
  { requiredKeys: ['session_id', 'cwd', 'hook_event_name', 'tool_name', 'tool_input'] },
);
const anyInput = fc.oneof({ arbitrary: nearInput, weight: 8 }, fc.anything(), fc.jsonValue());

describe('acceptBaseHookInput and acceptToolHookInput', () => {
  it('accept the inputs Claude Code sends on tool calls', () => {
    for (const name of [
      'claude-code-PreToolUse',
      'claude-code-PostToolUse',
      'claude-code-write-PreToolUse',
    ]) {
      const input = fixture(name);
      expect(acceptBaseHookInput(input)).toBe(input);
      expect(acceptToolHookInput(input)).toBe(input);
    }
    expect(acceptBaseHookInput(fixture('claude-code-Stop'))).toBeDefined();
    expect(acceptToolHookInput(fixture('claude-code-Stop'))).toBeUndefined();
  });

  it('accept only what the schemas accept, with the same data', () => {
    let accepted = 0;
    fc.assert(
      fc.property(anyInput, (input) => {
        const base = acceptBaseHookInput(input);
        if (base) expect(baseHookInputSchema.safeParse(input)).toEqual({ success: true, data: base });
        const tool = acceptToolHookInput(input);
        if (tool) expect(toolHookInputSchema.safeParse(input)).toEqual({ success: true, data: tool });
        if (tool) accepted++;
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 2000) },
    );
    // The property says something only if well-formed inputs were among those tried.
    expect(accepted).toBeGreaterThan(20);
  });
});
