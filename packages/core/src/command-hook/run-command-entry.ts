import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { runResidentClient } from '../resident/run-resident-client.js';
import { requireWithCodeCache } from './require-with-code-cache.js';

/** How long a daemon started by a hook call waits before it loads (the call takes ~50 ms in-process). */
const AFTER_HOOK_DELAY_MS = 250;

/** What an adapter's hook bundle (`hook.cjs`) exports. */
interface HookModule {
  main: (options?: { input?: Promise<string> }) => void;
}

/** What an adapter's daemon bundle (`daemon.cjs`) exports. */
interface DaemonModule {
  daemon: (options: { directory: string; argv: readonly string[] }) => void;
}

export interface RunCommandEntryOptions {
  directory: string;
  argv?: readonly string[];
  env?: NodeJS.ProcessEnv;
  /**
   * The resident decider of this adapter: its id and the events it decides. Without it (or with
   * `WARDEN_RESIDENT=0`) every hook call is decided in its own process.
   */
  resident?: { name: string; events: readonly string[] };
}

/**
 * The body of an adapter's `bin` (built as CommonJS beside `hook.cjs`, `daemon.cjs` and
 * `cli.cjs`): `hook` hands the call to the resident decider when one runs (`runResidentClient`)
 * and otherwise loads the hook bundle with a V8 code cache kept in Warden's home; `hook-daemon`
 * is that resident decider; anything else goes to the CLI. It stays this small because it runs on
 * every tool call.
 */
export function runCommandEntry(options: RunCommandEntryOptions): void {
  const argv = options.argv ?? process.argv;
  const env = options.env ?? process.env;
  if (argv[2] === 'hook') {
    const home = env.WARDEN_HOME || path.join(env.HOME || os.homedir(), '.warden');
    const inProcess = (input?: Promise<string>) => {
      const hook = requireWithCodeCache({
        file: path.join(options.directory, 'hook.cjs'),
        cacheDir: path.join(home, 'cache'),
      }) as HookModule;
      hook.main(input ? { input } : {});
    };
    // Unix sockets with owner and mode checks: not on Windows, where every call stays in-process.
    if (options.resident && env.WARDEN_RESIDENT?.trim() !== '0' && process.platform !== 'win32') {
      runResidentClient({
        ...options.resident,
        home,
        directory: options.directory,
        argv,
        env,
        fallback: inProcess,
      });
      return;
    }
    inProcess();
    return;
  }
  const load = createRequire(path.join(options.directory, 'bin.cjs'));
  if (argv[2] === 'hook-daemon') {
    const start = () => (load('./daemon.cjs') as DaemonModule).daemon({ directory: options.directory, argv });
    // Started by a hook call that is deciding in-process meanwhile: loading the daemon waits until
    // that call is answered, instead of taking a core from it on a busy machine.
    if (argv.includes('--after-hook')) setTimeout(start, AFTER_HOOK_DELAY_MS);
    else start();
    return;
  }
  if (argv[2] === '--version' || argv[2] === '-v' || argv[2] === 'version') {
    // The adapter's package.json sits above dist/.
    const { name, version } = load('../package.json') as { name: string; version: string };
    process.stdout.write(`${name} ${version} (Node ${process.versions.node})\n`);
    return;
  }
  const cli = load('./cli.cjs') as { main: () => void };
  cli.main();
}
