import { finishAfterCrash, finishProcess } from '@warden/core';
import { runHook } from './hook.js';

/**
 * Entry of `warden-claude-code hook`, bundled on its own into dist/hook.cjs. `input` is the read
 * of stdin the resident client already started, when it hands the call back.
 */
export function main(options: { input?: Promise<string> } = {}): void {
  runHook(options.input ? { input: options.input } : {}).then(finishProcess, (error: unknown) =>
    finishAfterCrash({ error }),
  );
}
