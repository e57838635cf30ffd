import { readFileSync } from 'node:fs';
import { createConfig, decide } from '@warden/core';
import { createTestDecision } from '@warden/test-utils';
import { describe, expect, it } from 'vitest';
import { claudeCodeAdapter, renderClaudeCodeDecision } from './adapter.js';

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`./__fixtures__/claude-code-${name}.json`, import.meta.url), 'utf8'));

const deny = createTestDecision({
  effect: 'deny',
  policyEffect: 'deny',
  ruleId: 'r1',
  reason: 'Do X instead.',
  isDefault: false,
});
const ask = createTestDecision({
  effect: 'ask',
  policyEffect: 'ask',
  ruleId: 'r2',
  reason: 'Confirm.',
  isDefault: false,
});
const explicitAllow = createTestDecision({ ruleId: 'r3', reason: 'Approved by policy.', isDefault: false });

describe('claudeCodeAdapter.parse', () => {
  it('reads every captured Claude Code hook input into a GuardEvent', () => {
    const pre = claudeCodeAdapter.parse(fixture('PreToolUse'));
    expect(pre).toMatchObject({
      success: true,
      event: {
        agent: 'claude-code',
        hookEvent: 'PreToolUse',
        phase: 'tool_call',
        session: '1135d9d5-3cbc-4750-92d0-3f2b78ea4d62',
        cwd: '/home/dev/project',
        tool: { name: 'Bash', input: { command: 'touch /tmp/pwned' }, useId: 'toolu_mock_001' },
        meta: { permission_mode: 'bypassPermissions' },
      },
    });
    expect(claudeCodeAdapter.parse(fixture('PostToolUse'))).toMatchObject({
      success: true,
      event: { phase: 'tool_result' },
    });
    expect(claudeCodeAdapter.parse(fixture('write-PostToolUse'))).toMatchObject({
      success: true,
      event: { tool: { name: 'Write', response: { type: 'create' } } },
    });
    expect(claudeCodeAdapter.parse(fixture('UserPromptSubmit'))).toMatchObject({
      success: true,
      event: { phase: 'prompt', prompt: expect.any(String) },
    });
    expect(claudeCodeAdapter.parse(fixture('Stop'))).toMatchObject({
      success: true,
      event: { phase: 'response', output: 'Finished.', meta: { stop_hook_active: false } },
    });
  });

  it('reports what it could read of an invalid input, so the failure is rendered in the right shape', () => {
    const result = claudeCodeAdapter.parse({
      hook_event_name: 'PreToolUse',
      session_id: 's',
      cwd: '/p',
      tool_input: {},
    });
    expect(result).toMatchObject({
      success: false,
      hookEvent: 'PreToolUse',
      phase: 'tool_call',
      session: 's',
    });
    if (!result.success) expect(result.error.message).toContain('tool_name');
    expect(claudeCodeAdapter.parse('not json at all')).toMatchObject({ success: false });
    expect(claudeCodeAdapter.parse(null)).toMatchObject({ success: false });
  });

  it('classifies the parsed event with the recommended pack end to end', () => {
    const parsed = claudeCodeAdapter.parse({
      ...(fixture('PreToolUse') as object),
      tool_input: { command: 'rm -rf /' },
    });
    if (!parsed.success) throw parsed.error;
    const config = createConfig({ policy: 'recommended', home: '/home/dev/.warden', userHome: '/home/dev' });
    expect(decide(parsed.event, config).effect).toBe('deny');
  });
});

describe('renderClaudeCodeDecision', () => {
  it('denies a tool call with permissionDecision "deny" and a reason Claude sees', () => {
    const output = renderClaudeCodeDecision({ hookEvent: 'PreToolUse', decision: deny });
    expect(output.exitCode).toBe(0);
    expect(JSON.parse(output.stdout)).toEqual({
      hookSpecificOutput: {
        hookEventName: 'PreToolUse',
        permissionDecision: 'deny',
        permissionDecisionReason: 'Warden (r1): Do X instead.',
      },
    });
  });

  it('maps ask to permissionDecision "ask"', () => {
    expect(
      JSON.parse(renderClaudeCodeDecision({ hookEvent: 'PreToolUse', decision: ask }).stdout),
    ).toMatchObject({
      hookSpecificOutput: { permissionDecision: 'ask' },
    });
  });

  it('prints nothing for a default allow, and approves only when a rule explicitly allows', () => {
    expect(renderClaudeCodeDecision({ hookEvent: 'PreToolUse', decision: createTestDecision({}) })).toEqual({
      stdout: '',
      stderr: '',
      exitCode: 0,
    });
    expect(
      JSON.parse(renderClaudeCodeDecision({ hookEvent: 'PreToolUse', decision: explicitAllow }).stdout),
    ).toMatchObject({
      hookSpecificOutput: { hookEventName: 'PreToolUse', permissionDecision: 'allow' },
    });
    // Observe mode never approves on the user's behalf, whatever the policy said.
    const observed = createTestDecision({
      effect: 'allow',
      policyEffect: 'deny',
      mode: 'observe',
      isDefault: false,
    });
    expect(renderClaudeCodeDecision({ hookEvent: 'PreToolUse', decision: observed }).stdout).toBe('');
  });

  it('answers PermissionRequest with decision.behavior, leaving ask to Claude Code itself', () => {
    expect(
      JSON.parse(renderClaudeCodeDecision({ hookEvent: 'PermissionRequest', decision: deny }).stdout),
    ).toEqual({
      hookSpecificOutput: {
        hookEventName: 'PermissionRequest',
        decision: { behavior: 'deny', message: 'Warden (r1): Do X instead.' },
      },
    });
    expect(
      JSON.parse(
        renderClaudeCodeDecision({ hookEvent: 'PermissionRequest', decision: explicitAllow }).stdout,
      ),
    ).toEqual({
      hookSpecificOutput: { hookEventName: 'PermissionRequest', decision: { behavior: 'allow' } },
    });
    expect(renderClaudeCodeDecision({ hookEvent: 'PermissionRequest', decision: ask }).stdout).toBe('');
  });

  it('blocks prompts and answers with decision "block", and never blocks a Stop twice', () => {
    expect(
      JSON.parse(renderClaudeCodeDecision({ hookEvent: 'UserPromptSubmit', decision: deny }).stdout),
    ).toEqual({
      decision: 'block',
      reason: 'Warden (r1): Do X instead.',
    });
    expect(JSON.parse(renderClaudeCodeDecision({ hookEvent: 'Stop', decision: deny }).stdout)).toMatchObject({
      decision: 'block',
    });
    const parsed = claudeCodeAdapter.parse({ ...(fixture('Stop') as object), stop_hook_active: true });
    if (!parsed.success) throw parsed.error;
    expect(renderClaudeCodeDecision({ hookEvent: 'Stop', decision: deny, event: parsed.event }).stdout).toBe(
      '',
    );
  });

  it('shows the reason to Claude after a tool ran, and stays silent on session events', () => {
    expect(JSON.parse(renderClaudeCodeDecision({ hookEvent: 'PostToolUse', decision: deny }).stdout)).toEqual(
      {
        decision: 'block',
        reason: 'Warden (r1): Do X instead.',
      },
    );
    expect(renderClaudeCodeDecision({ hookEvent: 'SessionStart', decision: deny }).stdout).toBe('');
    expect(renderClaudeCodeDecision({ hookEvent: 'SessionEnd', decision: deny }).stdout).toBe('');
  });

  it('replaces a tool output by its redacted copy with updatedToolOutput, and tells Claude why', () => {
    const redacted = {
      stdout: 'AWS_ACCESS_KEY_ID=[REDACTED:secret.aws_access_key]',
      stderr: '',
      interrupted: false,
    };
    const decision = createTestDecision({
      redaction: { output: redacted, findings: ['secret.aws_access_key'] },
    });
    expect(JSON.parse(renderClaudeCodeDecision({ hookEvent: 'PostToolUse', decision }).stdout)).toEqual({
      hookSpecificOutput: {
        hookEventName: 'PostToolUse',
        additionalContext: 'Warden replaced secret.aws_access_key in this output with [REDACTED:…] markers.',
        updatedToolOutput: redacted,
      },
    });
    // A failure has no output to replace; the redaction is not rendered there.
    expect(renderClaudeCodeDecision({ hookEvent: 'PostToolUseFailure', decision }).stdout).toBe('');
  });

  it('shows detector warnings: as context after a tool ran, to the user on a prompt', () => {
    const decision = createTestDecision({
      warnings: ['The prompt contains a payment card number (pii.card).'],
    });
    expect(JSON.parse(renderClaudeCodeDecision({ hookEvent: 'UserPromptSubmit', decision }).stdout)).toEqual({
      systemMessage: 'Warden: The prompt contains a payment card number (pii.card).',
    });
    expect(JSON.parse(renderClaudeCodeDecision({ hookEvent: 'PostToolUse', decision }).stdout)).toEqual({
      hookSpecificOutput: {
        hookEventName: 'PostToolUse',
        additionalContext: 'Warden: The prompt contains a payment card number (pii.card).',
      },
    });
  });

  it('blocks an unreadable event with exit code 2 and the reason on stderr', () => {
    expect(renderClaudeCodeDecision({ hookEvent: 'unknown', decision: deny })).toEqual({
      stdout: '',
      stderr: 'Warden (r1): Do X instead.\n',
      exitCode: 2,
    });
    expect(
      renderClaudeCodeDecision({ hookEvent: 'unknown', decision: createTestDecision({}) }).exitCode,
    ).toBe(0);
  });
});
