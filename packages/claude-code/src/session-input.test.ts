import { describe, expect, it } from 'vitest';
import {
  claudeCodeSessionTemplate,
  renderClaudeCodeSessionTemplate,
  toClaudeCodeHookInput,
} from './session-input.js';

describe('claudeCodeSessionTemplate', () => {
  it('names every field of the routed events as a placeholder, and marks its version', () => {
    const template = claudeCodeSessionTemplate();
    expect(template.warden_template).toBe(1);
    for (const field of [
      'hook_event_name',
      'session_id',
      'cwd',
      'transcript_path',
      'permission_mode',
      'tool_name',
      'tool_input',
      'tool_response',
      'tool_use_id',
      'agent_id',
      'prompt',
      'stop_hook_active',
      'last_assistant_message',
    ])
      expect(template[field]).toBe(`\${${field}}`);
  });
});

describe('renderClaudeCodeSessionTemplate', () => {
  it('renders each field as Claude Code does: objects as JSON text, numbers as digits, a missing field as ""', () => {
    const args = renderClaudeCodeSessionTemplate({
      input: { hook_event_name: 'PreToolUse', tool_input: { command: 'ls' }, duration_ms: 29 },
    });
    expect(args).toMatchObject({
      warden_template: 1,
      hook_event_name: 'PreToolUse',
      tool_input: '{"command":"ls"}',
      duration_ms: '29',
      prompt: '',
    });
    expect(toClaudeCodeHookInput(args)).toEqual({
      hook_event_name: 'PreToolUse',
      tool_input: { command: 'ls' },
      duration_ms: 29,
    });
  });
});

describe('toClaudeCodeHookInput', () => {
  it('decodes objects sent as JSON text, booleans and numbers sent as strings', () => {
    expect(
      toClaudeCodeHookInput({
        warden_template: 1,
        hook_event_name: 'PostToolUse',
        session_id: 's',
        cwd: '/p',
        tool_name: 'Bash',
        tool_input: '{"command":"ls"}',
        tool_response: '{"stdout":"a"}',
        duration_ms: '29',
        stop_hook_active: '',
        prompt: '',
        agent_id: '',
      }),
    ).toEqual({
      hook_event_name: 'PostToolUse',
      session_id: 's',
      cwd: '/p',
      tool_name: 'Bash',
      tool_input: { command: 'ls' },
      tool_response: { stdout: 'a' },
      duration_ms: 29,
    });
  });

  it('keeps a tool response that was a plain string, and JSON-looking text that does not parse', () => {
    const input = toClaudeCodeHookInput({
      hook_event_name: 'PostToolUse',
      tool_response: 'done',
      tool_input: '{oops',
    });
    expect(input).toMatchObject({ tool_response: 'done', tool_input: '{oops' });
  });

  it('keeps an empty prompt and an empty final answer, which are real values of their events', () => {
    expect(toClaudeCodeHookInput({ hook_event_name: 'UserPromptSubmit', prompt: '' })).toEqual({
      hook_event_name: 'UserPromptSubmit',
      prompt: '',
    });
    expect(
      toClaudeCodeHookInput({
        hook_event_name: 'Stop',
        stop_hook_active: 'true',
        last_assistant_message: '',
      }),
    ).toEqual({ hook_event_name: 'Stop', stop_hook_active: true, last_assistant_message: '' });
  });

  it('passes values of an unexpected type on for the schema to judge, and ignores unknown keys', () => {
    expect(
      toClaudeCodeHookInput({
        hook_event_name: 'PreToolUse',
        session_id: 42,
        tool_input: { a: 1 },
        extra: 'x',
        constructor: 'y',
      }),
    ).toEqual({ hook_event_name: 'PreToolUse', session_id: 42, tool_input: { a: 1 } });
  });

  it('drops a placeholder that this Claude Code left literal', () => {
    expect(toClaudeCodeHookInput({ hook_event_name: 'Stop', agent_type: `$${'{'}agent_type}` })).toEqual({
      hook_event_name: 'Stop',
    });
  });
});
