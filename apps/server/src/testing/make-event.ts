import type { WardenEvent } from '@warden/core';

let counter = 0;

/** A valid protocol v1 event with sensible defaults; override any field. */
export function makeEvent(overrides: Partial<WardenEvent> & { device?: string } = {}): WardenEvent {
  counter++;
  const { device, ...rest } = overrides;
  return {
    id: `evt-${process.pid}-${Date.now()}-${counter}-${Math.random().toString(36).slice(2, 8)}`,
    ts: new Date(Date.UTC(2026, 11, 1, 10, 0, 0) + counter * 1000).toISOString(),
    agent: 'claude-code',
    session: 'session-1',
    hookEvent: 'PreToolUse',
    phase: 'tool_call',
    cwd: '/home/dev/project',
    host: { name: 'laptop-1', user: 'dev' },
    tool: { name: 'Bash', input: { command: 'ls -la' } },
    actions: [{ kind: 'shell.exec', tool: 'Bash', resources: { command: 'ls -la' } }],
    decision: {
      effect: 'allow',
      policyEffect: 'allow',
      ruleId: 'default',
      reason: 'No rule matched.',
      mode: 'enforce',
      findings: [],
    },
    client: {
      device: device ?? 'laptop-1',
      adapter: '@warden/claude-code@0.1.0',
      policyHash: 'abc',
      latencyMs: 12,
    },
    ...rest,
  };
}
