import { describe, expect, it } from 'vitest';
import { codexHookInputSchema } from './hook-input-schema.js';
import {
  CODEX_SESSION_EVENTS,
  codexSessionInputTemplate,
  isCodexSessionEvent,
  nativeInputFromArguments,
} from './session-templates.js';
import { expandCodexTemplate, readSample, readWireSchema } from './test-helpers.js';

const sessionStart = {
  session_id: '01a1ff79-be61-7790-a731-1fbe63420519',
  transcript_path: null,
  cwd: '/home/dev/project',
  hook_event_name: 'SessionStart',
  model: 'gpt-5.5',
  permission_mode: 'default',
  source: 'startup',
};

describe('codexSessionInputTemplate', () => {
  it('names, for every routed event, only fields Codex always sends with a value (never transcript_path or subagent fields)', () => {
    for (const event of CODEX_SESSION_EVENTS) {
      const schema = readWireSchema({ event, direction: 'input' }) as {
        required: string[];
        properties: Record<string, { type?: string | string[]; $ref?: string }>;
      };
      const fields = Object.keys(codexSessionInputTemplate(event));
      for (const field of fields) expect(schema.required, `${event}.${field}`).toContain(field);
      expect(fields).not.toContain('transcript_path');
      expect(fields).not.toContain('agent_id');
      // Every required non-nullable field is named, so nothing Warden decides on is lost.
      for (const field of schema.required) {
        const property = schema.properties[field];
        const nullable =
          (Array.isArray(property?.type) && property.type.includes('null')) ||
          property?.$ref?.endsWith('/NullableString') === true;
        if (!nullable) expect(fields, `${event} must name ${field}`).toContain(field);
        // The one nullable field named on purpose (see session-templates.ts).
        else if (field !== 'last_assistant_message') expect(fields).not.toContain(field);
      }
    }
  });

  it('writes each field as a whole-string placeholder, so Codex hands objects over as objects', () => {
    expect(codexSessionInputTemplate('PreToolUse')).toEqual({
      hook_event_name: `\${hook_event_name}`,
      session_id: `\${session_id}`,
      cwd: `\${cwd}`,
      model: `\${model}`,
      permission_mode: `\${permission_mode}`,
      turn_id: `\${turn_id}`,
      tool_name: `\${tool_name}`,
      tool_input: `\${tool_input}`,
      tool_use_id: `\${tool_use_id}`,
    });
  });

  it('routes the events Codex serves to MCP hooks and keeps SessionEnd and the unverified ones on command hooks', () => {
    expect([...CODEX_SESSION_EVENTS]).toEqual([
      'SessionStart',
      'UserPromptSubmit',
      'PreToolUse',
      'PostToolUse',
      'Stop',
    ]);
    for (const event of ['SessionEnd', 'PermissionRequest', 'SubagentStart', 'Interrupt', 'PreCompact'])
      expect(isCodexSessionEvent(event)).toBe(false);
  });
});

describe('nativeInputFromArguments', () => {
  const samples = [
    ...[
      'codex-PreToolUse',
      'codex-PostToolUse',
      'codex-apply_patch-PreToolUse',
      'codex-apply_patch-PostToolUse',
    ],
    ...['codex-UserPromptSubmit', 'codex-Stop'],
  ].map((name) => readSample(name));

  it("gives back Codex's native input, field for field, for every routed event (transcript_path null)", () => {
    for (const native of [...samples, sessionStart]) {
      const event = native.hook_event_name as (typeof CODEX_SESSION_EVENTS)[number];
      const args = expandCodexTemplate({ template: codexSessionInputTemplate(event), input: native });
      const mapped = nativeInputFromArguments(args);
      expect(mapped.success).toBe(true);
      if (!mapped.success) continue;
      expect(mapped.input).toEqual({ ...native, transcript_path: null });
      // The adapter's schema for the event accepts it as it accepts the command hook's stdin.
      expect(codexHookInputSchema(event).safeParse(mapped.input).success).toBe(true);
    }
  });

  it('keeps tool_input and a PostToolUse tool_response as the objects or strings Codex sent', () => {
    const native: Record<string, unknown> = {
      ...readSample('codex-PostToolUse'),
      tool_input: { command: 'ls', nested: [1, { a: true }] },
    };
    const args = expandCodexTemplate({ template: codexSessionInputTemplate('PostToolUse'), input: native });
    const mapped = nativeInputFromArguments(args);
    expect(mapped.success && mapped.input.tool_input).toEqual({ command: 'ls', nested: [1, { a: true }] });
    expect(mapped.success && mapped.input.tool_response).toEqual(native.tool_response);
  });

  it('drops fields a Warden template never sends', () => {
    const mapped = nativeInputFromArguments({ ...sessionStart, agent_type: 'x', injected: 1 });
    expect(mapped.success && Object.keys(mapped.input).sort()).toEqual(Object.keys(sessionStart).sort());
  });

  it('refuses arguments that are not a Warden template, saying what arrived', () => {
    expect(nativeInputFromArguments('')).toMatchObject({
      success: false,
      message: expect.stringContaining('empty string'),
    });
    expect(nativeInputFromArguments(null)).toMatchObject({
      success: false,
      message: expect.stringContaining('null'),
    });
    expect(nativeInputFromArguments([1])).toMatchObject({
      success: false,
      message: expect.stringContaining('array'),
    });
    expect(nativeInputFromArguments({ tool_name: 'Bash' })).toMatchObject({
      success: false,
      message: expect.stringContaining('no hook_event_name'),
    });
    expect(nativeInputFromArguments({ hook_event_name: 'SessionEnd' })).toMatchObject({
      success: false,
      hookEvent: 'SessionEnd',
    });
  });

  it('fails the Stop template when Codex has no last assistant message, as Codex fails it (the hook then does nothing)', () => {
    const native = { ...readSample('codex-Stop'), last_assistant_message: null };
    expect(() => expandCodexTemplate({ template: codexSessionInputTemplate('Stop'), input: native })).toThrow(
      /last_assistant_message/,
    );
  });
});
