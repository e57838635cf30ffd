import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readAuditLog, verifyAuditLog } from '@warden/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runHook } from './hook.js';

let home: string;
beforeEach(() => {
  home = mkdtempSync(path.join(os.tmpdir(), 'warden-hook-'));
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

const env = (extra: Record<string, string> = {}) => ({
  HOME: home,
  WARDEN_HOME: path.join(home, '.warden'),
  ...extra,
});
const preToolUse = (command: string) =>
  JSON.stringify({
    session_id: 's1',
    transcript_path: '/t.jsonl',
    cwd: path.join(home, 'project'),
    hook_event_name: 'PreToolUse',
    tool_name: 'Bash',
    tool_input: { command },
    tool_use_id: 'toolu_1',
  });
const auditLines = () =>
  [...readAuditLog({ auditDir: path.join(home, '.warden', 'audit') })].map(
    (line) => line.record as Record<string, unknown>,
  );

describe('runHook', () => {
  it('denies, records, and answers in the Claude Code format', async () => {
    const response = await runHook({ input: preToolUse('rm -rf /'), env: env() });
    expect(response.exitCode).toBe(0);
    expect(JSON.parse(response.stdout).hookSpecificOutput.permissionDecision).toBe('deny');
    expect(auditLines()).toMatchObject([{ hookEvent: 'PreToolUse', effect: 'deny', session: 's1' }]);
    expect(verifyAuditLog({ auditDir: path.join(home, '.warden', 'audit') }).ok).toBe(true);
  });

  it('blocks an answer holding a secret once, asking for it again without the secret, and never loops', async () => {
    // A secret only gitleaks' rules know: the hook loads them for this answer.
    const webhook = `https://hooks.slack.com/services/T${'0'.repeat(8)}A/B${'1'.repeat(8)}C/aB3dE5fG7hJ9kL1mN3pQ5rS7`;
    const stop = (active: boolean) =>
      JSON.stringify({
        session_id: 's1',
        transcript_path: '/t.jsonl',
        cwd: path.join(home, 'project'),
        hook_event_name: 'Stop',
        stop_hook_active: active,
        last_assistant_message: `Done. Notifications go to ${webhook}`,
      });
    const first = await runHook({ input: stop(false), env: env() });
    const answer = JSON.parse(first.stdout);
    expect(answer).toMatchObject({ decision: 'block' });
    expect(answer.reason).toContain('Write the answer again without the credential');
    expect(answer.reason).not.toContain(webhook);
    // The re-run carries stop_hook_active: the answer is let through rather than blocked forever.
    const second = await runHook({ input: stop(true), env: env() });
    expect(second).toMatchObject({ stdout: '', exitCode: 0 });
    expect(auditLines().map((record) => [record.hookEvent, record.ruleId])).toEqual([
      ['Stop', 'detectors.secrets'],
      ['Stop', 'detectors.secrets'],
    ]);
    expect(JSON.stringify(auditLines())).not.toContain('aB3dE5fG7hJ9kL1mN3pQ5rS7');
  });

  it('follows the failure policy on input that is not JSON, without a stack trace', async () => {
    const closed = await runHook({ input: 'Traceback (most recent call last)', env: env() });
    expect(closed).toMatchObject({ stdout: '', exitCode: 2 });
    expect(closed.stderr).toContain('failure policy is "closed"');
    expect(closed.stderr).not.toMatch(/\n\s+at /);
    const open = await runHook({ input: 'garbage', env: env({ WARDEN_FAILURE: 'open' }) });
    expect(open).toMatchObject({ stdout: '', exitCode: 0 });
    expect(auditLines().map((record) => record.ruleId)).toEqual(['warden.failure', 'warden.failure']);
  });

  it('renders a failure decision in the event’s own shape when the input is JSON but invalid', async () => {
    const response = await runHook({
      input: JSON.stringify({ hook_event_name: 'PreToolUse', session_id: 's', cwd: '/' }),
      env: env(),
    });
    expect(JSON.parse(response.stdout).hookSpecificOutput).toMatchObject({ permissionDecision: 'deny' });
  });

  it('applies the failure policy when the configuration is invalid, and says where', async () => {
    const policy = path.join(home, 'policy.yaml');
    writeFileSync(policy, 'rules:\n  - id: bad\n    effect: maybe\n    reason: x\n');
    const response = await runHook({ input: preToolUse('ls'), env: env({ WARDEN_POLICY: policy }) });
    const output = JSON.parse(response.stdout).hookSpecificOutput;
    expect(output.permissionDecision).toBe('deny');
    expect(output.permissionDecisionReason).toContain(`${policy}:3`);
    expect(output.permissionDecisionReason).toContain('rule "bad"');
  });

  it('answers by its deadline, by the failure policy, when the agent never closes stdin', async () => {
    const fifo = path.join(home, 'stdin.fifo');
    execFileSync('mkfifo', [fifo]);
    // Opened read-write: the read never sees end-of-file, like an agent that keeps the pipe open.
    const descriptor = openSync(fifo, 'r+');
    try {
      const response = await runHook({ descriptor, env: env(), deadlineMs: 200 });
      expect(response.exitCode).toBe(2);
      expect(response.stderr).toMatch(/no decision within \d+ ms/);
    } finally {
      writeSync(descriptor, '\n');
      closeSync(descriptor);
    }
  });
});
