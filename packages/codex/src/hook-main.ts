import { finishAfterCrash, finishProcess } from '@warden/core';
import type { AskBehaviour } from './adapter.js';
import { runCodexHook } from './hook.js';

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
    (error: unknown) => finishAfterCrash({ error }),
  );
}
