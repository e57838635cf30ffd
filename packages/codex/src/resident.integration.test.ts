import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { residentSocket, verifyAuditLog } from '@warden/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../dist/bin.cjs', import.meta.url));
const dist = path.dirname(bin);
const fixture = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL(`./__fixtures__/${name}.json`, import.meta.url), 'utf8'));

let root: string;
let wardenHome: string;
let project: string;
const started: ChildProcess[] = [];

beforeEach(() => {
  root = mkdtempSync('/tmp/wresx-');
  wardenHome = path.join(root, '.warden');
  project = path.join(root, 'project');
  mkdirSync(wardenHome, { mode: 0o700 });
  mkdirSync(path.join(project, '.git'), { recursive: true });
});

afterEach(() => {
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

function hook(input: unknown, options: { env?: Record<string, string>; args?: string[] } = {}) {
  const result = spawnSync(process.execPath, [bin, 'hook', ...(options.args ?? [])], {
    input: JSON.stringify(input),
    env: env(options.env),
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { stdout: result.stdout, stderr: result.stderr, status: result.status };
}

const pidFile = () =>
  `${
    residentSocket({
      home: wardenHome,
      name: 'codex',
      files: [path.join(dist, 'hook.cjs'), path.join(dist, 'daemon.cjs')],
    })!.socketFile
  }.pid`;

async function startDaemon(): Promise<void> {
  const child = spawn(process.execPath, [bin, 'hook-daemon'], { env: env(), stdio: 'ignore' });
  started.push(child);
  for (let attempt = 0; attempt < 400 && !existsSync(pidFile()); attempt++)
    await new Promise((resolve) => setTimeout(resolve, 25));
  expect(existsSync(pidFile())).toBe(true);
}

const hookCaches = () =>
  existsSync(path.join(wardenHome, 'cache'))
    ? readdirSync(path.join(wardenHome, 'cache')).filter((name) => name.startsWith('hook.cjs'))
    : [];

const bash = (command: string) => ({ ...fixture('codex-PreToolUse'), cwd: project, tool_input: { command } });

describe('the resident decider behind warden-codex hook', () => {
  it('answers every served event byte for byte as the in-process hook, --ask and all', async () => {
    writeFileSync(
      path.join(wardenHome, 'policy.yaml'),
      "extends: recommended\nrules:\n  - id: team.no-prod-kubectl\n    effect: ask\n    actions: [shell.exec]\n    when:\n      programs: [kubectl]\n      args: ['*prod*']\n    reason: Changes to production clusters need a human.\n",
      { mode: 0o600 },
    );
    const calls: Record<string, { input: unknown; args?: string[] }> = {
      ...Object.fromEntries(
        [
          'PostToolUse',
          'PreToolUse',
          'Stop',
          'UserPromptSubmit',
          'apply_patch-PostToolUse',
          'apply_patch-PreToolUse',
        ].map((name) => [name, { input: { ...fixture(`codex-${name}`), cwd: project } }]),
      ),
      'denied Bash': { input: bash('rm -rf /') },
      'asked Bash, denied by default': { input: bash('kubectl delete pod api --context prod-eu') },
      'asked Bash with --ask defer': {
        input: bash('kubectl delete pod api --context prod-eu'),
        args: ['--ask', 'defer'],
      },
    };
    await startDaemon();
    const fromDaemon = Object.fromEntries(
      Object.entries(calls).map(([name, call]) => [name, hook(call.input, { args: call.args ?? [] })]),
    );
    expect(hookCaches()).toEqual([]);
    const inProcess = Object.fromEntries(
      Object.entries(calls).map(([name, call]) => [
        name,
        hook(call.input, { args: call.args ?? [], env: { WARDEN_RESIDENT: '0' } }),
      ]),
    );
    expect(hookCaches()).toHaveLength(1);
    expect(fromDaemon).toEqual(inProcess);
    expect(fromDaemon['denied Bash']!.stdout).toContain('"deny"');
    expect(fromDaemon['asked Bash, denied by default']).not.toEqual(
      fromDaemon['asked Bash with --ask defer'],
    );
    expect(verifyAuditLog({ auditDir: path.join(wardenHome, 'audit') }).ok).toBe(true);
  });

  it('decides events it does not serve in-process (SessionStart, Interrupt) and starts no daemon for them', () => {
    for (const hookEvent of ['SessionStart', 'Interrupt', 'SessionEnd']) {
      const input = {
        session_id: 's',
        transcript_path: null,
        cwd: project,
        hook_event_name: hookEvent,
        model: 'gpt-5.5',
      };
      expect(hook(input)).toEqual(hook(input, { env: { WARDEN_RESIDENT: '0' } }));
    }
    expect(existsSync(path.join(wardenHome, 'run', 'resident'))).toBe(false);
  });
});
