import { lstatSync, statSync } from 'node:fs';
import path from 'node:path';
import { shortHash } from '../command-hook/short-hash.js';
import { checkPrivatePath } from '../fs/check-private-path.js';

/** Unix socket paths longer than this do not fit `sockaddr_un` (108 bytes on Linux, 104 on macOS). */
const MAX_SOCKET_PATH = 100;

/** Where an adapter's resident decider listens, and where it keeps its start stamp. */
export interface ResidentSocket {
  /** `$WARDEN_HOME/run/resident`: private (0700), checked like the code cache's directory. */
  directory: string;
  /** `<adapter>-<hash of the hook and daemon bundles' identities>.sock` in it. */
  socketFile: string;
  /**
   * The address to bind or connect to: the absolute path, or, when that is too long for a unix
   * socket address (a deep home), the bare name, used from inside the directory (`atSocket`).
   */
  address: string;
}

/**
 * Runs `bind`/`connect` with the socket's address: a bare name is resolved against the current
 * directory when the system call is made (synchronously, in `listen` and `createConnection`), so
 * the process steps into the socket's directory for that call only.
 */
export function atSocket<T>(socket: ResidentSocket, run: (address: string) => T): T {
  if (socket.address === socket.socketFile) return run(socket.address);
  const previous = process.cwd();
  process.chdir(socket.directory);
  try {
    return run(socket.address);
  } finally {
    process.chdir(previous);
  }
}

/** The identity of a bundle file: device, inode, size and times (a rewrite changes the ctime). */
function fileIdentity(file: string): string {
  const stats = statSync(file, { bigint: true });
  return `${stats.dev}:${stats.ino}:${stats.size}:${stats.mtimeNs}:${stats.ctimeNs}`;
}

/**
 * The socket of the resident decider for this hook code: its name carries a hash of the identity
 * of the hook bundle and of the daemon bundle, so an upgraded hook never talks to an old daemon.
 * Undefined when the bundles cannot be found.
 */
export function residentSocket(options: {
  home: string;
  /** Adapter id, for a readable name. */
  name: string;
  /** The bundles whose identity names the socket (`hook.cjs`, `daemon.cjs`). */
  files: readonly string[];
}): ResidentSocket | undefined {
  try {
    const identity = shortHash(options.files.map(fileIdentity).join('|'));
    const directory = path.join(options.home, 'run', 'resident');
    const name = `${options.name}-${identity}.sock`;
    const socketFile = path.join(directory, name);
    return {
      directory,
      socketFile,
      address: Buffer.byteLength(socketFile) > MAX_SOCKET_PATH ? name : socketFile,
    };
  } catch {
    return undefined;
  }
}

/**
 * Why this socket must not be used, or undefined when it may: the home, the run directory and the
 * resident directory must pass the ssh-style check of the code cache (owned by the user, not
 * writable by group or others), and the socket must be a socket of the user's, 0600 or stricter.
 * `missing` when there is no socket yet (the daemon is not running).
 */
export function checkResidentSocket(options: {
  home: string;
  socket: ResidentSocket;
  uid?: number;
}): 'missing' | string | undefined {
  const uid = options.uid ?? process.getuid?.();
  const { home, socket } = options;
  const unsafe =
    checkPrivatePath({ path: home, role: "Warden's home", uid }) ??
    checkPrivatePath({ path: path.dirname(socket.directory), role: 'the run directory', uid }) ??
    checkPrivatePath({ path: socket.directory, role: 'the resident directory', uid });
  if (unsafe) return unsafe;
  let stats: ReturnType<typeof lstatSync>;
  try {
    stats = lstatSync(socket.socketFile);
  } catch {
    return 'missing';
  }
  if (!stats.isSocket()) return `${socket.socketFile} is not a socket`;
  if (uid !== undefined && stats.uid !== uid)
    return `${socket.socketFile} belongs to user ${stats.uid}, not to you (${uid})`;
  if ((stats.mode & 0o077) !== 0)
    return `${socket.socketFile} is open to others (mode ${(stats.mode & 0o777).toString(8)})`;
  return undefined;
}
