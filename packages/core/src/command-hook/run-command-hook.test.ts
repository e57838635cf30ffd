import { execFileSync } from 'node:child_process';
import {
  closeSync,
  constants,
  mkdirSync,
  mkdtempSync,
  openSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AdapterV1, CommandHookResponse } from '../adapter.js';
import { readAuditHealth } from '../audit/audit-health.js';
import { readAuditLog } from '../audit/read-audit-log.js';

const records = (auditDir: string) => [...readAuditLog({ auditDir })].map((line) => line.record);

import { InvalidInputError } from '../errors.js';
import { runCommandHook } from './run-command-hook.js';

// A minimal agent: `{event, session, cwd, command}` in; deny is exit 2 + reason, allow is silence.
const adapter: AdapterV1<CommandHookResponse> = {
  specificationVersion: 'v1',
  id: 'test-agent',
  parse(input) {
    const record = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
    if (typeof record.command !== 'string' || typeof record.hook_event_name !== 'string') {
      return { success: false, error: new InvalidInputError({ message: 'not a test-agent input' }) };
    }
    return {
      success: true,
      event: {
        id: 'e',
        agent: 'test-agent',
        hookEvent: record.hook_event_name,
        phase: 'tool_call',
        session: 's',
        cwd: '/home/dev/project',
        timestamp: new Date().toISOString(),
        tool: { name: 'Bash', input: { command: record.command } },
      },
    };
  },
  render: ({ decision }) =>
    decision.effect === 'deny'
      ? { stdout: '', stderr: `${decision.ruleId}: ${decision.reason}\n`, exitCode: 2 }
      : { stdout: '', stderr: '', exitCode: 0 },
};

let home: string;
beforeEach(() => {
  home = mkdtempSync(path.join(os.tmpdir(), 'warden-command-hook-'));
});
afterEach(() => rmSync(home, { recursive: true, force: true }));
const env = (extra: Record<string, string> = {}) => ({ HOME: home, ...extra });

describe('runCommandHook', () => {
  it('decides an input through the policy', async () => {
    const denied = await runCommandHook({
      adapter,
      input: JSON.stringify({ hook_event_name: 'Pre', command: 'rm -rf /' }),
      env: env(),
    });
    expect(denied.exitCode).toBe(2);
    expect(denied.stderr).toMatch(/^shell\./);
    const allowed = await runCommandHook({
      adapter,
      input: JSON.stringify({ hook_event_name: 'Pre', command: 'ls' }),
      env: env(),
    });
    expect(allowed).toEqual({ stdout: '', stderr: '', exitCode: 0 });
  });

  it('applies the failure policy to input that is not JSON', async () => {
    expect((await runCommandHook({ adapter, input: '<html>', env: env() })).exitCode).toBe(2);
    expect(
      (await runCommandHook({ adapter, input: '<html>', env: env({ WARDEN_FAILURE: 'open' }) })).exitCode,
    ).toBe(0);
  });

  it('answers by its deadline, by the failure policy, when the input never ends', async () => {
    const fifo = path.join(home, 'stdin.fifo');
    execFileSync('mkfifo', [fifo]);
    const descriptor = openSync(fifo, 'r+');
    try {
      const response = await runCommandHook({ adapter, descriptor, env: env(), deadlineMs: 150 });
      expect(response.exitCode).toBe(2);
      expect(response.stderr).toMatch(/no decision within \d+ ms/);
      // The deadline answer is in the audit log too, marked as such.
      const logged = records(path.join(home, '.warden', 'audit'));
      expect(logged).toHaveLength(1);
      expect(logged[0]).toMatchObject({
        effect: 'deny',
        ruleId: 'warden.failure',
        findings: [{ id: 'analysis.deadline' }],
        meta: { answeredBy: 'deadline' },
      });
    } finally {
      writeSync(descriptor, '\n');
      closeSync(descriptor);
    }
  });

  it('records an answer to input that is not JSON, redacted and cut', async () => {
    // Not the documentation key (AKIA…EXAMPLE), which the secrets detector rightly leaves alone.
    const secret = ['AKIA', 'IOSFODNN7', 'EXAMPLQ'].join('');
    await runCommandHook({ adapter, input: `<html> ${secret} ${'x'.repeat(10_000)}`, env: env() });
    const [record] = records(path.join(home, '.warden', 'audit'));
    expect(record).toMatchObject({ effect: 'deny', failure: { policy: 'closed' } });
    const unparsed = String(record!.meta?.unparsedInput);
    expect(unparsed).not.toContain(secret);
    expect(unparsed.length).toBeLessThan(5000);
  });

  it('refuses input over the size limit by the failure policy and records it as oversized', async () => {
    const fifo = path.join(home, 'big.fifo');
    execFileSync('mkfifo', [fifo]);
    const descriptor = openSync(fifo, 'r+');
    const writer = openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK);
    try {
      const chunk = Buffer.alloc(64 * 1024, 'a');
      let settled = false;
      const pending = runCommandHook({ adapter, descriptor, env: env(), deadlineMs: 20_000 }).finally(() => {
        settled = true;
      });
      // Feed more than MAX_HOOK_INPUT_BYTES until the reader gives up on it.
      for (let written = 0; !settled && written < 40 * 1024 * 1024; ) {
        try {
          written += writeSync(writer, chunk);
        } catch {
          await new Promise((resolve) => setTimeout(resolve, 1));
        }
      }
      const response = await pending;
      expect(response.exitCode).toBe(2);
      const [record] = records(path.join(home, '.warden', 'audit'));
      expect(record).toMatchObject({
        findings: [{ id: 'input.oversized' }],
        meta: { answeredBy: 'oversized' },
      });
    } finally {
      closeSync(writer);
      closeSync(descriptor);
    }
  });

  it('tells the user in a system message when the audit log cannot be written, and counts it', async () => {
    // The audit directory is a file: every write fails.
    mkdirSync(path.join(home, '.warden'), { recursive: true });
    writeFileSync(path.join(home, '.warden', 'audit'), 'not a directory');
    const response = await runCommandHook({
      adapter,
      input: JSON.stringify({ hook_event_name: 'Pre', command: 'ls' }),
      env: env(),
    });
    expect(response.exitCode).toBe(0);
    expect(JSON.parse(response.stdout).systemMessage).toMatch(
      /could not write its audit log.*1 failed audit write/,
    );
    await runCommandHook({
      adapter,
      input: JSON.stringify({ hook_event_name: 'Pre', command: 'ls' }),
      env: env(),
    });
    expect(readAuditHealth({ home: path.join(home, '.warden') })).toMatchObject({ failures: 2 });
  });
});
