#!/usr/bin/env node
// node:sqlite still announces itself as experimental on Node 22/24; that line is noise for
// operators, every other warning is kept.
const emitWarning = process.emitWarning.bind(process);
process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
  const text = typeof warning === 'string' ? warning : warning.message;
  if (/SQLite is an experimental feature/.test(text)) return;
  (emitWarning as (...args: unknown[]) => void)(warning, ...rest);
}) as typeof process.emitWarning;

const { runServerCommand } = await import('./cli/run-server-command.js');
const argv = process.argv.slice(2);
// `warden-server token create …` and `warden-server serve …` both work.
process.exitCode = await runServerCommand({ argv: argv.length === 0 ? ['serve'] : argv });
