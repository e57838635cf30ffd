import type { Field } from './expand-word.js';
import { type OptionSpec, scanOptions } from './parse-options.js';
import { SHELLS } from './program-sets.js';
import { programModule } from './programs/registry.js';

/**
 * What a wrapper runs. `exec`: another argv (sudo rm -rf /). `script`: shell source that a
 * shell will parse (bash -c, eval, ssh host CMD, git -c alias). `stdin_script`: a shell that
 * reads its script from stdin. `file_script`: a shell or `source` running a script file.
 */
export type Unwrapped =
  | {
      kind: 'exec';
      label: string;
      argv: Field[];
      /** The inner command reads the wrapper's stdin (false for xargs and find). */
      stdin: boolean;
      /** The wrapper appends arguments only known at run time (xargs without known input). */
      appendsInput?: boolean;
      /** The working directory the inner command runs in (`env -C dir`, `sudo -D dir`). */
      cwd?: string;
    }
  | { kind: 'script'; label: string; script: string; dynamic: boolean; positional?: string[]; stdin: boolean }
  | { kind: 'stdin_script'; label: string; positional?: string[] }
  | { kind: 'file_script'; label: string; path: string; positional?: string[] };

export interface UnwrapOptions {
  program: string;
  args: Field[];
  /** The items a pipe or here-string feeds the command, when known (for xargs). */
  stdinItems?: string[];
  /** The text itself (parallel reads one input per line). */
  stdinText?: string;
}

const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;
// Caps on how many copies of an inner command xargs, parallel and find expand to.
const MAX_ITEMS = 8;

function valuesOf(fields: readonly Field[]): string[] {
  return fields.map((field) => field.value);
}

function literal(value: string): Field {
  return { value, dynamic: false, glob: false };
}

function execAfter(options: {
  args: Field[];
  spec: OptionSpec;
  label: string;
  skipAssignments?: boolean;
  /** Operands that belong to the wrapper before the command (timeout's duration, chroot's root). */
  skipOperands?: number;
  cwd?: string;
}): Unwrapped[] {
  const scanned = scanOptions({ args: valuesOf(options.args), spec: options.spec });
  let index = scanned.firstOperand + (options.skipOperands ?? 0);
  if (options.skipAssignments)
    while (index < options.args.length && ASSIGNMENT.test(options.args[index]!.value)) index++;
  if (index >= options.args.length) return [];
  const entry: Unwrapped = {
    kind: 'exec',
    label: options.label,
    argv: options.args.slice(index),
    stdin: true,
  };
  if (options.cwd) entry.cwd = options.cwd;
  return [entry];
}

function joinScript(options: { args: Field[]; label: string; stdin?: boolean }): Unwrapped[] {
  if (options.args.length === 0) return [];
  return [
    {
      kind: 'script',
      label: options.label,
      script: valuesOf(options.args).join(' '),
      dynamic: options.args.some((field) => field.dynamic),
      stdin: options.stdin ?? true,
    },
  ];
}

/** Splits `env -S` strings the way env does: whitespace, with single and double quotes. */
function splitWords(text: string): string[] {
  const words: string[] = [];
  const pattern = /"((?:\\.|[^"\\])*)"|'([^']*)'|((?:\\.|[^\s'"\\])+)|(\s+)/g;
  let current: string | undefined;
  for (const match of text.matchAll(pattern)) {
    if (match[4] !== undefined) {
      if (current !== undefined) words.push(current);
      current = undefined;
      continue;
    }
    const piece =
      match[1] !== undefined
        ? match[1].replace(/\\(.)/g, '$1')
        : (match[2] ?? match[3]!.replace(/\\(.)/g, '$1'));
    current = (current ?? '') + piece;
  }
  if (current !== undefined) words.push(current);
  return words;
}

function shellInvocation(program: string, args: Field[]): Unwrapped[] {
  const values = valuesOf(args);
  let index = 0;
  let command = false;
  let readStdin = false;
  while (index < values.length) {
    const arg = values[index]!;
    if (arg === '--' || arg === '-') {
      index += arg === '--' ? 1 : 0;
      break;
    }
    if (/^[-+][oO]$/.test(arg)) {
      index += 2;
      continue;
    }
    if (arg === '--rcfile' || arg === '--init-file') {
      index += 2;
      continue;
    }
    if (arg.startsWith('--')) {
      index++;
      continue;
    }
    if (/^[-+][A-Za-z]+$/.test(arg)) {
      if (arg.startsWith('-') && arg.includes('c')) command = true;
      if (arg.startsWith('-') && arg.includes('s')) readStdin = true;
      index++;
      continue;
    }
    break;
  }
  const operands = args.slice(index);
  if (command) {
    const script = operands[0];
    if (!script) return [];
    return [
      {
        kind: 'script',
        label: `${program} -c`,
        script: script.value,
        dynamic: script.dynamic,
        // `$0` is the first operand after the script, `$1...` the rest.
        positional: valuesOf(operands.slice(1)),
        stdin: true,
      },
    ];
  }
  const file = operands[0]?.value;
  if (readStdin || file === undefined || file === '-' || file === '/dev/stdin') {
    return [
      {
        kind: 'stdin_script',
        label: `${program} (stdin)`,
        positional: [program, ...valuesOf(operands.slice(readStdin ? 0 : 1))],
      },
    ];
  }
  return [{ kind: 'file_script', label: program, path: file, positional: valuesOf(operands) }];
}

function xargs(args: Field[], stdinItems: string[] | undefined): Unwrapped[] {
  const scanned = scanOptions({
    args: valuesOf(args),
    spec: {
      valued: 'adEILnPsJRS',
      optionalAttached: 'iel',
      longValued: [
        'arg-file',
        'delimiter',
        'max-args',
        'max-procs',
        'max-chars',
        'process-slot-var',
        'eof',
        'max-lines',
      ],
    },
  });
  const command = args.slice(scanned.firstOperand);
  const inner = command.length > 0 ? command : [literal('echo')];
  // -I R, -J R (BSD), --replace[=R], -i[R]: an empty or missing R means `{}`.
  const given = ['I', 'J', 'replace', 'i'].map((name) => scanned.values.get(name)).find((value) => value);
  const placeholder =
    given ?? (['i', 'I', 'replace', 'J'].some((name) => scanned.flags.includes(name)) ? '{}' : undefined);
  // Input read from a file (`-a file`) or an unknown pipe is only known at run time: with a
  // placeholder it lands inside the words (`sh -c 'echo {}'` runs whatever the input says).
  if (!stdinItems || scanned.values.has('a') || scanned.values.has('arg-file')) {
    const argv =
      placeholder === undefined
        ? inner
        : inner.map((field) => (field.value.includes(placeholder) ? { ...field, dynamic: true } : field));
    return [{ kind: 'exec', label: 'xargs', argv, stdin: false, appendsInput: true }];
  }
  if (placeholder !== undefined) {
    return stdinItems.slice(0, MAX_ITEMS).map((item) => ({
      kind: 'exec' as const,
      label: 'xargs',
      argv: inner.map((field) => ({ ...field, value: field.value.split(placeholder).join(item) })),
      stdin: false,
    }));
  }
  return [
    { kind: 'exec', label: 'xargs', argv: [...inner, ...stdinItems.slice(0, 64).map(literal)], stdin: false },
  ];
}

/**
 * GNU parallel: the command template before `:::`, its inputs after it (or from stdin, one per
 * line). `{}` in a word is replaced by the input; without `{}` the input is appended; with no
 * command at all each input line is itself a command line.
 */
function parallel(args: Field[], stdinText: string | undefined): Unwrapped[] {
  const values = valuesOf(args);
  const separator = values.findIndex((value) => value === ':::' || value === '::::' || value === ':::+');
  const head = separator < 0 ? args : args.slice(0, separator);
  const inputs =
    separator < 0
      ? stdinText?.split('\n').filter(Boolean)
      : values.slice(separator + 1).filter((value) => !value.startsWith(':::'));
  const scanned = scanOptions({
    args: valuesOf(head),
    spec: {
      valued: 'jNIaSdEsPmnL',
      longValued: [
        'jobs',
        'arg-file',
        'sshlogin',
        'delimiter',
        'joblog',
        'results',
        'timeout',
        'tmpdir',
        'workdir',
      ],
    },
  });
  const template = head.slice(scanned.firstOperand);
  if (template.length === 0) {
    return (inputs ?? []).slice(0, MAX_ITEMS).map((line) => ({
      kind: 'script' as const,
      label: 'parallel',
      script: line,
      dynamic: false,
      stdin: false,
    }));
  }
  const placed = template.some((field) => field.value.includes('{}'));
  if (!inputs) {
    const argv = template.map((field) => (field.value.includes('{}') ? { ...field, dynamic: true } : field));
    return [{ kind: 'exec', label: 'parallel', argv, stdin: false, appendsInput: !placed }];
  }
  return inputs.slice(0, MAX_ITEMS).map((item) => ({
    kind: 'exec' as const,
    label: 'parallel',
    argv: placed
      ? template.map((field) => ({ ...field, value: field.value.split('{}').join(item) }))
      : [...template, literal(item)],
    stdin: false,
  }));
}

/** `find` runs `-exec`/`-execdir`/`-ok`/`-okdir` commands on what it finds under its starting points. */
function find(args: Field[]): Unwrapped[] {
  const values = valuesOf(args);
  let index = 0;
  while (index < values.length && /^-(H|L|P|D|O\d*)$/.test(values[index]!))
    index += values[index] === '-D' ? 2 : 1;
  const starts: string[] = [];
  while (index < values.length && !/^[-(!,]/.test(values[index]!)) starts.push(values[index++]!);
  if (starts.length === 0) starts.push('.');
  const filtered = values
    .slice(index)
    .some((value) =>
      /^-(i?name|i?path|i?regex|type|newer|mtime|mmin|size|user|perm|empty|wholename)$/.test(value),
    );
  const results: Unwrapped[] = [];
  for (let position = index; position < values.length; position++) {
    const action = values[position]!;
    if (action !== '-exec' && action !== '-execdir' && action !== '-ok' && action !== '-okdir') continue;
    const end = values.findIndex((value, at) => at > position && (value === ';' || value === '+'));
    const command = args.slice(position + 1, end < 0 ? undefined : end);
    position = end < 0 ? values.length : end;
    if (command.length === 0) continue;
    for (const start of starts.slice(0, MAX_ITEMS)) {
      // `{}` is each path found: at worst the starting point itself and everything under it.
      const found = filtered ? `${start.replace(/\/+$/, '')}/**` : start;
      results.push({
        kind: 'exec',
        label: `find ${action}`,
        argv: command.map((field) => ({
          ...field,
          value: field.value.split('{}').join(found),
          glob: field.glob || (filtered && field.value.includes('{}')),
        })),
        stdin: false,
      });
    }
  }
  return results;
}

const DOCKER_RUN_VALUED = [
  'add-host',
  'annotation',
  'attach',
  'blkio-weight',
  'blkio-weight-device',
  'cap-add',
  'cap-drop',
  'cgroup-parent',
  'cgroupns',
  'cidfile',
  'cpu-period',
  'cpu-quota',
  'cpu-rt-period',
  'cpu-rt-runtime',
  'cpu-shares',
  'cpus',
  'cpuset-cpus',
  'cpuset-mems',
  'device',
  'device-cgroup-rule',
  'device-read-bps',
  'device-read-iops',
  'device-write-bps',
  'device-write-iops',
  'dns',
  'dns-option',
  'dns-search',
  'domainname',
  'entrypoint',
  'env',
  'env-file',
  'expose',
  'gpus',
  'group-add',
  'health-cmd',
  'health-interval',
  'health-retries',
  'health-start-period',
  'health-timeout',
  'hostname',
  'ip',
  'ip6',
  'ipc',
  'isolation',
  'kernel-memory',
  'label',
  'label-file',
  'link',
  'link-local-ip',
  'log-driver',
  'log-opt',
  'mac-address',
  'memory',
  'memory-reservation',
  'memory-swap',
  'memory-swappiness',
  'mount',
  'name',
  'network',
  'network-alias',
  'oom-score-adj',
  'pid',
  'pids-limit',
  'platform',
  'publish',
  'pull',
  'restart',
  'runtime',
  'security-opt',
  'shm-size',
  'stop-signal',
  'stop-timeout',
  'storage-opt',
  'sysctl',
  'tmpfs',
  'ulimit',
  'user',
  'userns',
  'uts',
  'volume',
  'volume-driver',
  'volumes-from',
  'workdir',
  'detach-keys',
  'net',
  'net-alias',
];

/** `docker [global options] run|exec|...`: the command that runs inside the container. */
function containerCommand(program: string, args: Field[]): Unwrapped[] {
  const values = valuesOf(args);
  let index = 0;
  while (index < values.length && values[index]!.startsWith('-')) {
    const arg = values[index]!;
    index += /^(-H|-c|-l|--host|--context|--config|--log-level|--tlscacert|--tlscert|--tlskey)$/.test(arg)
      ? 2
      : 1;
  }
  let subcommand = values[index];
  let rest = args.slice(index + 1);
  if (subcommand === 'container' || subcommand === 'compose') {
    const nested = values[index + 1];
    if (subcommand === 'compose') {
      // docker compose [options] run|exec SERVICE CMD
      let at = index + 1;
      while (at < values.length && values[at]!.startsWith('-'))
        at += /^(-f|-p|--file|--project-name|--profile|--env-file|--project-directory)$/.test(values[at]!)
          ? 2
          : 1;
      subcommand = values[at] === 'run' || values[at] === 'exec' ? values[at] : undefined;
      rest = args.slice(at + 1);
    } else {
      subcommand = nested;
      rest = args.slice(index + 2);
    }
  }
  if (subcommand === 'run' || subcommand === 'create') {
    const found = execAfter({
      args: rest,
      spec: { valued: 'aceEhlmpuvw', longValued: DOCKER_RUN_VALUED },
      label: `${program} run`,
      skipOperands: 1,
    });
    return found.map((entry) => ({ ...entry, label: `${program} run`, stdin: false }) as Unwrapped);
  }
  if (subcommand === 'exec') {
    return execAfter({
      args: rest,
      spec: { valued: 'euw', longValued: ['env', 'env-file', 'user', 'workdir', 'detach-keys'] },
      label: `${program} exec`,
      skipOperands: 1,
    });
  }
  return [];
}

function kubectl(args: Field[]): Unwrapped[] {
  const values = valuesOf(args);
  if (!values.includes('exec') && !values.includes('debug') && !values.includes('run')) return [];
  const separator = values.indexOf('--');
  if (separator < 0 || separator === values.length - 1) return [];
  return [{ kind: 'exec', label: 'kubectl exec', argv: args.slice(separator + 1), stdin: true }];
}

function tmux(args: Field[]): Unwrapped[] {
  const values = valuesOf(args);
  const verb = values.find((value) => !value.startsWith('-'));
  if (!verb) return [];
  const after = args.slice(values.indexOf(verb) + 1);
  if (verb === 'send-keys' || verb === 'send') {
    const scanned = scanOptions({ args: valuesOf(after), spec: { valued: 'tNc' } });
    const keys = after
      .slice(scanned.firstOperand)
      .filter((field) => !/^(Enter|C-m|KPEnter|C-j)$/.test(field.value));
    return joinScript({ args: keys, label: 'tmux send-keys', stdin: false });
  }
  if (
    /^(new-session|new|new-window|neww|split-window|splitw|respawn-pane|respawn-window|run-shell|run)$/.test(
      verb,
    )
  ) {
    const scanned = scanOptions({ args: valuesOf(after), spec: { valued: 'cefFlnstxy' } });
    return joinScript({ args: after.slice(scanned.firstOperand), label: `tmux ${verb}`, stdin: false });
  }
  return [];
}

function su(program: string, args: Field[]): Unwrapped[] {
  const scanned = scanOptions({
    args: valuesOf(args),
    spec: {
      valued: 'cgGswu',
      longValued: [
        'command',
        'group',
        'supp-group',
        'shell',
        'whitelist-environment',
        'session-command',
        'user',
      ],
      permute: true,
    },
  });
  const command =
    scanned.values.get('c') ?? scanned.values.get('command') ?? scanned.values.get('session-command');
  if (command !== undefined)
    return [
      {
        kind: 'script',
        label: `${program} -c`,
        script: command,
        dynamic: args.some((field) => field.dynamic),
        stdin: true,
      },
    ];
  if (program === 'runuser' && (scanned.values.has('u') || scanned.values.has('user'))) {
    const index = valuesOf(args).indexOf('--');
    const argv = index >= 0 ? args.slice(index + 1) : args.slice(args.length - scanned.operands.length);
    return argv.length > 0 ? [{ kind: 'exec', label: 'runuser', argv, stdin: true }] : [];
  }
  return [];
}

/** yarn's and pnpm's own commands; any other first word names a script or a bin of the project. */
const PACKAGE_MANAGER_COMMANDS = new Set([
  'add',
  'audit',
  'autoclean',
  'bin',
  'cache',
  'check',
  'config',
  'create',
  'dedupe',
  'deploy',
  'dlx',
  'doctor',
  'env',
  'exec',
  'explain',
  'fetch',
  'generate-lock-entry',
  'global',
  'help',
  'i',
  'import',
  'info',
  'init',
  'install',
  'install-test',
  'licenses',
  'link',
  'list',
  'ln',
  'login',
  'logout',
  'ls',
  'node',
  'npm',
  'outdated',
  'owner',
  'pack',
  'patch',
  'patch-commit',
  'plugin',
  'policies',
  'prune',
  'publish',
  'rebuild',
  'remove',
  'rm',
  'root',
  'run',
  'server',
  'set',
  'setup',
  'store',
  'tag',
  'team',
  'test',
  't',
  'uninstall',
  'unlink',
  'unplug',
  'up',
  'update',
  'upgrade',
  'upgrade-interactive',
  'version',
  'versions',
  'why',
  'workspace',
  'workspaces',
  'self-update',
  'stage',
  'constraints',
  'dlx',
  'search',
  'start',
  'restart',
  'stop',
  'view',
  'import',
]);
/** Script names everyone has in package.json: `yarn build` runs the script, not a program. */
const COMMON_SCRIPTS =
  /^(build|dev|lint|format|fmt|typecheck|type-check|serve|watch|clean|preview|e2e|ci|prepare|coverage|storybook|release|generate|codegen|docs|bench|check-types)(:.*)?$/;

/**
 * `yarn typeorm schema:drop`, `pnpm drizzle-kit push --force`: a first word that is not the package
 * manager's own command runs the project's script of that name, or else its bin; read as the bin
 * so its module judges it (a script of that name runs whatever package.json says, unknown here).
 */
function packageBin(label: string, args: Field[]): Unwrapped[] {
  const first = args[0]?.value;
  if (first === undefined || first.startsWith('-') || first.includes('/') || args[0]!.dynamic) return [];
  if (PACKAGE_MANAGER_COMMANDS.has(first) || COMMON_SCRIPTS.test(first)) return [];
  return [{ kind: 'exec', label: `${label} ${first}`, argv: args, stdin: true }];
}

type WrapperHandler = (args: Field[], options: UnwrapOptions) => Unwrapped[];

const WRAPPERS: Record<string, WrapperHandler> = {
  sudo: (args) => {
    const scanned = scanOptions({
      args: valuesOf(args),
      spec: {
        valued: 'ugCDhprtTUR',
        longValued: [
          'user',
          'group',
          'close-from',
          'chdir',
          'host',
          'prompt',
          'role',
          'type',
          'command-timeout',
          'other-user',
          'chroot',
        ],
      },
    });
    if (scanned.flags.some((flag) => flag === 'e' || flag === 'edit')) return [];
    const cwd = scanned.values.get('D') ?? scanned.values.get('chdir');
    return execAfter({
      args,
      spec: {
        valued: 'ugCDhprtTUR',
        longValued: [
          'user',
          'group',
          'close-from',
          'chdir',
          'host',
          'prompt',
          'role',
          'type',
          'command-timeout',
          'other-user',
          'chroot',
        ],
      },
      label: 'sudo',
      skipAssignments: true,
      ...(cwd ? { cwd } : {}),
    });
  },
  doas: (args) => execAfter({ args, spec: { valued: 'uC' }, label: 'doas', skipAssignments: true }),
  pkexec: (args) => execAfter({ args, spec: { longValued: ['user'] }, label: 'pkexec' }),
  run0: (args) =>
    execAfter({
      args,
      spec: {
        valued: 'ugD',
        longValued: ['user', 'group', 'chdir', 'setenv', 'property', 'unit', 'description', 'slice', 'nice'],
      },
      label: 'run0',
    }),
  env: (args) => {
    const values = valuesOf(args);
    const scanned = scanOptions({
      args: values,
      spec: { valued: 'uCSP', longValued: ['unset', 'chdir', 'split-string'] },
    });
    const split = scanned.values.get('S') ?? scanned.values.get('split-string');
    let index = scanned.firstOperand;
    if (values[index] === '-') index++;
    while (index < args.length && ASSIGNMENT.test(values[index]!)) index++;
    const rest = args.slice(index);
    let argv = split !== undefined ? [...splitWords(split).map(literal), ...rest] : rest;
    // `env -S 'A=1 cmd'`: the split string can start with assignments too.
    while (argv.length > 0 && ASSIGNMENT.test(argv[0]!.value)) argv = argv.slice(1);
    if (argv.length === 0) return [];
    const cwd = scanned.values.get('C') ?? scanned.values.get('chdir');
    const entry: Unwrapped = {
      kind: 'exec',
      label: split !== undefined ? 'env -S' : 'env',
      argv,
      stdin: true,
    };
    if (cwd) entry.cwd = cwd;
    return [entry];
  },
  nice: (args) =>
    execAfter({ args, spec: { valued: 'n', longValued: ['adjustment'], numeric: true }, label: 'nice' }),
  nohup: (args) => execAfter({ args, spec: {}, label: 'nohup' }),
  timeout: (args) =>
    execAfter({
      args,
      spec: { valued: 'ks', longValued: ['kill-after', 'signal'] },
      label: 'timeout',
      skipOperands: 1,
    }),
  gtimeout: (args) =>
    execAfter({
      args,
      spec: { valued: 'ks', longValued: ['kill-after', 'signal'] },
      label: 'timeout',
      skipOperands: 1,
    }),
  time: (args) =>
    execAfter({ args, spec: { valued: 'fo', longValued: ['format', 'output'] }, label: 'time' }),
  stdbuf: (args) =>
    execAfter({ args, spec: { valued: 'ioe', longValued: ['input', 'output', 'error'] }, label: 'stdbuf' }),
  ionice: (args) =>
    execAfter({
      args,
      spec: { valued: 'cnpPu', longValued: ['class', 'classdata', 'pid', 'pgid', 'uid'] },
      label: 'ionice',
    }),
  chrt: (args) => execAfter({ args, spec: { valued: 'TPD' }, label: 'chrt', skipOperands: 1 }),
  taskset: (args) => execAfter({ args, spec: {}, label: 'taskset', skipOperands: 1 }),
  setsid: (args) => execAfter({ args, spec: {}, label: 'setsid' }),
  unbuffer: (args) => execAfter({ args, spec: {}, label: 'unbuffer' }),
  caffeinate: (args) => execAfter({ args, spec: { valued: 'tw' }, label: 'caffeinate' }),
  chronic: (args) => execAfter({ args, spec: {}, label: 'chronic' }),
  nocache: (args) => execAfter({ args, spec: {}, label: 'nocache' }),
  catchsegv: (args) => execAfter({ args, spec: {}, label: 'catchsegv' }),
  'dbus-run-session': (args) =>
    execAfter({ args, spec: { longValued: ['config-file', 'dbus-daemon'] }, label: 'dbus-run-session' }),
  torsocks: (args) => execAfter({ args, spec: { valued: 'uapP' }, label: 'torsocks' }),
  proxychains: (args) => execAfter({ args, spec: { valued: 'f' }, label: 'proxychains' }),
  proxychains4: (args) => execAfter({ args, spec: { valued: 'f' }, label: 'proxychains' }),
  sshpass: (args) => execAfter({ args, spec: { valued: 'pfdeP' }, label: 'sshpass' }),
  chroot: (args) =>
    execAfter({ args, spec: { longValued: ['userspec', 'groups'] }, label: 'chroot', skipOperands: 1 }),
  strace: (args) => execAfter({ args, spec: { valued: 'abeEIopPsSuXO' }, label: 'strace' }),
  ltrace: (args) => execAfter({ args, spec: { valued: 'aAeEnopsSuxXlLDF' }, label: 'ltrace' }),
  valgrind: (args) => execAfter({ args, spec: {}, label: 'valgrind' }),
  'systemd-run': (args) =>
    execAfter({
      args,
      spec: {
        valued: 'pEMHu',
        longValued: [
          'unit',
          'property',
          'description',
          'slice',
          'uid',
          'gid',
          'working-directory',
          'setenv',
          'machine',
          'host',
          'on-active',
          'on-calendar',
          'nice',
        ],
      },
      label: 'systemd-run',
    }),
  flock: (args) => {
    // `flock file -c cmd`: -c may follow the lock file.
    const scanned = scanOptions({
      args: valuesOf(args),
      spec: { valued: 'wEc', longValued: ['timeout', 'conflict-exit-code', 'command'], permute: true },
    });
    const command = scanned.values.get('c') ?? scanned.values.get('command');
    if (command !== undefined)
      return [
        {
          kind: 'script',
          label: 'flock -c',
          script: command,
          dynamic: args.some((field) => field.dynamic),
          stdin: true,
        },
      ];
    return execAfter({
      args,
      spec: { valued: 'wE', longValued: ['timeout', 'conflict-exit-code'] },
      label: 'flock',
      skipOperands: 1,
    });
  },
  watch: (args) => {
    const scanned = scanOptions({
      args: valuesOf(args),
      spec: { valued: 'nq', longValued: ['interval', 'equexit'] },
    });
    const rest = args.slice(scanned.firstOperand);
    if (scanned.flags.includes('x') || scanned.flags.includes('exec'))
      return rest.length > 0 ? [{ kind: 'exec', label: 'watch', argv: rest, stdin: false }] : [];
    return joinScript({ args: rest, label: 'watch', stdin: false });
  },
  command: (args) => {
    const scanned = scanOptions({ args: valuesOf(args), spec: {} });
    // `command -v rm` only looks the name up.
    if (scanned.flags.includes('v') || scanned.flags.includes('V')) return [];
    return execAfter({ args, spec: {}, label: 'command' });
  },
  builtin: (args) => (args.length > 0 ? [{ kind: 'exec', label: 'builtin', argv: args, stdin: true }] : []),
  exec: (args) => execAfter({ args, spec: { valued: 'a' }, label: 'exec' }),
  busybox: (args) =>
    args.length > 0 && !args[0]!.value.startsWith('-')
      ? [{ kind: 'exec', label: 'busybox', argv: args, stdin: true }]
      : [],
  toybox: (args) =>
    args.length > 0 && !args[0]!.value.startsWith('-')
      ? [{ kind: 'exec', label: 'toybox', argv: args, stdin: true }]
      : [],
  xargs: (args, options) => xargs(args, options.stdinItems),
  parallel: (args, options) => parallel(args, options.stdinText),
  find: (args) => find(args),
  gfind: (args) => find(args),
  eval: (args) => joinScript({ args, label: 'eval' }),
  source: (args) =>
    args.length > 0
      ? [{ kind: 'file_script', label: 'source', path: args[0]!.value, positional: valuesOf(args) }]
      : [],
  '.': (args) =>
    args.length > 0
      ? [{ kind: 'file_script', label: 'source', path: args[0]!.value, positional: valuesOf(args) }]
      : [],
  ssh: (args) => {
    const scanned = scanOptions({ args: valuesOf(args), spec: { valued: 'bcDEeFIiJLlmOopQRSWwB' } });
    const host = args[scanned.firstOperand];
    if (!host) return [];
    return joinScript({ args: args.slice(scanned.firstOperand + 1), label: `ssh ${host.value}` });
  },
  su: (args) => su('su', args),
  runuser: (args) => su('runuser', args),
  sg: (args) => {
    // `sg -c CMD group` and `sg group -c CMD` both run CMD.
    const at = args.findIndex((field) => field.value === '-c');
    if (at >= 0 && args[at + 1] !== undefined)
      return [
        {
          kind: 'script',
          label: 'sg -c',
          script: args[at + 1]!.value,
          dynamic: args[at + 1]!.dynamic,
          stdin: true,
        },
      ];
    const scanned = scanOptions({ args: valuesOf(args), spec: { valued: 'c' } });
    const command = scanned.values.get('c');
    if (command !== undefined)
      return [{ kind: 'script', label: 'sg -c', script: command, dynamic: false, stdin: true }];
    return joinScript({ args: args.slice(scanned.firstOperand + 1), label: 'sg' });
  },
  script: (args) => {
    const scanned = scanOptions({
      args: valuesOf(args),
      spec: {
        valued: 'cEIOTBm',
        longValued: ['command', 'echo', 'log-in', 'log-out', 'log-timing', 'logging-format'],
      },
    });
    const command = scanned.values.get('c') ?? scanned.values.get('command');
    return command !== undefined
      ? [{ kind: 'script', label: 'script -c', script: command, dynamic: false, stdin: true }]
      : [];
  },
  docker: (args) => containerCommand('docker', args),
  podman: (args) => containerCommand('podman', args),
  nerdctl: (args) => containerCommand('nerdctl', args),
  kubectl: (args) => kubectl(args),
  oc: (args) => kubectl(args),
  tmux: (args) => tmux(args),
  screen: (args) => execAfter({ args, spec: { valued: 'SpcelhT' }, label: 'screen' }),
  'nix-shell': (args) => {
    const values = valuesOf(args);
    const at = values.findIndex((value) => value === '--run' || value === '--command');
    return at >= 0 && values[at + 1] !== undefined
      ? [
          {
            kind: 'script',
            label: 'nix-shell --run',
            script: values[at + 1]!,
            dynamic: args[at + 1]!.dynamic,
            stdin: true,
          },
        ]
      : [];
  },
  uv: (args) =>
    args[0]?.value === 'run'
      ? execAfter({
          args: args.slice(1),
          spec: {
            longValued: ['with', 'python', 'project', 'directory', 'env-file', 'package', 'extra', 'group'],
          },
          label: 'uv run',
        })
      : [],
  poetry: (args) =>
    args[0]?.value === 'run' ? execAfter({ args: args.slice(1), spec: {}, label: 'poetry run' }) : [],
  pipenv: (args) =>
    args[0]?.value === 'run' ? execAfter({ args: args.slice(1), spec: {}, label: 'pipenv run' }) : [],
  bundle: (args) =>
    args[0]?.value === 'exec' ? execAfter({ args: args.slice(1), spec: {}, label: 'bundle exec' }) : [],
  pnpm: (args) =>
    args[0]?.value === 'exec' || args[0]?.value === 'dlx'
      ? execAfter({ args: args.slice(1), spec: {}, label: `pnpm ${args[0].value}` })
      : packageBin('pnpm', args),
  npx: (args) => packageRunner('npx', args),
  bunx: (args) => packageRunner('bunx', args),
  npm: (args) =>
    args[0]?.value === 'exec' || args[0]?.value === 'x' ? packageRunner('npm exec', args.slice(1)) : [],
  yarn: (args) =>
    args[0]?.value === 'dlx' || args[0]?.value === 'exec'
      ? execAfter({
          args: args.slice(1),
          spec: { valued: 'p', longValued: ['package'] },
          label: `yarn ${args[0].value}`,
        })
      : packageBin('yarn', args),
  op: (args) => (args[0]?.value === 'run' ? afterDoubleDash(args, 'op run') : []),
  doppler: (args) => (args[0]?.value === 'run' ? afterDoubleDash(args, 'doppler run') : []),
  dotenv: (args) => afterDoubleDash(args, 'dotenv'),
  mise: (args) =>
    args[0]?.value === 'exec' || args[0]?.value === 'x' ? afterDoubleDash(args, 'mise exec') : [],
  direnv: (args) =>
    args[0]?.value === 'exec' && args.length > 2
      ? [{ kind: 'exec', label: 'direnv exec', argv: args.slice(2), stdin: true }]
      : [],
  entr: (args) => execAfter({ args, spec: {}, label: 'entr' }),
  watchexec: (args) => afterDoubleDash(args, 'watchexec'),
  // zsh precommand modifiers.
  noglob: (args) => (args.length > 0 ? [{ kind: 'exec', label: 'noglob', argv: args, stdin: true }] : []),
  nocorrect: (args) =>
    args.length > 0 ? [{ kind: 'exec', label: 'nocorrect', argv: args, stdin: true }] : [],
  // at and batch read the job from stdin, or from -f FILE.
  at: (args) => deferredJob('at', args),
  batch: (args) => deferredJob('batch', args),
  // A benchmark runner runs each operand (and --prepare/--cleanup) as a shell command.
  hyperfine: (args) => {
    const values = valuesOf(args);
    const scripts: Unwrapped[] = [];
    const valued = new Set([
      '-w',
      '--warmup',
      '-m',
      '--min-runs',
      '-M',
      '--max-runs',
      '-r',
      '--runs',
      '-S',
      '--shell',
      '-u',
      '--time-unit',
      '--export-json',
      '--export-markdown',
      '--export-csv',
      '-n',
      '--command-name',
      '-L',
      '--parameter-list',
      '-P',
      '--parameter-scan',
      '-D',
      '--parameter-step-size',
      '--style',
      '--sort',
      '-o',
      '--output',
      '-i',
      '--input',
    ]);
    for (let index = 0; index < values.length; index++) {
      const value = values[index]!;
      if (
        value === '-p' ||
        value === '--prepare' ||
        value === '-c' ||
        value === '--cleanup' ||
        value === '--setup' ||
        value === '-s'
      ) {
        const script = args[index + 1];
        if (script)
          scripts.push({
            kind: 'script',
            label: 'hyperfine',
            script: script.value,
            dynamic: script.dynamic,
            stdin: false,
          });
        index++;
      } else if (valued.has(value)) index++;
      else if (!value.startsWith('-'))
        scripts.push({
          kind: 'script',
          label: 'hyperfine',
          script: value,
          dynamic: args[index]!.dynamic,
          stdin: false,
        });
    }
    return scripts;
  },
  // File watchers and task runners that run a command line given as an option.
  nodemon: (args) => optionScript('nodemon', args, ['-x', '--exec']),
  make: (args, options) => makeRecipes(args, options.stdinText),
  gmake: (args, options) => makeRecipes(args, options.stdinText),
  // Debuggers run `shell CMD` / `!CMD` given with -ex (gdb) or -o (lldb).
  gdb: (args) => debuggerShell('gdb', args),
  lldb: (args) => debuggerShell('lldb', args),
};

function optionScript(label: string, args: Field[], names: readonly string[]): Unwrapped[] {
  const scripts: Unwrapped[] = [];
  for (let index = 0; index < args.length; index++) {
    const value = args[index]!.value;
    const name = names.find((candidate) => value === candidate || value.startsWith(`${candidate}=`));
    if (!name) continue;
    const field = value === name ? args[index + 1] : { ...args[index]!, value: value.slice(name.length + 1) };
    if (field)
      scripts.push({ kind: 'script', label, script: field.value, dynamic: field.dynamic, stdin: false });
  }
  return scripts;
}

/**
 * Recipes given on make's command line (`--eval='all:; rm -rf ~'`) or fed on stdin
 * (`make -f - <<< 'all:; cmd'`): their shell lines run. A makefile on disk is the project's own.
 */
function makeRecipes(args: Field[], stdinText: string | undefined): Unwrapped[] {
  const values = valuesOf(args);
  const texts: string[] = [];
  for (let index = 0; index < values.length; index++) {
    const value = values[index]!;
    if (value === '-E' || value === '--eval') texts.push(values[index + 1] ?? '');
    else if (value.startsWith('--eval=')) texts.push(value.slice('--eval='.length));
    else if (
      (value === '-f' || value === '--file' || value === '--makefile') &&
      /^(-|\/dev\/stdin)$/.test(values[index + 1] ?? '')
    )
      if (stdinText !== undefined) texts.push(stdinText);
  }
  const scripts: Unwrapped[] = [];
  for (const text of texts)
    for (const line of text.split('\n')) {
      const recipe = line.startsWith('\t') ? line.slice(1) : /^[^=#\t]*?:[^=;]*;(.*)$/.exec(line)?.[1];
      if (recipe?.trim())
        scripts.push({
          kind: 'script',
          label: 'make',
          script: recipe.replace(/^[@+-]+/, ''),
          dynamic: false,
          stdin: false,
        });
    }
  return scripts;
}

function deferredJob(label: string, args: Field[]): Unwrapped[] {
  const values = valuesOf(args);
  if (values.some((value) => /^-[a-zA-Z]*[lrdc]$/.test(value))) return [];
  const file = values.indexOf('-f');
  if (file >= 0 && values[file + 1] !== undefined)
    return [{ kind: 'file_script', label, path: values[file + 1]! }];
  return [{ kind: 'stdin_script', label }];
}

function debuggerShell(label: string, args: Field[]): Unwrapped[] {
  const scripts: Unwrapped[] = [];
  for (let index = 0; index < args.length - 1; index++) {
    if (!/^--?(ex|eval-command|o|one-line)$/.test(args[index]!.value)) continue;
    const command = args[index + 1]!;
    const shell = /^\s*(?:shell\s+|!|platform\s+shell\s+)([\s\S]+)$/.exec(command.value)?.[1];
    if (shell) scripts.push({ kind: 'script', label, script: shell, dynamic: command.dynamic, stdin: false });
  }
  return scripts;
}

/** npx and friends run a package's binary (or, with `-c`, a shell command line). */
function packageRunner(label: string, args: Field[]): Unwrapped[] {
  const scanned = scanOptions({
    args: valuesOf(args),
    spec: {
      valued: 'pc',
      longValued: ['package', 'call', 'cache', 'registry', 'userconfig', 'workspace', 'prefix'],
    },
  });
  const call = scanned.values.get('c') ?? scanned.values.get('call');
  if (call !== undefined)
    return [
      {
        kind: 'script',
        label: `${label} -c`,
        script: call,
        dynamic: args.some((field) => field.dynamic),
        stdin: true,
      },
    ];
  return execAfter({
    args,
    spec: { valued: 'p', longValued: ['package', 'cache', 'registry', 'userconfig', 'workspace', 'prefix'] },
    label,
  });
}

function afterDoubleDash(args: Field[], label: string): Unwrapped[] {
  const index = valuesOf(args).indexOf('--');
  return index >= 0 && index < args.length - 1
    ? [{ kind: 'exec', label, argv: args.slice(index + 1), stdin: true }]
    : [];
}

/**
 * The commands a wrapper would start, or undefined when the program is not a wrapper. An empty
 * list means a wrapper with nothing to run (`sudo -v`, `command -v rm`, `bash -c` without a script).
 */
export function unwrapCommand(options: UnwrapOptions): Unwrapped[] | undefined {
  if (SHELLS.has(options.program)) return shellInvocation(options.program, options.args);
  const handler = Object.hasOwn(WRAPPERS, options.program) ? WRAPPERS[options.program] : undefined;
  if (handler) return handler(options.args, options);
  // Programs that run commands of their own (git's hooks-like settings, rebase --exec) say so in
  // their module.
  return programModule(options.program)?.nested?.(options.args);
}
