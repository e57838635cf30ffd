import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { requireWithCodeCache } from './require-with-code-cache.js';

/**
 * The body of an adapter's `bin` (built as CommonJS beside `hook.cjs` and `cli.cjs`): `hook` loads
 * the hook bundle with a V8 code cache kept in Warden's home, anything else goes to the CLI.
 * It stays this small because it runs on every tool call.
 */
export function runCommandEntry(options: {
  directory: string;
  argv?: readonly string[];
  env?: NodeJS.ProcessEnv;
}): void {
  const argv = options.argv ?? process.argv;
  const env = options.env ?? process.env;
  if (argv[2] === 'hook') {
    const home = env.WARDEN_HOME || path.join(env.HOME || os.homedir(), '.warden');
    const hook = requireWithCodeCache({
      file: path.join(options.directory, 'hook.cjs'),
      cacheDir: path.join(home, 'cache'),
    });
    (hook as { main: () => void }).main();
    return;
  }
  const load = createRequire(path.join(options.directory, 'bin.cjs'));
  if (argv[2] === '--version' || argv[2] === '-v' || argv[2] === 'version') {
    // The adapter's package.json sits above dist/.
    const { name, version } = load('../package.json') as { name: string; version: string };
    process.stdout.write(`${name} ${version} (Node ${process.versions.node})\n`);
    return;
  }
  const cli = load('./cli.cjs') as { main: () => void };
  cli.main();
}
