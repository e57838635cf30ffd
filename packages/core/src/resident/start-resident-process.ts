import os from 'node:os';
import path from 'node:path';
import { residentSocket } from './resident-socket.js';
import { type ResidentDecider, runResidentDaemon } from './run-resident-daemon.js';

/**
 * The process around `runResidentDaemon` (an adapter's `daemon.cjs`): it was started detached
 * with no stdio, so nothing may be printed and no error may end it; it exits 0 when the daemon
 * stops and 1 when it cannot start (a live daemon, an unsafe directory: the hooks decide
 * in-process then).
 */
export function startResidentProcess(options: {
  name: string;
  directory: string;
  env?: NodeJS.ProcessEnv;
  createDecider: (options: { env: NodeJS.ProcessEnv; argv: readonly string[] }) => ResidentDecider;
}): void {
  const env = options.env ?? process.env;
  const log = (message: string) => {
    if (env.WARDEN_RESIDENT_LOG === '1') process.stderr.write(message);
  };
  console.log = console.error;
  console.info = console.error;
  console.debug = console.error;
  process.on('uncaughtException', (error) => log(`warden hook-daemon: uncaught: ${String(error)}\n`));
  process.on('unhandledRejection', (error) => log(`warden hook-daemon: unhandled: ${String(error)}\n`));
  const home = env.WARDEN_HOME || path.join(env.HOME || os.homedir(), '.warden');
  const socket = residentSocket({
    home,
    name: options.name,
    files: [path.join(options.directory, 'hook.cjs'), path.join(options.directory, 'daemon.cjs')],
  });

  if (!socket) {
    log('warden hook-daemon: no usable socket path\n');
    process.exit(1);
  }
  const files = [path.join(options.directory, 'hook.cjs'), path.join(options.directory, 'daemon.cjs')];
  runResidentDaemon({
    home,
    socket,
    createDecider: options.createDecider,
    log,
    // The socket's name carries the bundles' identity: another name means other hook code.
    isCurrent: () => residentSocket({ home, name: options.name, files })?.socketFile === socket.socketFile,
  }).then(
    () => process.exit(0),
    (error: unknown) => {
      log(`warden hook-daemon: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
