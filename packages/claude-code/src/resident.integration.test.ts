import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { residentSocket, verifyAuditLog, writeSuspension } from '@warden/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { install } from './install.js';

const bin = fileURLToPath(new URL('../dist/bin.cjs', import.meta.url));
const dist = path.dirname(bin);
const fixture = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL(`./__fixtures__/${name}.json`, import.meta.url), 'utf8'));

let root: string;
let wardenHome: string;
let project: string;
const started: ChildProcess[] = [];
const servers: net.Server[] = [];

beforeEach(() => {
  // Short: the socket path must fit a unix socket address (longer homes bind by name, tested below).
  root = mkdtempSync('/tmp/wres-');
  wardenHome = path.join(root, '.warden');
  project = path.join(root, 'project');
  mkdirSync(wardenHome, { mode: 0o700 });
  mkdirSync(path.join(project, '.git'), { recursive: true });
});

afterEach(async () => {
  for (const server of servers.splice(0)) await new Promise((resolve) => server.close(resolve));
  // Daemons started by a hook call are found by their pid files; the ones the test started by pid.
  const directory = path.join(wardenHome, 'run', 'resident');
  const pids = new Set(started.splice(0).map((child) => child.pid));
  if (existsSync(directory))
    for (const name of readdirSync(directory).filter((file) => file.endsWith('.pid')))
      pids.add(Number(readFileSync(path.join(directory, name), 'utf8')));
  for (const pid of pids) {
    try {
      if (pid) process.kill(pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
  rmSync(root, { recursive: true, force: true });
});

function env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, HOME: root, WARDEN_RESIDENT_IDLE_MS: '60000', ...extra };
}

interface Answer {
  stdout: string;
  stderr: string;
  status: number | null;
}

function hook(input: unknown, extra: Record<string, string> = {}): Answer {
  const result = spawnSync(process.execPath, [bin, 'hook'], {
    input: typeof input === 'string' ? input : JSON.stringify(input),
    env: env(extra),
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { stdout: result.stdout, stderr: result.stderr, status: result.status };
}

function hookAsync(input: unknown, extra: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, 'hook'], { env: env(extra) });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('close', (status) => resolve({ stdout, stderr, status }));
    child.stdin.end(JSON.stringify(input));
  });
}

const socket = () =>
  residentSocket({
    home: wardenHome,
    name: 'claude-code',
    files: [path.join(dist, 'hook.cjs'), path.join(dist, 'daemon.cjs')],
  })!;

async function waitFor(check: () => boolean, what: string): Promise<void> {
  for (let attempt = 0; attempt < 400; attempt++) {
    if (check()) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Starts the daemon as a hook call would, but as the test's child (stopped by pid afterwards). */
async function startDaemon(extra: Record<string, string> = {}): Promise<number> {
  const child = spawn(process.execPath, [bin, 'hook-daemon'], { env: env(extra), stdio: 'ignore' });
  started.push(child);
  await waitFor(() => existsSync(`${socket().socketFile}.pid`), 'the daemon to listen');
  return child.pid!;
}

/** A listener on the daemon's socket that is not the daemon: it answers once the request is in. */
async function fakeDaemon(answer: (connection: net.Socket) => void): Promise<void> {
  mkdirSync(socket().directory, { recursive: true, mode: 0o700 });
  const server = net.createServer((connection) => {
    let received = '';
    connection.on('error', () => {});
    connection.on('data', (chunk) => {
      received += chunk;
      if (received.endsWith('\n')) answer(connection);
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(socket().socketFile, resolve));
  chmodSync(socket().socketFile, 0o600);
}

const ALLOW_EVERYTHING = `${JSON.stringify({ stdout: '', stderr: '', exitCode: 0 })}\n`;
const hookCaches = () =>
  existsSync(path.join(wardenHome, 'cache'))
    ? readdirSync(path.join(wardenHome, 'cache')).filter((name) => name.startsWith('hook.cjs'))
    : [];

function preToolUse(command: string): Record<string, unknown> {
  return { ...fixture('claude-code-PreToolUse'), cwd: project, tool_input: { command } };
}

const decisionOf = (answer: Answer) =>
  answer.stdout ? JSON.parse(answer.stdout).hookSpecificOutput?.permissionDecision : undefined;

const POLICY_YAML = `extends: recommended
rules:
  - id: team.no-prod-kubectl
    effect: ask
    actions: [shell.exec]
    when:
      programs: [kubectl]
      args: ['*prod*']
    reason: Changes to production clusters need a human.
`;

describe('the resident decider behind warden-claude-code hook', () => {
  it('answers every served event byte for byte as the in-process hook, without running the hook bundle', async () => {
    writeFileSync(path.join(wardenHome, 'policy.yaml'), POLICY_YAML, { mode: 0o600 });
    const awsKey = ['AKIA', 'Q3ZP7RWT', 'XK5M2NVB'].join('');
    const inputs: Record<string, unknown> = {
      ...Object.fromEntries(
        [
          'PostToolUse',
          'PreToolUse',
          'Stop',
          'UserPromptSubmit',
          'write-PostToolUse',
          'write-PreToolUse',
          'write-Stop',
          'write-UserPromptSubmit',
        ].map((name) => [name, { ...fixture(`claude-code-${name}`), cwd: project }]),
      ),
      'denied Bash': preToolUse('rm -rf /'),
      'asked Bash (policy rule)': preToolUse('kubectl delete pod api --context prod-eu'),
      'redacted PostToolUse': {
        ...fixture('claude-code-PostToolUse'),
        cwd: project,
        tool_response: {
          stdout: `deploy log\naws_access_key_id = ${awsKey}\n`,
          stderr: '',
          interrupted: false,
          isImage: false,
        },
      },
      'blocked prompt': {
        ...fixture('claude-code-UserPromptSubmit'),
        cwd: project,
        prompt: `deploy with aws_access_key_id=${awsKey} and aws_secret_access_key=${'wJalrXUtnFEMI/K7MDENG/bPxRfiCY'}EXAMPLEKEY`,
      },
      'PermissionRequest for a denied command': {
        ...preToolUse('rm -rf ~'),
        hook_event_name: 'PermissionRequest',
      },
    };
    await startDaemon();
    const fromDaemon = Object.fromEntries(Object.entries(inputs).map(([name, input]) => [name, hook(input)]));
    // The hook bundle never ran: its code cache is written by the first in-process run.
    expect(hookCaches()).toEqual([]);
    const inProcess = Object.fromEntries(
      Object.entries(inputs).map(([name, input]) => [name, hook(input, { WARDEN_RESIDENT: '0' })]),
    );
    expect(hookCaches()).toHaveLength(1);
    expect(fromDaemon).toEqual(inProcess);
    // The table covers the effects it claims to.
    expect(decisionOf(fromDaemon['denied Bash']!)).toBe('deny');
    expect(decisionOf(fromDaemon['asked Bash (policy rule)']!)).toBe('ask');
    expect(fromDaemon['redacted PostToolUse']!.stdout).not.toContain(awsKey);
    expect(fromDaemon['redacted PostToolUse']!.stdout).toContain('updatedToolOutput');
    expect(fromDaemon['blocked prompt']!.stdout).toContain('"decision":"block"');
    expect(fromDaemon['PermissionRequest for a denied command']!.stdout).toContain('"deny"');
  });

  it('keeps the audit chain verifiable with daemon and in-process writers interleaved', async () => {
    await startDaemon();
    const calls = 12;
    const answers = await Promise.all(
      Array.from({ length: calls }, (_, index) =>
        hookAsync(preToolUse(index % 3 ? `echo ${index}` : 'rm -rf /'), {
          ...(index % 2 ? { WARDEN_RESIDENT: '0' } : {}),
        }),
      ),
    );
    expect(answers.every((answer) => answer.status === 0)).toBe(true);
    const verification = verifyAuditLog({ auditDir: path.join(wardenHome, 'audit') });
    expect(verification.ok).toBe(true);
    expect(verification.records).toBe(calls);
  });

  it('applies a config edit and a suspension on the very next call, a new project policy within 100 ms', async () => {
    await startDaemon();
    expect(decisionOf(hook(preToolUse('rm -rf /')))).toBe('deny');
    writeFileSync(path.join(wardenHome, 'config.yaml'), 'mode: observe\n', { mode: 0o600 });
    const observed = hook(preToolUse('rm -rf /'));
    expect(decisionOf(observed)).not.toBe('deny');
    expect(observed).toEqual(hook(preToolUse('rm -rf /'), { WARDEN_RESIDENT: '0' }));
    rmSync(path.join(wardenHome, 'config.yaml'));

    expect(decisionOf(hook(preToolUse('echo hello')))).toBeUndefined();
    writeSuspension({ home: wardenHome, suspend: true, reason: 'incident 42' });
    const suspended = hook(preToolUse('echo hello'));
    expect(decisionOf(suspended)).toBe('deny');
    expect(suspended).toEqual(hook(preToolUse('echo hello'), { WARDEN_RESIDENT: '0' }));
    writeSuspension({ home: wardenHome, suspend: false });
    expect(decisionOf(hook(preToolUse('echo hello')))).toBeUndefined();

    mkdirSync(path.join(project, '.warden'));
    writeFileSync(
      path.join(project, '.warden', 'policy.yaml'),
      'rules:\n  - id: project.no-echo\n    effect: deny\n    actions: [shell.exec]\n    when:\n      programs: [echo]\n    reason: No echo in this project.\n',
    );
    // A long-lived decider reuses where the project policy is for LOOKUP_TTL_MS (100 ms).
    await new Promise((resolve) => setTimeout(resolve, 150));
    const projectDenied = hook(preToolUse('echo hello'));
    expect(projectDenied.stdout).toContain('project.no-echo');
    expect(projectDenied).toEqual(hook(preToolUse('echo hello'), { WARDEN_RESIDENT: '0' }));
  });

  it('decides the first call in-process and starts the daemon for the next one', async () => {
    const first = hook(preToolUse('rm -rf /'));
    expect(decisionOf(first)).toBe('deny');
    await waitFor(() => existsSync(`${socket().socketFile}.pid`), 'the daemon the first call started');
    const pid = Number(readFileSync(`${socket().socketFile}.pid`, 'utf8'));
    expect(isAlive(pid)).toBe(true);
    const directory = socket().directory;
    expect(readdirSync(path.dirname(directory))).toContain('resident');
    expect(spawnSync('stat', ['-c', '%a', directory, socket().socketFile], { encoding: 'utf8' }).stdout).toBe(
      '700\n600\n',
    );
    expect(hook(preToolUse('rm -rf /'))).toEqual(first);
  });

  it('is started by an install that writes command hooks, so the first call after install is its', async () => {
    const result = install({
      scope: 'user',
      env: env({ WARDEN_HOME: wardenHome }),
      hookScript: bin,
      launcher: true,
      wardenHome,
      transport: 'command',
    });
    expect(result.transport).toBe('command');
    expect(existsSync(`${socket().socketFile}.pid`)).toBe(true);
    // Answered by the daemon: the in-process hook (whose run writes a code cache) does not load.
    for (const name of hookCaches()) rmSync(path.join(wardenHome, 'cache', name));
    expect(decisionOf(hook(preToolUse('rm -rf /')))).toBe('deny');
    expect(hookCaches()).toEqual([]);
    // An install with WARDEN_RESIDENT=0 starts none.
    const other = mkdtempSync('/tmp/wres-off-');
    try {
      install({
        scope: 'user',
        env: { ...env({ WARDEN_RESIDENT: '0' }), HOME: other },
        hookScript: bin,
        launcher: true,
        wardenHome: path.join(other, '.warden'),
        transport: 'command',
      });
      expect(existsSync(path.join(other, '.warden', 'run'))).toBe(false);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  it('starts no daemon with WARDEN_RESIDENT=0, nor for events it does not serve', async () => {
    expect(decisionOf(hook(preToolUse('rm -rf /'), { WARDEN_RESIDENT: '0' }))).toBe('deny');
    const sessionStart = {
      session_id: 's',
      transcript_path: '/tmp/t.jsonl',
      cwd: project,
      hook_event_name: 'SessionStart',
      source: 'startup',
    };
    expect(hook(sessionStart)).toEqual(hook(sessionStart, { WARDEN_RESIDENT: '0' }));
    // Input the daemon does not take (not JSON, no cwd) is the in-process hook's to answer.
    expect(hook('not json')).toEqual(hook('not json', { WARDEN_RESIDENT: '0' }));
    expect(existsSync(path.join(wardenHome, 'run', 'resident'))).toBe(false);
  });

  it('decides in-process when the daemon is killed mid-request, and a new daemon takes over', async () => {
    const pid = await startDaemon();
    process.kill(pid, 'SIGSTOP');
    const pending = hookAsync(preToolUse('rm -rf /'));
    await new Promise((resolve) => setTimeout(resolve, 300));
    process.kill(pid, 'SIGKILL');
    const answer = await pending;
    expect(decisionOf(answer)).toBe('deny');
    // The dead daemon's socket is still there: the next call is refused, decides in-process and restarts it.
    expect(decisionOf(hook(preToolUse('rm -rf /')))).toBe('deny');
    await waitFor(() => {
      try {
        const next = Number(readFileSync(`${socket().socketFile}.pid`, 'utf8'));
        return next !== pid && isAlive(next);
      } catch {
        return false;
      }
    }, 'a new daemon');
  });

  // The fake listeners live in this process: the hook calls must not block its event loop.
  it('decides in-process within its deadline when the listener hangs, answers garbage or hangs up', async () => {
    await fakeDaemon(() => {});
    expect(decisionOf(await hookAsync(preToolUse('rm -rf /'), { WARDEN_RESIDENT_TIMEOUT_MS: '300' }))).toBe(
      'deny',
    );
    for (const reply of ['garbage\n', '{"stdout":1}\n', '{"stdout":"","stderr":"","exitCode":300}\n', '']) {
      for (const server of servers.splice(0)) await new Promise((resolve) => server.close(resolve));
      await fakeDaemon((connection) => connection.end(reply));
      expect(decisionOf(await hookAsync(preToolUse('rm -rf /')))).toBe('deny');
    }
  });

  it('uses only a socket of the user, 0600, in private directories', async () => {
    // The control: a listener that allows everything is used when it passes the checks.
    await fakeDaemon((connection) => connection.end(ALLOW_EVERYTHING));
    expect((await hookAsync(preToolUse('rm -rf /'))).stdout).toBe('');

    chmodSync(socket().directory, 0o770);
    expect(decisionOf(await hookAsync(preToolUse('rm -rf /')))).toBe('deny');
    chmodSync(socket().directory, 0o700);

    chmodSync(path.dirname(socket().directory), 0o757);
    expect(decisionOf(await hookAsync(preToolUse('rm -rf /')))).toBe('deny');
    chmodSync(path.dirname(socket().directory), 0o700);

    chmodSync(socket().socketFile, 0o666);
    expect(decisionOf(await hookAsync(preToolUse('rm -rf /')))).toBe('deny');
    chmodSync(socket().socketFile, 0o600);

    if (process.getuid?.() === 0) {
      chownSync(socket().socketFile, 4242, 4242);
      expect(decisionOf(await hookAsync(preToolUse('rm -rf /')))).toBe('deny');
      chownSync(socket().socketFile, 0, 0);
    }
    expect((await hookAsync(preToolUse('rm -rf /'))).stdout).toBe('');
  });

  it('serves a home too deep for a socket address, binding by name', async () => {
    const deep = path.join(root, 'a'.repeat(60), '.warden');
    mkdirSync(deep, { recursive: true, mode: 0o700 });
    const deepEnv = { WARDEN_HOME: deep };
    expect(decisionOf(hook(preToolUse('rm -rf /'), deepEnv))).toBe('deny');
    const directory = path.join(deep, 'run', 'resident');
    await waitFor(
      () => existsSync(directory) && readdirSync(directory).some((name) => name.endsWith('.pid')),
      'the daemon in the deep home',
    );
    const pidFile = readdirSync(directory).find((name) => name.endsWith('.pid'))!;
    const pid = Number(readFileSync(path.join(directory, pidFile), 'utf8'));
    rmSync(path.join(deep, 'cache'), { recursive: true, force: true });
    expect(decisionOf(hook(preToolUse('rm -rf /'), deepEnv))).toBe('deny');
    expect(existsSync(path.join(deep, 'cache'))).toBe(false);
    process.kill(pid, 'SIGTERM');
    await waitFor(() => !isAlive(pid), 'the daemon to stop');
  });

  it('exits when its socket is removed, when its home disappears, and when idle', async () => {
    let pid = await startDaemon();
    rmSync(socket().socketFile);
    await waitFor(() => !isAlive(pid), 'the daemon to notice its socket is gone');

    pid = await startDaemon({ WARDEN_RESIDENT_IDLE_MS: '400' });
    await waitFor(() => !isAlive(pid), 'the idle daemon to exit');
    expect(existsSync(socket().socketFile)).toBe(false);

    pid = await startDaemon();
    rmSync(wardenHome, { recursive: true, force: true });
    await waitFor(() => !isAlive(pid), 'the daemon to notice its home is gone');
  });
});
