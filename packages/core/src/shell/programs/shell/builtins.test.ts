import { describe } from 'vitest';
import { itDecides, type ProgramCase } from '../program-test.js';
import { builtins } from './builtins.js';

// One everyday line per builtin; their words are never files.
const LINES: Record<string, string> = {
  echo: 'echo ~/.ssh/id_rsa',
  printf: 'printf "%s\\n" ~/.aws/credentials',
  true: 'true',
  false: 'false',
  test: 'test -f package.json',
  '[': '[ -d node_modules ]',
  '[[': '[[ -n "$HOME" ]]',
  exit: 'exit 0',
  return: 'f() { return 1; }; f',
  sleep: 'sleep 1',
  seq: 'seq 1 3',
  date: 'date +%s',
  export: 'export NODE_ENV=test',
  set: 'set -euo pipefail',
  shift: 'shift',
  read: 'read -r line < notes.txt',
  cd: 'cd src',
  pushd: 'pushd src',
  popd: 'popd',
  pwd: 'pwd',
  which: 'which node',
  type: 'type -a git',
  whereis: 'whereis python3',
  hash: 'hash -r',
  man: 'man git-rebase',
  help: 'help cd',
  info: 'info coreutils',
  wait: 'wait',
  jobs: 'jobs -l',
  yes: 'yes | head -1',
  basename: 'basename /home/u/.ssh/id_rsa',
  dirname: 'dirname src/a.ts',
  expr: 'expr 1 + 2',
  let: 'let x=1+2',
  local: 'f() { local x=1; }; f',
  declare: 'declare -a list',
  typeset: 'typeset -i n=1',
  readonly: 'readonly MODE=test',
  alias: 'alias ll="ls -l"',
  unalias: 'unalias ll',
  history: 'history 10',
  trap: 'trap "echo done" EXIT',
  umask: 'umask 022',
  ulimit: 'ulimit -n 4096',
  getopts: 'getopts ab: opt',
  unset: 'unset NODE_ENV',
  break: 'for f in a b; do break; done',
  continue: 'for f in a b; do continue; done',
  ':': ': noop',
  source: 'source .venv/bin/activate',
  '.': '. ./env.sh',
  shopt: 'shopt -s globstar',
  complete: 'complete -p',
  bind: 'bind -l',
  fc: 'fc -l',
  disown: 'disown -a',
  bg: 'bg',
  fg: 'fg',
  suspend: 'suspend -f',
  caller: 'caller',
  enable: 'enable -a',
  mapfile: 'mapfile -t lines < notes.txt',
  readarray: 'readarray -t lines < notes.txt',
};

describe('shell/builtins', () => {
  const cases: ProgramCase[] = builtins.programs.map((program) => ({
    command: LINES[program]!,
    effect: 'allow',
    // `[[ … ]]` is parsed as bash syntax; the name is claimed for `command '[['`-style calls.
    programs: program === '[[' ? [] : [program],
  }));
  itDecides([
    ...cases,
    // What a builtin reads through a redirection is still read.
    { command: 'read -r key < ~/.ssh/id_rsa', effect: 'deny', programs: ['read'] },
  ]);
});
