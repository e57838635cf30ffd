import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AdapterV1, CommandHookResponse } from '../adapter.js';
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
    } finally {
      writeSync(descriptor, '\n');
      closeSync(descriptor);
    }
  });
});
