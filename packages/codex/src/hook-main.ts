import { finishAfterCrash, finishProcess } from '@warden/core';
import { askFromArguments } from './ask-from-arguments.js';
import { runCodexHook } from './hook.js';

/** Entry of `warden-codex hook`, bundled on its own into dist/hook.cjs. */
export function main(): void {
  runCodexHook({ askBehaviour: askFromArguments({ argv: process.argv.slice(3) }) }).then(
    finishProcess,
    (error: unknown) => finishAfterCrash({ error }),
  );
}
