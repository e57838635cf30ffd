import type { Field } from '../../expand-word.js';
import type { Unwrapped } from '../../unwrap-command.js';
import { addTarget, defineProgram, optionValue, readWordsOrOperands, words } from '../program-module.js';

/** Programs of this module whose operands are words, not files. */
const WORD_PROGRAMS = new Set(['python', 'python3', 'php']);

/**
 * Static file servers: the directory they serve is read by anyone who can reach the port, so it is
 * a `read` target under the subcommand `serve` (the pack denies serving home, /, system or secret
 * directories). `python -m http.server` serves the working directory unless told otherwise.
 */
export const httpServers = defineProgram({
  name: 'network/http-servers',
  programs: ['python', 'python3', 'python2', 'http-server', 'serve', 'php', 'live-server', 'static-server'],
  findings: [],
  ownsArguments: true,
  describe(call) {
    readWordsOrOperands(call, WORD_PROGRAMS);
    const { args } = call;
    let directory: string | undefined;
    if (call.program.startsWith('python')) {
      const module = optionValue(args, ['-m']);
      if (module !== 'http.server' && module !== 'SimpleHTTPServer') return;
      directory = optionValue(args, ['-d', '--directory']) ?? '.';
    } else if (call.program === 'php') {
      if (optionValue(args, ['-S']) === undefined) return;
      directory = optionValue(args, ['-t']) ?? '.';
    } else {
      const operands = words(args).filter((word) => !/^\d+$/.test(word));
      directory = operands[0] ?? '.';
    }
    call.description.subcommand = 'serve';
    addTarget(call, directory, 'read');
  },
  nested: frameworkConsole,
});

/**
 * A framework's command runner started through its interpreter (`python manage.py flush`, `php
 * artisan migrate:fresh`, `php bin/console doctrine:database:drop`) is read as that runner, so its
 * module judges the command as it does `./manage.py flush`.
 */
function frameworkConsole(args: readonly Field[]): Unwrapped[] {
  let index = 0;
  // Interpreter options before the script; -W, -X and -d take a value.
  while (index < args.length && args[index]!.value.startsWith('-')) {
    if (/^-[WXdc]$/.test(args[index]!.value)) index++;
    if (/^-[cm]/.test(args[index]!.value)) return [];
    index++;
  }
  const script = args[index]?.value;
  if (script === undefined) return [];
  const base = script.slice(script.lastIndexOf('/') + 1);
  if (base !== 'manage.py' && base !== 'artisan' && !/(^|\/)bin\/console$/.test(script)) return [];
  return [{ kind: 'exec', label: 'interpreter script', argv: args.slice(index), stdin: true }];
}
