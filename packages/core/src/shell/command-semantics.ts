import type { Finding } from '../finding.js';
import { type OptionSpec, type ScannedOptions, scanOptions } from './parse-options.js';
import { SHELLS } from './program-sets.js';
import { programModule } from './programs/registry.js';
import type { TargetAccess } from './types.js';

/** A file a command names, before resolution. `argument` is its index in args when it is one. */
export interface RawTarget {
  path: string;
  access: TargetAccess;
  argument?: number;
}

/** What one command does, from its program and arguments alone. */
export interface CommandDescription {
  flags: string[];
  subcommand?: string;
  targets: RawTarget[];
  findings: Finding[];
}

interface Context {
  program: string;
  args: string[];
  description: CommandDescription;
}

/** Operand values and their argument indexes (operands can repeat, so indexes are tracked). */
function operandIndexes(args: readonly string[], scanned: ScannedOptions): number[] {
  const indexes: number[] = [];
  let searchFrom = 0;
  for (const operand of scanned.operands) {
    let index = args.indexOf(operand, searchFrom);
    if (index < 0) index = args.indexOf(operand);
    indexes.push(index);
    searchFrom = index + 1;
  }
  return indexes;
}

function addTargets(context: Context, indexes: readonly number[], access: TargetAccess): void {
  for (const index of indexes) {
    const path = context.args[index];
    if (path === undefined || path === '-' || path === '') continue;
    context.description.targets.push({ path, access, argument: index });
  }
}

function scan(context: Context, spec: OptionSpec): { scanned: ScannedOptions; operands: number[] } {
  const scanned = scanOptions({ args: context.args, spec: { permute: true, ...spec } });
  context.description.flags = scanned.flags;
  return { scanned, operands: operandIndexes(context.args, scanned) };
}

/** Programs whose operands are text, not files. */
const NO_FILE_OPERANDS = new Set([
  'echo',
  'printf',
  'true',
  'false',
  'test',
  '[',
  '[[',
  'exit',
  'return',
  'sleep',
  'seq',
  'date',
  'export',
  'set',
  'shift',
  'read',
  'cd',
  'pushd',
  'popd',
  'pwd',
  'which',
  'type',
  'whereis',
  'hash',
  'man',
  'help',
  'info',
  'wait',
  'jobs',
  'yes',
  'basename',
  'dirname',
  'expr',
  'let',
  'local',
  'declare',
  'typeset',
  'readonly',
  'alias',
  'unalias',
  'history',
  'trap',
  'umask',
  'ulimit',
  'getopts',
  'printenv',
  'id',
  'whoami',
  'uname',
  'hostname',
  'unset',
  'break',
  'continue',
  ':',
  'tput',
  'clear',
  'logger',
  'notify-send',
  'say',
  'bc',
  'dc',
  'factor',
  'numfmt',
  'env',
  'nproc',
  'uptime',
  'ps',
  'top',
  'htop',
  'free',
  'df',
  'lsof',
  'pgrep',
  'ping',
  'dig',
  'nslookup',
  'host',
  'whois',
  'traceroute',
  'sudo',
  'doas',
  'nohup',
  'nice',
  'timeout',
  'time',
  'xargs',
  'watch',
  'eval',
  'exec',
  'command',
  'builtin',
  'ssh',
  'kill',
  'pkill',
  'killall',
  'npx',
  'npm',
  'pnpm',
  'yarn',
  'bun',
  'cargo',
  'supabase',
  'go',
  'make',
  'just',
  'gradle',
  'mvn',
  'pip',
  'pip3',
  'uv',
  'poetry',
  'brew',
  'apt',
  'apt-get',
  'dnf',
  'yum',
  'pacman',
  'apk',
  'systemctl',
  'service',
  'launchctl',
  'crontab',
  'iptables',
  'ip6tables',
  'nft',
  'ufw',
  'kubectl',
  'helm',
  'terraform',
  'tofu',
  'terragrunt',
  'pulumi',
  'aws',
  'gcloud',
  'az',
  'gsutil',
  'doctl',
  'heroku',
  'fly',
  'flyctl',
  'vercel',
  'netlify',
  'firebase',
  'gh',
  'glab',
  'docker',
  'podman',
  'nerdctl',
  'tsc',
  'turbo',
  'vitest',
  'jest',
  'pytest',
  'eslint',
  'biome',
  'prettier',
  'tsx',
  'ts-node',
  'deno',
  'curl',
  'wget',
  'nc',
  'ncat',
  'netcat',
  'socat',
  'telnet',
  'rustc',
  'rustup',
  'node',
  'python',
  'python3',
  'ruby',
  'php',
  'lua',
  'java',
  'javac',
  'dotnet',
  'swift',
  'flutter',
  'dart',
  'code',
  'open',
  'xdg-open',
  'sh',
  'bash',
  'zsh',
  'dash',
  'ksh',
  'fish',
  'source',
  '.',
  'shopt',
  'complete',
  'bind',
  'fc',
  'disown',
  'bg',
  'fg',
  'suspend',
  'caller',
  'enable',
  'mapfile',
  'readarray',
  'wall',
  'mesg',
  'write',
  'stty',
  'sync',
  'arch',
  'chsh',
  'passwd',
  'realpath',
  'readlink',
  'mktemp',
  'tty',
  'locale',
  'cal',
  'ncal',
  'banner',
  'figlet',
  'cowsay',
]);

const READ_PROGRAMS: Record<string, OptionSpec> = {
  cat: {},
  tac: { valued: 's', longValued: ['separator'] },
  less: {
    valued: 'bhjkoOpPtTxyz#',
    longValued: ['log-file', 'LOG-FILE', 'pattern', 'prompt', 'tag', 'tag-file'],
  },
  more: { valued: 'n' },
  most: {},
  head: { valued: 'nc', longValued: ['lines', 'bytes'], numeric: true },
  tail: {
    valued: 'ncs',
    longValued: ['lines', 'bytes', 'sleep-interval', 'pid', 'max-unchanged-stats'],
    numeric: true,
  },
  nl: { valued: 'bdfhilnsvw' },
  od: { valued: 'AjNtw', longValued: ['address-radix', 'skip-bytes', 'read-bytes', 'format', 'width'] },
  hexdump: { valued: 'enfs' },
  hd: { valued: 'enfs' },
  strings: { valued: 'ntTe', longValued: ['bytes', 'radix', 'encoding', 'target', 'output-separator'] },
  base32: { valued: 'w', longValued: ['wrap'] },
  bat: {
    valued: 'lrHmp',
    longValued: [
      'language',
      'line-range',
      'highlight-line',
      'map-syntax',
      'theme',
      'style',
      'tabs',
      'wrap',
      'terminal-width',
      'color',
      'paging',
      'pager',
      'decorations',
    ],
  },
  batcat: {
    valued: 'lrHmp',
    longValued: [
      'language',
      'line-range',
      'highlight-line',
      'map-syntax',
      'theme',
      'style',
      'tabs',
      'wrap',
      'terminal-width',
      'color',
      'paging',
      'pager',
      'decorations',
    ],
  },
  view: {},
  cut: { valued: 'bcdf', longValued: ['bytes', 'characters', 'delimiter', 'fields', 'output-delimiter'] },
  paste: { valued: 'd', longValued: ['delimiters'] },
  uniq: { valued: 'fsw', longValued: ['skip-fields', 'skip-chars', 'check-chars', 'group', 'all-repeated'] },
  wc: { longValued: ['files0-from'] },
  md5sum: {},
  md5: {},
  sha1sum: {},
  sha224sum: {},
  sha256sum: {},
  sha384sum: {},
  sha512sum: {},
  shasum: { valued: 'a', longValued: ['algorithm'] },
  cksum: { valued: 'a', longValued: ['algorithm'] },
  b2sum: { valued: 'l' },
  diff: {
    valued: 'CUxXIFSWL',
    longValued: [
      'context',
      'unified',
      'exclude',
      'exclude-from',
      'ignore-matching-lines',
      'label',
      'starting-file',
      'width',
      'line-format',
      'from-file',
      'to-file',
      'color',
      'palette',
      'show-function-line',
    ],
  },
  cmp: { valued: 'iIn', longValued: ['ignore-initial', 'bytes'] },
  comm: { longValued: ['output-delimiter'] },
  column: { valued: 'cstoNdERHWxTlr' },
  fold: { valued: 'w', longValued: ['width'] },
  fmt: { valued: 'wgp', longValued: ['width', 'goal', 'prefix'] },
  pr: { valued: 'eDhiNnowW' },
  expand: { valued: 't', longValued: ['tabs'] },
  unexpand: { valued: 't', longValued: ['tabs'] },
  iconv: { valued: 'fto', longValued: ['from-code', 'to-code', 'output'] },
  xxd: { valued: 'cgloOs', longValued: ['cols', 'groupsize', 'len', 'offset', 'seek'] },
  tr: {},
  look: { valued: 't' },
  zcat: {},
  bzcat: {},
  xzcat: {},
  zless: {},
  zgrep: { valued: 'efmABC' },
  jless: {},
  fx: {},
  csvlook: {},
};

/** Go-style tools whose options are single-dash words (`terraform destroy -auto-approve`). */
const SINGLE_DASH_LONG = new Set([
  'terraform',
  'tofu',
  'terragrunt',
  'go',
  'java',
  'javac',
  'packer',
  'vault',
  'consul',
  'nomad',
]);
/** Programs that look at files' names and metadata, not their contents. */
const LISTING_PROGRAMS: Record<string, OptionSpec> = {
  ls: {
    valued: 'IwTB',
    longValued: [
      'ignore',
      'width',
      'tabsize',
      'hide',
      'format',
      'sort',
      'time',
      'time-style',
      'color',
      'block-size',
      'quoting-style',
      'indicator-style',
    ],
  },
  tree: { valued: 'LPIo', longValued: ['filelimit', 'charset', 'sort'] },
  du: {
    valued: 'dBt',
    longValued: ['max-depth', 'block-size', 'threshold', 'exclude', 'time-style', 'files0-from'],
  },
  stat: { valued: 'cf', longValued: ['format', 'printf'] },
  file: { valued: 'mfFeP', longValued: ['magic-file', 'files-from', 'separator', 'exclude', 'parameter'] },
  eza: { valued: 'LIT', longValued: ['level', 'ignore-glob', 'sort', 'time', 'color', 'time-style'] },
  exa: { valued: 'LIT', longValued: ['level', 'ignore-glob', 'sort', 'time', 'color', 'time-style'] },
  lsd: {
    valued: 'IT',
    longValued: ['depth', 'sort', 'color', 'icon', 'blocks', 'date', 'size', 'group-dirs'],
  },
};
const EDITORS = new Set([
  'vim',
  'vi',
  'nvim',
  'nano',
  'pico',
  'emacs',
  'emacsclient',
  'micro',
  'ed',
  'ex',
  'gedit',
  'kate',
  'subl',
  'mate',
  'joe',
  'jed',
  'helix',
  'hx',
  'kak',
]);
const FORMAT_PROGRAMS =
  /^(mkfs(\..+)?|mke2fs|mkswap|mkdosfs|mkntfs|newfs(_.+)?|wipefs|fdisk|sfdisk|gdisk|sgdisk|cfdisk|parted|blkdiscard|badblocks|cryptsetup|zpool|diskutil)$/;

/** Wrappers read their own options only up to the command they run. */
const WRAPPER_PROGRAMS = new Set([
  ...SHELLS,
  'sudo',
  'doas',
  'pkexec',
  'run0',
  'env',
  'nice',
  'nohup',
  'timeout',
  'gtimeout',
  'time',
  'stdbuf',
  'ionice',
  'chrt',
  'taskset',
  'setsid',
  'unbuffer',
  'caffeinate',
  'chronic',
  'nocache',
  'xargs',
  'parallel',
  'watch',
  'command',
  'builtin',
  'exec',
  'busybox',
  'toybox',
  'ssh',
  'su',
  'runuser',
  'sg',
  'flock',
  'chroot',
  'strace',
  'ltrace',
  'valgrind',
  'systemd-run',
  'sshpass',
  'torsocks',
  'proxychains',
  'proxychains4',
  'entr',
  'eval',
]);

function dedupeFindings(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((item) => {
    const key = `${item.id}\u0000${item.subject ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** What each program does with its arguments, by program name: only the entry a command needs is compiled. */
const DESCRIBERS = new Map<string, (context: Context) => void>();
function register(names: readonly string[], describer: (context: Context) => void): void {
  for (const name of names) DESCRIBERS.set(name, describer);
}
register([...EDITORS], (context) => {
  addTargets(context, scan(context, { valued: 'cSuUiwWTtqo' }).operands, 'write');
});

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/**
 * Flags, subcommand, file targets and findings of one command, from its program and arguments.
 * Programs without a specific entry get generic flag parsing and their operands as targets of
 * unknown access, so path rules (secrets, the guard's files) still see them.
 */
export function describeCommand(options: { program: string; args: string[] }): CommandDescription {
  const { program, args } = options;
  const description: CommandDescription = { flags: [], targets: [], findings: [] };
  const context: Context = { program, args, description };

  const describer = DESCRIBERS.get(program);
  const module = programModule(program);
  if (WRAPPER_PROGRAMS.has(program)) context.description.flags = scanOptions({ args, spec: {} }).flags;
  else if (describer) describer(context);
  else if (FORMAT_PROGRAMS.test(program)) {
    addTargets(
      context,
      scan(context, { valued: 'tLbcCEFgGiIjJlmMNoOrsSTU', longValued: ['type', 'label'] }).operands,
      'write',
    );
  } else if (LISTING_PROGRAMS[program]) {
    addTargets(context, scan(context, LISTING_PROGRAMS[program]!).operands, 'list');
  } else if (READ_PROGRAMS[program]) {
    addTargets(context, scan(context, READ_PROGRAMS[program]!).operands, 'read');
  } else if (NO_FILE_OPERANDS.has(program)) {
    context.description.flags = scanOptions({
      args,
      spec: { permute: true, singleDashLong: SINGLE_DASH_LONG.has(program) },
    }).flags;
  } else if (!module?.ownsArguments) {
    const { operands } = scan(context, {});
    // `--config=~/.aws/credentials`: an option's value that is a path is a file of unknown access too.
    for (const arg of args) {
      const value = /^--?[A-Za-z][\w-]*=([/~$].*)$/.exec(arg)?.[1];
      if (value && !value.includes('://')) context.description.targets.push({ path: value, access: 'other' });
    }
    for (const index of operands) {
      const arg = args[index]!;
      if (arg.includes('://')) continue;
      const assignment = /^[A-Za-z_][A-Za-z0-9_.-]*=([/~.$].*)$/.exec(arg);
      if (assignment) context.description.targets.push({ path: assignment[1]!, access: 'other' });
      else if (!arg.includes('='))
        context.description.targets.push({ path: arg, access: 'other', argument: index });
    }
  }

  module?.describe(context);
  // `file://` operands name local files whatever the program (`curl file:///etc/shadow`).
  for (let index = 0; index < args.length; index++) {
    const arg = args[index]!;
    if (arg.indexOf('file://') < 0) continue;
    const local = /^(?:--?[\w-]+=)?file:\/\/(?:localhost)?(\/[^?#]*|~[^?#]*)$/.exec(arg)?.[1];
    if (local) description.targets.push({ path: safeDecode(local), access: 'read' });
  }
  if (description.findings.length > 1) description.findings = dedupeFindings(description.findings);
  return description;
}
