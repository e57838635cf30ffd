import type { AskBehaviour } from './adapter.js';
import { runCodexHook } from './hook.js';
import { finishProcess } from './process-response.js';

/** `--ask deny|defer` (or `--ask=...`) after `hook`: the behaviour `install --ask` wrote into hooks.json. */
function askFromArguments(argv: readonly string[]): AskBehaviour | undefined {
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index]!;
    const value =
      argument === '--ask' ? argv[index + 1] : argument.startsWith('--ask=') ? argument.slice(6) : undefined;
    if (value === 'deny' || value === 'defer') return value;
  }
  return undefined;
}

/** Entry of `warden-codex hook`, bundled on its own into dist/hook.cjs. */
export function main(): void {
  runCodexHook({ askBehaviour: askFromArguments(process.argv.slice(3)) }).then(
    finishProcess,
    (error: unknown) => {
      // runCodexHook answers every failure itself; this is the last line of defence against a bug.
      const reason = `Warden could not evaluate this hook: ${String(error)}`;
      finishProcess(
        process.env.WARDEN_FAILURE === 'open'
          ? { stdout: '', stderr: `${reason}\n`, exitCode: 0 }
          : { stdout: '', stderr: `${reason}\n`, exitCode: 2 },
      );
    },
  );
}
