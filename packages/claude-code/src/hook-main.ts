import { finishAfterCrash, finishProcess } from '@warden/core';
import { runHook } from './hook.js';

/** Entry of `warden-claude-code hook`, bundled on its own into dist/hook.cjs. */
export function main(): void {
  runHook().then(finishProcess, (error: unknown) => finishAfterCrash({ error }));
}
