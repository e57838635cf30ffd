import { addTargets, defineProgram, type ProgramCall, readOptions, words } from '../program-module.js';

/**
 * Whether a formatter or fixer rewrites its file operands in place: some only with a flag
 * (`prettier --write`, `gofmt -w`, `clang-format -i`, `eslint --fix`), some unless told to only
 * check (`black`, `rustfmt`, `isort`, `dos2unix`, `ruff format`).
 */
const IN_PLACE: Readonly<
  Record<string, (args: readonly string[], subcommand: string | undefined) => boolean>
> = {
  prettier: (args) => has(args, '--write', '-w'),
  eslint: (args) => has(args, '--fix'),
  biome: (args, subcommand) =>
    subcommand !== 'ci' && has(args, '--write', '--apply', '--apply-unsafe', '--fix', '--unsafe'),
  gofmt: (args) => has(args, '-w'),
  goimports: (args) => has(args, '-w'),
  'clang-format': (args) => has(args, '-i'),
  shfmt: (args) => has(args, '-w', '--write'),
  autopep8: (args) => has(args, '-i', '--in-place'),
  yapf: (args) => has(args, '-i', '--in-place'),
  rubocop: (args) => has(args, '-a', '-A', '--autocorrect', '--autocorrect-all', '--auto-correct'),
  standard: (args) => has(args, '--fix'),
  xo: (args) => has(args, '--fix'),
  ktlint: (args) => has(args, '-F', '--format'),
  'php-cs-fixer': (_args, subcommand) => subcommand === 'fix' && !has(_args, '--dry-run'),
  sqlfluff: (_args, subcommand) => subcommand === 'fix' || subcommand === 'format',
  ruff: (args, subcommand) =>
    (subcommand === 'format' && !has(args, '--check', '--diff')) ||
    (subcommand === 'check' && has(args, '--fix', '--unsafe-fixes')),
  black: (args) => !has(args, '--check', '--diff'),
  isort: (args) => !has(args, '--check-only', '--check', '-c', '--diff'),
  rustfmt: (args) => !has(args, '--check'),
  stylua: (args) => !has(args, '--check', '-c'),
  swiftformat: (args) => !has(args, '--lint', '--dryrun'),
  taplo: (args, subcommand) => (subcommand === 'fmt' || subcommand === 'format') && !has(args, '--check'),
  dprint: (_args, subcommand) => subcommand === 'fmt',
  // The line-ending converters rewrite every file named unless given new files (`-n in out`).
  dos2unix: (args) => !has(args, '-n', '--newfile', '-i', '--info'),
  unix2dos: (args) => !has(args, '-n', '--newfile', '-i', '--info'),
  mac2unix: (args) => !has(args, '-n', '--newfile', '-i', '--info'),
  unix2mac: (args) => !has(args, '-n', '--newfile', '-i', '--info'),
};

/** Tools whose first word is a subcommand, not a file (`ruff format x.py`, `biome check --write src`). */
const SUBCOMMANDS: Readonly<Record<string, RegExp>> = {
  biome: /^(format|lint|check|ci|init|migrate|explain|rage|start|stop|version|search|lsp-proxy)$/,
  ruff: /^(check|format|rule|config|linter|clean|server|version|analyze)$/,
  'php-cs-fixer': /^(fix|check|list-files|list-sets|describe|self-update|help)$/,
  sqlfluff: /^(lint|fix|format|parse|render|dialects|rules|version)$/,
  taplo: /^(fmt|format|lint|check|get|config|lsp|completions)$/,
  dprint: /^(fmt|check|init|config|output-file-paths|output-resolved-config|license|upgrade)$/,
};

/** Option values that are not files to format (config files, parsers, plugins, line widths). */
const VALUED_LONG = [
  'config',
  'config-path',
  'ignore-path',
  'plugin',
  'parser',
  'log-level',
  'cache-location',
  'stdin-filepath',
  'stdin-file-path',
  'rule',
  'ext',
  'format',
  'output-file',
  'max-warnings',
  'resolve-plugins-relative-to',
  'line-length',
  'target-version',
  'exclude',
  'extend-exclude',
  'select',
  'ignore',
  'style',
  'assume-filename',
  'dialect',
  'profile',
  'settings-path',
  'src',
  'edition',
  'indent',
  'language-dialect',
  'rules',
  'fallback-style',
];

function has(args: readonly string[], ...names: string[]): boolean {
  return args.some((arg) => names.includes(arg.replace(/=.*$/, '')));
}

function describeFormatter(call: ProgramCall): void {
  const subcommandPattern = SUBCOMMANDS[call.program];
  const first = words(call.args)[0];
  const subcommand = subcommandPattern && first && subcommandPattern.test(first) ? first : undefined;
  if (subcommand) call.description.subcommand = subcommand;
  const { operands } = readOptions(call, {
    valued: call.program === 'dos2unix' || call.program === 'unix2dos' ? 'c' : 'clo',
    longValued: VALUED_LONG,
  });
  const files = subcommand ? operands.filter((index) => call.args[index] !== subcommand) : operands;
  const writes = IN_PLACE[call.program]?.(call.args, subcommand) ?? false;
  // With `-n in out` the converters write the second of each pair only.
  addTargets(call, files, writes ? 'write' : 'read');
}

/**
 * Code formatters, fixers and line-ending converters: what they rewrite in place is written
 * (`prettier --write`, `black`, `gofmt -w`, `clang-format -i`, `eslint --fix`, `dos2unix`), so a
 * formatter run over a policy file, an agent's settings or a shell start-up file is judged as the
 * edit it is; checking runs only read.
 */
export const formatters = defineProgram({
  name: 'text/formatters',
  programs: Object.keys(IN_PLACE),
  findings: [],
  ownsArguments: true,
  describe: describeFormatter,
});
