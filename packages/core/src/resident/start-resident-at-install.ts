import path from 'node:path';
import { sleepSync } from '../audit/lock-file.js';
import { checkResidentSocket, residentSocket } from './resident-socket.js';

/**
 * Starts the resident decider when `install` wrote command hooks, so the first hook call after
 * install finds it (instead of deciding in-process and starting it then), and waits up to
 * `waitMs` for its socket. Best effort: without it, the first call decides in-process as always.
 * Skipped when `WARDEN_RESIDENT=0` and on Windows. Returns whether a daemon is listening.
 */
export function startResidentAtInstall(options: {
  /** The adapter id the hooks run with (`claude-code`, `codex`): it names the socket. */
  name: string;
  nodePath: string;
  /** The adapter's `dist/bin.cjs`, which the hooks run. */
  hookScript: string;
  wardenHome: string;
  env?: NodeJS.ProcessEnv;
  waitMs?: number;
}): boolean {
  const env: NodeJS.ProcessEnv = { ...(options.env ?? process.env), WARDEN_HOME: options.wardenHome };
  if (env.WARDEN_RESIDENT === '0' || process.platform === 'win32') return false;
  const directory = path.dirname(options.hookScript);
  const socket = residentSocket({
    home: options.wardenHome,
    name: options.name,
    files: [path.join(directory, 'hook.cjs'), path.join(directory, 'daemon.cjs')],
  });
  if (!socket) return false;
  const listening = () => checkResidentSocket({ home: options.wardenHome, socket }) === undefined;
  if (listening()) return true;
  try {
    const { spawn } = process.getBuiltinModule('node:child_process') as typeof import('node:child_process');
    const child = spawn(options.nodePath, [path.join(directory, 'bin.cjs'), 'hook-daemon'], {
      detached: true,
      stdio: 'ignore',
      env,
    });
    child.on('error', () => {});
    child.unref();
  } catch {
    return false;
  }
  const deadline = Date.now() + (options.waitMs ?? 3000);
  while (Date.now() < deadline) {
    if (listening()) return true;
    sleepSync(25);
  }
  return listening();
}
