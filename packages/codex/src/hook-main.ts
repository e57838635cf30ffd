import { finishAfterCrash, finishProcess } from '@warden/core';
import { askFromArguments } from './ask-from-arguments.js';
import { runCodexHook } from './hook.js';

/**
 * Entry of `warden-codex hook`, bundled on its own into dist/hook.cjs. `input` is the read of
 * stdin the resident client already started, when it hands the call back.
 */
export function main(options: { input?: Promise<string> } = {}): void {
  runCodexHook({
    askBehaviour: askFromArguments({ argv: process.argv.slice(3) }),
    ...(options.input ? { stdin: options.input } : {}),
  }).then(finishProcess, (error: unknown) => finishAfterCrash({ error }));
}
