import { lstatSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { CommandHookResponse } from '../adapter.js';
import { finishAfterCrash, finishProcess } from '../command-hook/finish-process.js';
import { readStandardInput } from '../command-hook/read-standard-input.js';
import { exchangeOverSocket, type SocketExchange } from './exchange-over-socket.js';
import { atSocket, checkResidentSocket, type ResidentSocket, residentSocket } from './resident-socket.js';

/** How long the client waits for the daemon's answer before deciding in-process. */
export const DEFAULT_RESIDENT_TIMEOUT_MS = 1_500;
/** A daemon is started at most once in this period (per socket), however many hooks find none. */
const START_INTERVAL_MS = 10_000;

export interface RunResidentClientOptions {
  /** Adapter id (`claude-code`, `codex`): part of the socket name. */
  name: string;
  /** The native hook events the daemon decides; any other event is decided in-process. */
  events: readonly string[];
  home: string;
  /** The adapter's `dist/`: `bin.cjs`, `hook.cjs`, `daemon.cjs`. */
  directory: string;
  argv: readonly string[];
  env: NodeJS.ProcessEnv;
  /** Today's in-process hook, given the input already read (or the read's failure). */
  fallback: (input: Promise<string>) => void;
}

/** A daemon's answer, checked field by field (the client loads no schema library: it runs per tool call). */
function answerOf(text: string): CommandHookResponse | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const { stdout, stderr, exitCode } = value as Record<string, unknown>;
  if (typeof stdout !== 'string' || typeof stderr !== 'string') return undefined;
  if (typeof exitCode !== 'number' || !Number.isInteger(exitCode) || exitCode < 0 || exitCode > 255)
    return undefined;
  return { stdout, stderr, exitCode };
}

/** Whether the daemon may decide this input: a JSON object of a served event with its cwd. */
function servedEvent(text: string, events: readonly string[]): boolean {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return false;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const record = value as Record<string, unknown>;
  return (
    typeof record.hook_event_name === 'string' &&
    events.includes(record.hook_event_name) &&
    typeof record.cwd === 'string' &&
    record.cwd !== ''
  );
}

/** Starts the daemon, detached and with no stdio, at most once per START_INTERVAL_MS. */
export function startResidentDaemon(options: {
  socket: ResidentSocket;
  /** The adapter's `dist/`, where `bin.cjs` is. */
  distDirectory: string;
  env: NodeJS.ProcessEnv;
}): void {
  const stamp = `${options.socket.socketFile}.start`;
  try {
    if (Date.now() - lstatSync(stamp).mtimeMs < START_INTERVAL_MS) return;
  } catch {
    // No stamp: never started.
  }
  try {
    // Created private, like the home and the code cache; the daemon checks it again before use.
    mkdirSync(options.socket.directory, { recursive: true, mode: 0o700 });
    writeFileSync(stamp, `${process.pid}\n`, { mode: 0o600 });
    // Loaded only here: a hook that finds its daemon never pays for child_process.
    const { spawn } = process.getBuiltinModule('node:child_process');
    const child = spawn(
      process.execPath,
      // The daemon takes each call's arguments from its request, not from its own command line.
      [path.join(options.distDirectory, 'bin.cjs'), 'hook-daemon', '--after-hook'],
      { detached: true, stdio: 'ignore', env: options.env },
    );
    child.on('error', () => {});
    child.unref();
  } catch {
    // The daemon is an optimisation: this call and the next are decided in-process.
  }
}

/**
 * Sends one request to the daemon and resolves with its answer, or with why there is none:
 * `dead` (no one listens: a daemon should be started) or `failed` (an error, a malformed or late
 * answer, the connection closed early). Never rejects.
 */
async function askDaemon(options: {
  socket: ResidentSocket;
  request: string;
  timeoutMs: number;
}): Promise<CommandHookResponse | 'dead' | 'failed'> {
  let exchange: Promise<SocketExchange>;
  try {
    // The connect system call is made inside atSocket (a bare name resolves against the directory).
    exchange = atSocket(options.socket, (address) =>
      exchangeOverSocket({ address, request: options.request, timeoutMs: options.timeoutMs }),
    );
  } catch {
    return 'failed';
  }
  const result = await exchange;
  if ('failure' in result) return result.failure;
  return answerOf(result.reply) ?? 'failed';
}

/**
 * The command hook's fast path: read the input, hand it to the resident decider over its unix
 * socket, print its answer. Anything unexpected (no daemon, a socket that is not the user's, a
 * refused connection, a malformed or late answer) is decided in-process instead, exactly as
 * without a daemon; a missing or dead daemon is started for the next call.
 */
export function runResidentClient(options: RunResidentClientOptions): void {
  const reading = readStandardInput();
  // The in-process hook runs once at most, whatever fails after it was handed the call.
  let handedBack = false;
  const fallback = (): void => {
    if (handedBack) return;
    handedBack = true;
    options.fallback(reading);
  };
  const start = (socket: ResidentSocket) =>
    startResidentDaemon({ socket, distDirectory: options.directory, env: options.env });
  const decide = async (text: string): Promise<void> => {
    if (handedBack) return;
    if (!servedEvent(text, options.events)) return fallback();
    const socket = residentSocket({
      home: options.home,
      name: options.name,
      files: [path.join(options.directory, 'hook.cjs'), path.join(options.directory, 'daemon.cjs')],
    });
    if (!socket) return fallback();
    const problem = checkResidentSocket({ home: options.home, socket });
    if (problem !== undefined) {
      if (problem === 'missing') start(socket);
      return fallback();
    }
    const answer = await askDaemon({
      socket,
      timeoutMs,
      request: `${JSON.stringify({
        version: 1,
        argv: options.argv.slice(3),
        env: options.env,
        cwd: process.cwd(),
        input: text,
      })}\n`,
    });
    if (typeof answer === 'object') return finishProcess(answer);
    if (answer === 'dead') start(socket);
    fallback();
  };
  const timeoutMs = Number(options.env.WARDEN_RESIDENT_TIMEOUT_MS) || DEFAULT_RESIDENT_TIMEOUT_MS;
  // Input that does not end (an agent that keeps stdin open) is the in-process hook's to answer
  // by its deadline and failure policy; the client does not wait longer than it would for the daemon.
  const hookDeadlineMs = Number(options.env.WARDEN_HOOK_DEADLINE_MS);
  const readingTimer = setTimeout(
    fallback,
    hookDeadlineMs > 0 ? Math.min(timeoutMs, hookDeadlineMs / 2) : timeoutMs,
  );
  reading.finally(() => clearTimeout(readingTimer)).catch(() => {});
  reading.then(
    (text) =>
      decide(text).catch((error: unknown) =>
        // A failure inside the in-process hook is its own to answer; before it, it takes the call.
        handedBack ? finishAfterCrash({ error, env: options.env }) : fallback(),
      ),
    fallback,
  );
}
