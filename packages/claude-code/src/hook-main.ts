import { runHook } from './hook.js';
import { finishProcess } from './process-response.js';

/** Entry of `warden-claude-code hook`, bundled on its own into dist/hook.cjs. */
export function main(): void {
  runHook({}).then(finishProcess, (error: unknown) => {
    // runHook answers every failure itself; this is the last line of defence against a bug.
    finishProcess({
      stdout: '',
      stderr: `warden: ${String(error)}\n`,
      exitCode: process.env.WARDEN_FAILURE === 'open' ? 0 : 2,
    });
  });
}
