import { finishProcess } from '@warden/core';
import { runCli } from './cli.js';

/** Entry of the other subcommands, bundled into dist/cli.cjs. */
export function main(): void {
  runCli({ argv: process.argv.slice(2) }).then(finishProcess, (error: unknown) => {
    finishProcess({ stdout: '', stderr: `warden-codex: ${String(error)}\n`, exitCode: 1 });
  });
}
