import { spawn, spawnSync } from 'node:child_process';
import { closeSync, constants, existsSync, openSync, readFileSync, writeSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readAuditLog, verifyAuditLog } from '@warden/core';
import { createTempDir, type TempDir } from '@warden/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readSample, wireValidator } from './test-helpers.js';

// The built command, as Codex runs it: a process that reads one hook input on stdin.
const bin = fileURLToPath(new URL('../dist/bin.cjs', import.meta.url));
const hookBundle = fileURLToPath(new URL('../dist/hook.cjs', import.meta.url));
const cliBundle = fileURLToPath(new URL('../dist/cli.cjs', import.meta.url));

let home: TempDir;
beforeEach(async () => {
  home = await createTempDir({ prefix: 'warden-codex-hook-' });
});
afterEach(async () => {
  await home.remove();
});

interface HookRun {
  stdout: string;
  stderr: string;
  exitCode: number | null;
  elapsedMs: number;
}

/** Runs `warden-codex hook`; with `keepStdinOpen`, never closes stdin, as a stuck agent would. */
function runHook(options: {
  input: string;
  args?: string[];
  env?: Record<string, string>;
  keepStdinOpen?: boolean;
}): Promise<HookRun> {
  const started = Date.now();
  const child = spawn(process.execPath, [bin, 'hook', ...(options.args ?? [])], {
    env: { PATH: process.env.PATH ?? '', HOME: home.path, ...options.env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  child.stdin.write(options.input);
  if (!options.keepStdinOpen) child.stdin.end();
  const guard = setTimeout(() => child.kill('SIGKILL'), 20_000);
  return new Promise((resolve) => {
    child.once('close', (exitCode) => {
      clearTimeout(guard);
      child.stdin.destroy();
      resolve({ stdout, stderr, exitCode, elapsedMs: Date.now() - started });
    });
  });
}

const preToolUse = (command: string) =>
  JSON.stringify({ ...readSample('codex-PreToolUse'), tool_input: { command } });

function auditLines(): Array<Record<string, unknown>> {
  const auditDir = `${home.path}/.warden/audit`;
  if (!existsSync(auditDir)) return [];
  expect(verifyAuditLog({ auditDir }).ok).toBe(true);
  return [...readAuditLog({ auditDir })].map((line) => line.record as Record<string, unknown>);
}

describe('warden-codex hook (the built command)', () => {
  it('answers an allowed tool call with empty stdout and exit 0, and records it', async () => {
    const run = await runHook({ input: JSON.stringify(readSample('codex-PreToolUse')) });
    expect(run).toMatchObject({ stdout: '', exitCode: 0 });
    expect(auditLines()).toEqual([
      expect.objectContaining({ agent: 'codex', hookEvent: 'PreToolUse', effect: 'allow', tool: 'Bash' }),
    ]);
  });

  it('denies a destructive command with valid JSON, exit 2 and the reason on stderr', async () => {
    const run = await runHook({ input: preToolUse('sudo rm -rf /') });
    expect(run.exitCode).toBe(2);
    const validate = wireValidator({ event: 'PreToolUse', direction: 'output' })!;
    expect(validate(JSON.parse(run.stdout))).toBe(true);
    expect(run.stderr.split('\n')[0]).toMatch(/^Warden \(shell\.[a-z-]+\): /);
  });

  it('denies a heredoc apply_patch that writes a secret file', async () => {
    const command = "apply_patch <<'EOF'\n*** Begin Patch\n*** Add File: .env\n+TOKEN=1\n*** End Patch\nEOF";
    const run = await runHook({ input: preToolUse(command) });
    expect(run.exitCode).toBe(2);
    expect(auditLines()[0]).toMatchObject({ effect: 'deny' });
  });

  it('blocks an ask by default and defers it with `--ask defer`', async () => {
    const unknownTool = JSON.stringify({
      ...readSample('codex-PreToolUse'),
      tool_name: 'brand_new_tool',
      tool_input: {},
    });
    const blocked = await runHook({ input: unknownTool });
    expect(blocked.exitCode).toBe(2);
    expect(blocked.stderr).toContain("needs the user's approval");
    expect(await runHook({ input: unknownTool, args: ['--ask', 'defer'] })).toMatchObject({
      stdout: '',
      exitCode: 0,
    });
    expect(await runHook({ input: unknownTool, env: { WARDEN_CODEX_ASK: 'defer' } })).toMatchObject({
      exitCode: 0,
    });
  });

  it('answers by its deadline even when stdin is never closed, by the failure policy', async () => {
    const closed = await runHook({
      input: '{"hook_event_name":"PreTo',
      keepStdinOpen: true,
      env: { WARDEN_HOOK_DEADLINE_MS: '300' },
    });
    expect(closed.exitCode).toBe(2);
    expect(closed.stderr).toContain('no decision within');
    expect(closed.elapsedMs).toBeLessThan(10_000);
    const open = await runHook({
      input: '',
      keepStdinOpen: true,
      env: { WARDEN_HOOK_DEADLINE_MS: '300', WARDEN_FAILURE: 'open' },
    });
    expect(open).toMatchObject({ stdout: '', exitCode: 0 });
  });

  it('answers by its deadline when a pipe like the one Codex uses stays open, without hanging on exit', async () => {
    // A FIFO opened read-write never reaches end-of-file: the hook's stdin is a real pipe, as with Codex.
    const fifo = `${home.path}/stdin.fifo`;
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const descriptor = openSync(fifo, constants.O_RDWR);
    try {
      writeSync(descriptor, '{"hook_event_name":"PreToolUse"');
      const started = Date.now();
      const child = spawn(process.execPath, [bin, 'hook'], {
        env: { PATH: process.env.PATH ?? '', HOME: home.path, WARDEN_HOOK_DEADLINE_MS: '300' },
        stdio: [descriptor, 'ignore', 'pipe'],
      });
      let stderr = '';
      child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
        stderr += chunk;
      });
      const guard = setTimeout(() => child.kill('SIGKILL'), 20_000);
      const exitCode = await new Promise<number | null>((resolve) => child.once('close', resolve));
      clearTimeout(guard);
      expect(exitCode).toBe(2);
      expect(stderr).toContain('no decision within');
      expect(Date.now() - started).toBeLessThan(10_000);
    } finally {
      closeSync(descriptor);
    }
  });

  it("turns input that is not JSON, and a broken configuration, into the failure policy's answer", async () => {
    const garbage = await runHook({ input: 'not json at all' });
    expect(garbage.exitCode).toBe(2);
    expect(garbage.stderr.trim()).not.toBe('');

    const env = { WARDEN_POLICY: `${home.path}/missing-policy.yaml` };
    const toolCall = await runHook({ input: JSON.stringify(readSample('codex-PreToolUse')), env });
    expect(toolCall.exitCode).toBe(2);
    const validate = wireValidator({ event: 'PreToolUse', direction: 'output' })!;
    expect(validate(JSON.parse(toolCall.stdout))).toBe(true);
    expect(toolCall.stderr).toContain('warden.failure');
    // Final answers fail open by default: blocking them could loop.
    expect(await runHook({ input: JSON.stringify(readSample('codex-Stop')), env })).toMatchObject({
      stdout: '',
      exitCode: 0,
    });
  });

  it('ships the hook without the TOML library, which only install, uninstall and status load', () => {
    const marker = 'Invalid bare key char';
    expect(readFileSync(cliBundle, 'utf8')).toContain(marker);
    expect(readFileSync(hookBundle, 'utf8')).not.toContain(marker);
  });
});
