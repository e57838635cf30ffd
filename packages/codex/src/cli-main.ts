import { finishProcess } from '@warden/core';
import { runCli } from './cli.js';
import { startCodexSessionProcess } from './serve-session.js';

/** Entry of the other subcommands, bundled into dist/cli.cjs. */
export function main(): void {
  const argv = process.argv.slice(2);
  if (argv[0] === 'serve-session') {
    startCodexSessionProcess({ argv: argv.slice(1) });
    return;
  }
  runCli({ argv }).then(finishProcess, (error: unknown) => {
    finishProcess({ stdout: '', stderr: `warden-codex: ${String(error)}\n`, exitCode: 1 });
  });
}
