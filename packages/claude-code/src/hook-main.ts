import { finishAfterCrash, finishProcess, primeCommandHook } from '@warden/core';
import { runHook } from './hook.js';
import { claudeCodePrimeInputs } from './prime-inputs.js';

/** Entry of `warden-claude-code hook`, bundled on its own into dist/hook.cjs. */
export function main(): void {
  runHook().then(finishProcess, (error: unknown) => finishAfterCrash({ error }));
}

/** `warden-claude-code hook --prime`: fills the code cache; records and sends nothing. */
export function prime(): Promise<void> {
  return primeCommandHook({
    inputs: claudeCodePrimeInputs(process.cwd()),
    run: (options) => runHook(options),
  });
}
