import { chmodSync, lstatSync, mkdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import type * as Net from 'node:net';
import path from 'node:path';
import { z } from 'zod';
import type { CommandHookResponse } from '../adapter.js';
import { checkPrivatePath } from '../fs/check-private-path.js';
import { atSocket, type ResidentSocket } from './resident-socket.js';

/**
 * Loaded when a daemon runs: this module is part of core's index, where nothing may load the
 * network modules (a guard without a server pays nothing for them).
 */
function loadNet(): typeof Net {
  return process.getBuiltinModule('node:net') as typeof Net;
}

/** The daemon exits after this long without a call (`WARDEN_RESIDENT_IDLE_MS`). */
export const DEFAULT_RESIDENT_IDLE_MS = 10 * 60_000;
/** How often the daemon checks that its socket is still its own and its home still exists. */
const WATCH_INTERVAL_MS = 1_000;
/** The signals that stop the daemon cleanly (its socket and pid file removed). */
const SIGNALS = ['SIGTERM', 'SIGINT', 'SIGHUP'] as const;
/** Deciders kept, one per caller environment (a few sessions at once). */
const MAX_DECIDERS = 4;
/** A request larger than this (the hook's own input limit plus the environment) is dropped. */
const MAX_REQUEST_BYTES = 40 * 1024 * 1024;

export const residentRequestSchema = z.object({
  version: z.literal(1),
  argv: z.array(z.string()),
  env: z.record(z.string(), z.string()),
  cwd: z.string(),
  input: z.string(),
});
export type ResidentRequest = z.infer<typeof residentRequestSchema>;

/** What decides one request: built once per caller environment and arguments, then kept. */
export interface ResidentDecider {
  decide(input: unknown): Promise<CommandHookResponse>;
}

export interface RunResidentDaemonOptions {
  home: string;
  socket: ResidentSocket;
  /** A decider for a caller's environment and hook arguments (`createSessionDecider` underneath). */
  createDecider: (options: { env: NodeJS.ProcessEnv; argv: readonly string[] }) => ResidentDecider;
  /** Default `WARDEN_RESIDENT_IDLE_MS` of the daemon's environment, else 10 minutes. */
  idleMs?: number;
  /** Where the daemon says why it stopped (its stdio is usually closed). */
  log?: (message: string) => void;
  /**
   * Checked with the socket and the home: false once the hook code the daemon was started for has
   * been replaced (an upgrade), so an old daemon does not wait out its idle period.
   */
  isCurrent?: () => boolean;
}

function socketInode(file: string): bigint | undefined {
  try {
    const stats = lstatSync(file, { bigint: true });
    return stats.isSocket() ? stats.ino : undefined;
  } catch {
    return undefined;
  }
}

/** Whether a daemon already answers on this socket. */
function isListening(socket: ResidentSocket): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = atSocket(socket, (address) => loadNet().createConnection(address));
    probe.once('connect', () => {
      probe.destroy();
      resolve(true);
    });
    probe.once('error', () => resolve(false));
  });
}

/**
 * The resident decider behind the command hook (`warden-<agent> hook-daemon`): listens on a
 * private unix socket, decides each hook call with the session server's decider (one per caller
 * environment, config and policy re-checked per call by their file stamps) and one long-lived
 * audit writer, and answers with the command hook's exact output. It exits after an idle period,
 * when its socket file is removed or replaced, or when Warden's home disappears. Resolves when it
 * has stopped; rejects when it cannot start (an unsafe directory, a live daemon on the socket).
 */
export async function runResidentDaemon(options: RunResidentDaemonOptions): Promise<void> {
  const { home, socket } = options;
  const log = options.log ?? (() => {});
  const idleMs = options.idleMs ?? (Number(process.env.WARDEN_RESIDENT_IDLE_MS) || DEFAULT_RESIDENT_IDLE_MS);

  // The home is the hook's to create; a daemon started for a home that is gone has nothing to serve.
  if (!lstatSafe(home)) throw new Error(`Warden's home ${home} does not exist`);
  mkdirSync(socket.directory, { recursive: true, mode: 0o700 });
  const unsafe =
    checkPrivatePath({ path: home, role: "Warden's home" }) ??
    checkPrivatePath({ path: path.dirname(socket.directory), role: 'the run directory' }) ??
    checkPrivatePath({ path: socket.directory, role: 'the resident directory' });
  if (unsafe) throw new Error(unsafe);
  if (lstatSafe(socket.socketFile)) {
    if (socketInode(socket.socketFile) === undefined)
      throw new Error(`${socket.socketFile} exists and is not a socket; not replacing it`);
    if (await isListening(socket)) throw new Error('another daemon already listens there');
    unlinkSync(socket.socketFile);
  }

  const pidFile = `${socket.socketFile}.pid`;
  const deciders = new Map<string, ResidentDecider>();
  const deciderFor = (request: ResidentRequest): ResidentDecider => {
    // The whole environment is the key (a few kB, a few entries): a hash could let two differ.
    const key = JSON.stringify([request.argv, Object.entries(request.env).sort()]);
    let decider = deciders.get(key);
    if (decider) {
      deciders.delete(key);
    } else {
      decider = options.createDecider({ env: request.env, argv: request.argv });
      if (deciders.size >= MAX_DECIDERS) deciders.delete(deciders.keys().next().value as string);
    }
    deciders.set(key, decider);
    return decider;
  };

  let inFlight = 0;
  let idleTimer: NodeJS.Timeout | undefined;
  let stopping = false;
  let resolveStopped: () => void = () => {};
  const stopped = new Promise<void>((resolve) => {
    resolveStopped = resolve;
  });

  const server = loadNet().createServer((connection) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let handled = false;
    connection.on('error', () => {});
    connection.on('data', (chunk: Buffer) => {
      if (handled) return;
      const newline = chunk.indexOf(10);
      chunks.push(newline === -1 ? chunk : chunk.subarray(0, newline));
      size += chunk.length;
      if (size > MAX_REQUEST_BYTES) {
        handled = true;
        connection.destroy();
        return;
      }
      if (newline === -1) return;
      handled = true;
      void handle(connection, Buffer.concat(chunks).toString('utf8'));
    });
  });

  const armIdle = () => {
    clearTimeout(idleTimer);
    idleTimer = setTimeout(() => stop('idle'), idleMs);
  };

  const handle = async (connection: Net.Socket, text: string): Promise<void> => {
    inFlight++;
    armIdle();
    try {
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        value = undefined;
      }
      const request = residentRequestSchema.safeParse(value);
      // A request that is not the client's is not answered: the client decides in-process.
      if (!request.success) return void connection.destroy();
      let input: unknown;
      try {
        input = JSON.parse(request.data.input);
      } catch {
        return void connection.destroy();
      }
      const answer = await deciderFor(request.data).decide(input);
      connection.end(`${JSON.stringify(answer)}\n`);
    } catch (error) {
      log(`warden hook-daemon: ${error instanceof Error ? error.message : String(error)}\n`);
      connection.destroy();
    } finally {
      inFlight--;
      if (stopping && inFlight === 0) finish();
    }
  };

  let inode: bigint | undefined;
  let watch: NodeJS.Timeout | undefined;
  const finish = () => {
    for (const signal of SIGNALS) process.off(signal, onSignal);
    clearInterval(watch);
    clearTimeout(idleTimer);
    server.close(() => resolveStopped());
  };
  const stop = (why: string) => {
    if (stopping) return;
    stopping = true;
    log(`warden hook-daemon: stopping (${why})\n`);
    // Only our own socket (and pid file) is removed: a newer daemon may have replaced it.
    if (inode !== undefined && socketInode(socket.socketFile) === inode) {
      try {
        unlinkSync(socket.socketFile);
      } catch {
        // Already gone.
      }
    }
    try {
      if (readFileSync(pidFile, 'utf8').trim() === String(process.pid)) rmSync(pidFile, { force: true });
    } catch {
      // No pid file, or a newer daemon's.
    }
    if (inFlight === 0) finish();
  };

  await new Promise<void>((resolve, reject) => {
    // The socket is created 0600 from the start, not chmod-ed after a window where others could connect.
    const previous = process.umask(0o177);
    server.once('error', (error) => {
      process.umask(previous);
      reject(error);
    });
    atSocket(socket, (address) =>
      server.listen(address, () => {
        process.umask(previous);
        server.removeAllListeners('error');
        server.on('error', (error) => log(`warden hook-daemon: ${error.message}\n`));
        resolve();
      }),
    );
  });
  chmodSync(socket.socketFile, 0o600);
  inode = socketInode(socket.socketFile);
  // Operators and tests find the daemon's pid beside its socket (to stop it, or to see that it runs).
  writeFileSync(pidFile, `${process.pid}\n`, { mode: 0o600 });
  armIdle();
  watch = setInterval(() => {
    if (socketInode(socket.socketFile) !== inode) stop('socket removed or replaced');
    else if (!lstatSafe(home)) stop("Warden's home is gone");
    else if (options.isCurrent && !options.isCurrent()) stop('the hook code was replaced');
  }, WATCH_INTERVAL_MS);
  const onSignal = (signal: NodeJS.Signals) => stop(signal);
  for (const signal of SIGNALS) process.on(signal, onSignal);
  return stopped;
}

function lstatSafe(file: string): boolean {
  try {
    lstatSync(file);
    return true;
  } catch {
    return false;
  }
}
