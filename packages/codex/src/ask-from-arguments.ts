import type { AskBehaviour } from './adapter.js';

/**
 * `--ask deny|defer` (or `--ask=…`) among the arguments of `hook` or `serve-session`: the
 * behaviour `install --ask` wrote into hooks.json or the MCP server's arguments. Anything else
 * (no flag, an unknown value) leaves the adapter's default.
 */
export function askFromArguments(options: { argv: readonly string[] }): AskBehaviour | undefined {
  const { argv } = options;
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index]!;
    const value =
      argument === '--ask' ? argv[index + 1] : argument.startsWith('--ask=') ? argument.slice(6) : undefined;
    if (value === 'deny' || value === 'defer') return value;
  }
  return undefined;
}
