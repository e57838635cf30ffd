import type { CommandHookResponse, Decision, GuardEvent } from '@warden/core';
import { createTestDecision } from '@warden/test-utils';
import { describe, expect, it } from 'vitest';
import { type AskBehaviour, codexAdapter, createCodexAdapter, renderCodexDecision } from './adapter.js';
import { CODEX_HOOK_EVENTS } from './hook-input-schema.js';
import { readSample, SAMPLE_NAMES, wireValidator } from './test-helpers.js';

/** Every kind of decision core can hand an adapter. */
const DECISIONS: Record<string, Decision> = {
  'default allow': createTestDecision({}),
  'explicit allow': createTestDecision({
    ruleId: 'team.allow-npm',
    reason: 'npm is fine.',
    isDefault: false,
  }),
  deny: createTestDecision({
    effect: 'deny',
    policyEffect: 'deny',
    ruleId: 'shell.delete-system',
    reason: 'Deleting system files is not allowed.',
    isDefault: false,
  }),
  ask: createTestDecision({
    effect: 'ask',
    policyEffect: 'ask',
    ruleId: 'tools.unknown',
    reason: 'Warden does not know what this tool does.',
    isDefault: false,
  }),
  'failure, closed': createTestDecision({
    effect: 'deny',
    policyEffect: 'deny',
    ruleId: 'warden.failure',
    reason: 'Warden could not evaluate this action.',
    isDefault: false,
    failure: { policy: 'closed', error: 'boom' },
  }),
  'failure, open': createTestDecision({
    ruleId: 'warden.failure',
    reason: 'Warden could not evaluate this action; allowed.',
    isDefault: false,
    failure: { policy: 'open', error: 'boom' },
  }),
  'deny in observe mode': createTestDecision({
    policyEffect: 'deny',
    ruleId: 'shell.delete-system',
    reason: 'Would be denied.',
    mode: 'observe',
    isDefault: false,
  }),
  'empty reason': createTestDecision({
    effect: 'deny',
    policyEffect: 'deny',
    ruleId: 'x',
    reason: '',
    isDefault: false,
  }),
};

/** Keys Codex 0.169 parses but rejects as unsupported (failing the hook open) on these events. */
const UNSUPPORTED_KEYS = ['continue', 'stopReason', 'suppressOutput'];

function stopEvent(active: boolean): GuardEvent {
  return {
    id: 'event-1',
    agent: 'codex',
    hookEvent: 'Stop',
    phase: 'response',
    session: 's',
    cwd: '/p',
    timestamp: '2026-11-21T10:00:00.000Z',
    meta: { stop_hook_active: active },
  };
}

/** The semantic rules Codex's output parser enforces beyond the JSON Schema. */
function expectAcceptedByCodex(options: { event: string; output: CommandHookResponse; label: string }) {
  const { event, output, label } = options;
  expect([0, 2], label).toContain(output.exitCode);
  // Exit 2 blocks only with a reason on stderr; without one Codex fails open.
  if (output.exitCode === 2) expect(output.stderr.trim(), label).not.toBe('');
  if (output.stdout === '') return;
  const validate = wireValidator({ event, direction: 'output' });
  expect(
    validate,
    `${label}: Codex has no output schema for ${event}, so it must print nothing`,
  ).toBeDefined();
  expect(
    output.stdout.endsWith('\n') && output.stdout.indexOf('\n') === output.stdout.length - 1,
    label,
  ).toBe(true);
  const value = JSON.parse(output.stdout) as Record<string, unknown>;
  expect(validate!(value), `${label}: ${JSON.stringify(validate!.errors)}`).toBe(true);
  for (const key of UNSUPPORTED_KEYS) expect(value, label).not.toHaveProperty(key);
  if ('decision' in value && value.decision === 'block')
    expect(String(value.reason ?? '').trim(), label).not.toBe('');
  const specific = value.hookSpecificOutput as Record<string, unknown> | undefined;
  if (specific) {
    expect(specific.hookEventName, label).toBe(event);
    // Codex treats allow without updatedInput as an error and ask as unsupported: both fail open.
    if ('permissionDecision' in specific) {
      expect(specific.permissionDecision, label).toBe('deny');
      expect(String(specific.permissionDecisionReason ?? '').trim(), label).not.toBe('');
    }
    expect(specific, label).not.toHaveProperty('updatedInput');
    const permission = specific.decision as Record<string, unknown> | undefined;
    if (permission)
      expect(
        Object.keys(permission).filter((key) => !['behavior', 'message'].includes(key)),
        label,
      ).toEqual([]);
  }
}

describe('renderCodexDecision: the output contract of Codex 0.169', () => {
  const hookEvents = [...CODEX_HOOK_EVENTS, 'unknown', 'NoSuchEvent'];
  for (const askBehaviour of ['deny', 'defer'] as AskBehaviour[]) {
    it(`produces only output Codex accepts, for every event and decision (ask: ${askBehaviour})`, () => {
      for (const hookEvent of hookEvents) {
        for (const [name, value] of Object.entries(DECISIONS)) {
          for (const event of [undefined, stopEvent(true)]) {
            const output = renderCodexDecision({ hookEvent, decision: value, askBehaviour, event });
            expectAcceptedByCodex({ event: hookEvent, output, label: `${hookEvent} / ${name}` });
          }
        }
      }
    });
  }

  it('hands the model a redacted tool output as the block feedback, in a shape Codex accepts', () => {
    const decision = createTestDecision({
      redaction: {
        output: { stdout: 'KEY=[REDACTED:secret.aws_access_key]' },
        findings: ['secret.aws_access_key'],
      },
    });
    const output = renderCodexDecision({ hookEvent: 'PostToolUse', decision });
    expectAcceptedByCodex({ event: 'PostToolUse', output, label: 'redaction' });
    const body = JSON.parse(output.stdout);
    expect(body.decision).toBe('block');
    expect(body.reason).toContain('KEY=[REDACTED:secret.aws_access_key]');
    expect(body.reason).toContain('Warden replaced secret.aws_access_key');
  });

  it('denies a tool call with the documented JSON and, as a second line of defence, exit 2 with the reason on stderr', () => {
    const output = renderCodexDecision({ hookEvent: 'PreToolUse', decision: DECISIONS.deny! });
    expect(JSON.parse(output.stdout)).toEqual({
      hookSpecificOutput: {
        hookEventName: 'PreToolUse',
        permissionDecision: 'deny',
        permissionDecisionReason: 'Warden (shell.delete-system): Deleting system files is not allowed.',
      },
    });
    expect(output.exitCode).toBe(2);
    expect(output.stderr).toBe('Warden (shell.delete-system): Deleting system files is not allowed.\n');
  });

  it('allows with empty stdout and exit 0, never with permissionDecision "allow"', () => {
    for (const name of ['default allow', 'explicit allow', 'failure, open', 'deny in observe mode']) {
      expect(renderCodexDecision({ hookEvent: 'PreToolUse', decision: DECISIONS[name]! }), name).toEqual({
        stdout: '',
        stderr: '',
        exitCode: 0,
      });
    }
  });

  it('blocks an ask by default with a reason telling how to get approval, and defers it when configured', () => {
    const blocked = renderCodexDecision({ hookEvent: 'PreToolUse', decision: DECISIONS.ask! });
    expect(blocked.exitCode).toBe(2);
    expect(blocked.stderr).toContain("needs the user's approval");
    expect(blocked.stderr).toContain('Warden does not know what this tool does.');
    expect(
      renderCodexDecision({ hookEvent: 'PreToolUse', decision: DECISIONS.ask!, askBehaviour: 'defer' }),
    ).toEqual({
      stdout: '',
      stderr: '',
      exitCode: 0,
    });
  });

  it("answers PermissionRequest per policy, and leaves an ask to Codex's own approval prompt", () => {
    expect(
      JSON.parse(renderCodexDecision({ hookEvent: 'PermissionRequest', decision: DECISIONS.deny! }).stdout),
    ).toEqual({
      hookSpecificOutput: {
        hookEventName: 'PermissionRequest',
        decision: {
          behavior: 'deny',
          message: 'Warden (shell.delete-system): Deleting system files is not allowed.',
        },
      },
    });
    expect(
      JSON.parse(
        renderCodexDecision({ hookEvent: 'PermissionRequest', decision: DECISIONS['explicit allow']! })
          .stdout,
      ),
    ).toEqual({
      hookSpecificOutput: { hookEventName: 'PermissionRequest', decision: { behavior: 'allow' } },
    });
    for (const name of ['default allow', 'ask', 'failure, open'])
      expect(
        renderCodexDecision({ hookEvent: 'PermissionRequest', decision: DECISIONS[name]! }).stdout,
        name,
      ).toBe('');
  });

  it('blocks prompts, tool results and final answers with decision "block"', () => {
    for (const hookEvent of ['UserPromptSubmit', 'PostToolUse', 'Stop', 'SubagentStop']) {
      const output = renderCodexDecision({ hookEvent, decision: DECISIONS.deny! });
      expect(JSON.parse(output.stdout), hookEvent).toEqual({
        decision: 'block',
        reason: 'Warden (shell.delete-system): Deleting system files is not allowed.',
      });
      expect(output.exitCode, hookEvent).toBe(2);
    }
  });

  it('does not block a Stop again while a Stop hook is already active (no loop)', () => {
    const output = renderCodexDecision({
      hookEvent: 'Stop',
      decision: DECISIONS.deny!,
      event: stopEvent(true),
    });
    expect(output).toEqual({ stdout: '', stderr: '', exitCode: 0 });
  });

  it('only records session, compaction, subagent-start and interrupt events', () => {
    for (const hookEvent of [
      'SessionStart',
      'SubagentStart',
      'PreCompact',
      'PostCompact',
      'Interrupt',
      'SessionEnd',
    ])
      expect(renderCodexDecision({ hookEvent, decision: DECISIONS.deny! }), hookEvent).toEqual({
        stdout: '',
        stderr: '',
        exitCode: 0,
      });
  });

  it('blocks an unreadable input by exit code alone when the failure policy denies', () => {
    expect(
      renderCodexDecision({ hookEvent: 'unknown', decision: DECISIONS['failure, closed']! }),
    ).toMatchObject({
      stdout: '',
      exitCode: 2,
    });
  });
});

describe('codexAdapter.parse', () => {
  it('turns every captured Codex 0.169 input into a GuardEvent', () => {
    for (const name of SAMPLE_NAMES) {
      const result = codexAdapter.parse(readSample(name));
      expect(result.success, name).toBe(true);
    }
    const bash = codexAdapter.parse(readSample('codex-PreToolUse'));
    expect(bash.success && bash.event).toMatchObject({
      agent: 'codex',
      hookEvent: 'PreToolUse',
      phase: 'tool_call',
      session: '01a1ff79-be61-7790-a731-1fbe63420519',
      cwd: '/home/dev/project',
      tool: { name: 'Bash', input: { command: 'touch /tmp/pwned' }, useId: 'call_mock_001' },
      meta: {
        model: 'gpt-5.5',
        permission_mode: 'bypassPermissions',
        turn_id: '01a1ff79-be74-7733-a9f8-71b28ddb35ed',
      },
    });
    const result = codexAdapter.parse(readSample('codex-apply_patch-PostToolUse'));
    expect(result.success && result.event).toMatchObject({
      phase: 'tool_result',
      tool: { name: 'apply_patch', response: expect.stringContaining('A /tmp/pwned') },
    });
    const prompt = codexAdapter.parse(readSample('codex-UserPromptSubmit'));
    expect(prompt.success && prompt.event).toMatchObject({ phase: 'prompt', prompt: 'do it' });
    const stop = codexAdapter.parse(readSample('codex-Stop'));
    expect(stop.success && stop.event).toMatchObject({
      phase: 'response',
      output: 'Finished.',
      meta: { stop_hook_active: false },
    });
  });

  it('reports what it could read of an invalid input, so the failure renders in the right shape', () => {
    const { tool_name: _removed, ...broken } = readSample('codex-PreToolUse');
    const result = codexAdapter.parse(broken);
    expect(result).toMatchObject({
      success: false,
      hookEvent: 'PreToolUse',
      phase: 'tool_call',
      session: '01a1ff79-be61-7790-a731-1fbe63420519',
    });
    expect(!result.success && result.error.message).toContain('tool_name');
    for (const junk of [null, 'text', [], {}, { hook_event_name: 'Notification' }])
      expect(codexAdapter.parse(junk).success, JSON.stringify(junk)).toBe(false);
  });

  it('declares the v1 adapter contract with the id "codex"', () => {
    const adapter = createCodexAdapter({ askBehaviour: 'defer' });
    expect(adapter).toMatchObject({ specificationVersion: 'v1', id: 'codex' });
  });
});
