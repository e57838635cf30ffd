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

function finding(context: Context, id: string, message: string, subject?: string): void {
  const text = subject ?? [context.program, ...context.args].join(' ').slice(0, 160);
  context.description.findings.push({ id, message, subject: text });
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

function addPath(context: Context, path: string | undefined, access: TargetAccess): void {
  if (path === undefined || path === '' || path === '-' || path.includes('://')) return;
  context.description.targets.push({ path, access });
}

function scan(context: Context, spec: OptionSpec): { scanned: ScannedOptions; operands: number[] } {
  const scanned = scanOptions({ args: context.args, spec: { permute: true, ...spec } });
  context.description.flags = scanned.flags;
  return { scanned, operands: operandIndexes(context.args, scanned) };
}

function isRemote(path: string): boolean {
  return /^[^/]*:/.test(path) && !path.startsWith('./');
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
  'openssl',
  'rustc',
  'rustup',
  'node',
  'python',
  'python3',
  'ruby',
  'perl',
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
const DELETE_PROGRAMS = new Set(['rm', 'rmdir', 'unlink', 'srm', 'wipe', 'trash', 'trash-put']);
const FORMAT_PROGRAMS =
  /^(mkfs(\..+)?|mke2fs|mkswap|mkdosfs|mkntfs|newfs(_.+)?|wipefs|fdisk|sfdisk|gdisk|sgdisk|cfdisk|parted|blkdiscard|badblocks|cryptsetup|zpool|diskutil)$/;

function describeRm(context: Context): void {
  const { operands } = scan(context, { longValued: ['interactive', 'preserve-root'] });
  addTargets(context, operands, 'delete');
  if (context.description.flags.includes('no-preserve-root')) {
    finding(
      context,
      'shell.rm_no_preserve_root',
      'rm was told to ignore its protection of the root directory.',
    );
  }
}

function describeModeChange(context: Context, ownerOperand: boolean): void {
  // chmod modes can look like options (`chmod -x file`), so options are only the known letters.
  const flags: string[] = [];
  const operands: number[] = [];
  let reference = false;
  let afterDoubleDash = false;
  context.args.forEach((arg, index) => {
    if (afterDoubleDash) operands.push(index);
    else if (arg === '--') afterDoubleDash = true;
    else if (arg.startsWith('--')) {
      const name = arg.slice(2).split('=')[0]!;
      flags.push(name);
      if (name === 'reference') reference = true;
    } else if (/^-[RcfvhHLP]+$/.test(arg)) flags.push(...arg.slice(1));
    else operands.push(index);
  });
  context.description.flags = flags;
  addTargets(context, reference || !ownerOperand ? operands : operands.slice(1), 'metadata');
}

function describeCopy(context: Context, sourceAccess: TargetAccess): void {
  const { scanned, operands } = scan(context, {
    valued: context.program === 'install' ? 'gmoStT' : 'St',
    longValued: [
      'target-directory',
      'suffix',
      'owner',
      'group',
      'mode',
      'strip-program',
      'context',
      'sparse',
      'reflink',
      'backup',
    ],
  });
  const targetDirectory = scanned.values.get('t') ?? scanned.values.get('target-directory');
  if (context.program === 'install' && scanned.flags.includes('d')) {
    addTargets(context, operands, 'write');
    return;
  }
  if (targetDirectory !== undefined) {
    addPath(context, targetDirectory, 'write');
    addTargets(context, operands, sourceAccess);
    return;
  }
  if (operands.length === 0) return;
  if (context.program === 'ln' && operands.length === 1) return;
  addTargets(context, operands.slice(0, -1), sourceAccess);
  addTargets(context, operands.slice(-1), 'write');
}

function describeRsync(context: Context, program: 'rsync' | 'scp'): void {
  const { scanned, operands } = scan(context, {
    valued: program === 'scp' ? 'cFiJloPSX' : 'eBfTM',
    longValued: [
      'rsh',
      'rsync-path',
      'exclude',
      'include',
      'filter',
      'exclude-from',
      'include-from',
      'files-from',
      'password-file',
      'log-file',
      'temp-dir',
      'chmod',
      'chown',
      'backup-dir',
      'compare-dest',
      'copy-dest',
      'link-dest',
      'suffix',
      'timeout',
      'port',
      'bwlimit',
      'partial-dir',
      'max-size',
      'min-size',
      'usermap',
      'groupmap',
      'out-format',
      'info',
      'debug',
      'checksum-choice',
      'compress-choice',
      'iconv',
      'sockopts',
      'outbuf',
      'stop-after',
      'stop-at',
      'write-batch',
      'read-batch',
      'protocol',
      'modify-window',
    ],
  });
  if (operands.length < 2) return;
  const sources = operands.slice(0, -1).filter((index) => !isRemote(context.args[index]!));
  const destination = operands[operands.length - 1]!;
  addTargets(context, sources, 'read');
  if (!isRemote(context.args[destination]!)) {
    addTargets(context, [destination], 'write');
    if (scanned.flags.some((flag) => flag.startsWith('delete') || flag === 'remove-source-files'))
      addTargets(context, [destination], 'delete');
  }
  if (scanned.flags.includes('remove-source-files')) addTargets(context, sources, 'delete');
}

function describeTar(context: Context): void {
  const args = [...context.args];
  // Old-style bundled letters: `tar czf out.tgz dir`.
  if (args[0] && !args[0].startsWith('-') && /^[A-Za-z]+$/.test(args[0])) args[0] = `-${args[0]}`;
  const scanned = scanOptions({
    args,
    spec: {
      valued: 'fCTXbIHKLNgVF',
      longValued: [
        'file',
        'directory',
        'files-from',
        'exclude-from',
        'exclude',
        'blocking-factor',
        'use-compress-program',
        'format',
        'newer',
        'after-date',
        'label',
        'listed-incremental',
        'owner',
        'group',
        'mode',
        'transform',
        'xform',
      ],
      permute: true,
    },
  });
  context.description.flags = scanned.flags;
  const archive = scanned.values.get('f') ?? scanned.values.get('file');
  const creating = scanned.flags.some(
    (flag) =>
      flag === 'c' ||
      flag === 'create' ||
      flag === 'r' ||
      flag === 'append' ||
      flag === 'u' ||
      flag === 'update',
  );
  const extracting = scanned.flags.some((flag) => flag === 'x' || flag === 'extract' || flag === 'get');
  const directory = scanned.values.get('C') ?? scanned.values.get('directory');
  if (creating) {
    addPath(context, archive, 'write');
    for (const operand of scanned.operands)
      addPath(context, directory && !operand.startsWith('/') ? `${directory}/${operand}` : operand, 'read');
  } else if (extracting) {
    addPath(context, archive, 'read');
    addPath(context, directory ?? '.', 'write');
  } else addPath(context, archive, 'read');
}

function describeDd(context: Context): void {
  context.description.flags = [];
  for (const [index, arg] of context.args.entries()) {
    const match = /^(if|of)=(.*)$/.exec(arg);
    if (match?.[2])
      context.description.targets.push({
        path: match[2],
        access: match[1] === 'of' ? 'write' : 'read',
        argument: index,
      });
  }
}

function describeSed(context: Context): void {
  const { scanned, operands } = scan(context, {
    valued: 'efl',
    optionalAttached: 'i',
    longValued: ['expression', 'file', 'line-length'],
  });
  const hasScript =
    scanned.values.has('e') ||
    scanned.values.has('expression') ||
    scanned.values.has('f') ||
    scanned.values.has('file');
  const inPlace = scanned.flags.some((flag) => flag === 'i' || flag === 'in-place' || flag === 'I');
  const files = hasScript ? operands : operands.slice(1);
  addTargets(context, files, inPlace ? 'write' : 'read');
  for (const file of [scanned.values.get('f'), scanned.values.get('file')]) addPath(context, file, 'read');
}

function describeGrep(context: Context, spec: OptionSpec): void {
  const { scanned, operands } = scan(context, spec);
  const hasPattern = ['e', 'f', 'regexp', 'file'].some((name) => scanned.values.has(name));
  addTargets(context, hasPattern ? operands : operands.slice(1), 'read');
  for (const file of [scanned.values.get('f'), scanned.values.get('file')]) addPath(context, file, 'read');
}

function describeCurl(context: Context): void {
  const { scanned } = scan(context, {
    valued: 'oTdFKbcEDHAeuXmxUwrCYyzQPt',
    longValued: [
      'output',
      'upload-file',
      'data',
      'data-binary',
      'data-ascii',
      'data-raw',
      'data-urlencode',
      'json',
      'form',
      'form-string',
      'config',
      'cookie',
      'cookie-jar',
      'cert',
      'key',
      'cacert',
      'dump-header',
      'trace',
      'trace-ascii',
      'header',
      'user-agent',
      'referer',
      'user',
      'request',
      'max-time',
      'proxy',
      'proxy-user',
      'write-out',
      'range',
      'continue-at',
      'speed-limit',
      'speed-time',
      'time-cond',
      'quote',
      'ftp-port',
      'telnet-option',
      'connect-timeout',
      'retry',
      'retry-delay',
      'retry-max-time',
      'resolve',
      'connect-to',
      'output-dir',
      'netrc-file',
      'pass',
      'oauth2-bearer',
      'url',
      'variable',
      'expand-data',
      'expand-url',
      'limit-rate',
      'max-filesize',
      'interface',
      'dns-servers',
      'socks5',
      'socks5-hostname',
      'preproxy',
      'unix-socket',
      'aws-sigv4',
      'hostpubmd5',
      'pubkey',
      'krb',
      'stderr',
    ],
  });
  for (const [name, values] of scanned.allValues) {
    for (const value of values) {
      if (
        name === 'o' ||
        name === 'output' ||
        name === 'c' ||
        name === 'cookie-jar' ||
        name === 'D' ||
        name === 'dump-header' ||
        name === 'trace' ||
        name === 'trace-ascii' ||
        name === 'stderr'
      )
        addPath(context, value, 'write');
      else if (
        name === 'T' ||
        name === 'upload-file' ||
        name === 'K' ||
        name === 'config' ||
        name === 'netrc-file'
      )
        addPath(context, value, 'read');
      else if (/^(d|data|data-binary|data-ascii|json|data-urlencode)$/.test(name)) {
        const at = value.indexOf('@');
        if (at === 0 || (name === 'data-urlencode' && at > 0)) addPath(context, value.slice(at + 1), 'read');
      } else if (name === 'F' || name === 'form') {
        const match = /=[@<]([^;]+)/.exec(value);
        if (match) addPath(context, match[1], 'read');
      } else if ((name === 'b' || name === 'cookie') && !value.includes('=')) addPath(context, value, 'read');
    }
  }
}

function describeWget(context: Context): void {
  const { scanned } = scan(context, {
    valued: 'OoaPiTtwQUeBYhdl',
    longValued: [
      'output-document',
      'output-file',
      'append-output',
      'directory-prefix',
      'input-file',
      'post-file',
      'body-file',
      'post-data',
      'header',
      'user-agent',
      'user',
      'password',
      'timeout',
      'tries',
      'wait',
      'quota',
      'execute',
      'base',
      'load-cookies',
      'save-cookies',
      'certificate',
      'private-key',
      'ca-certificate',
      'method',
      'body-data',
      'referer',
      'level',
      'accept',
      'reject',
      'domains',
      'exclude-domains',
      'include-directories',
      'exclude-directories',
      'limit-rate',
      'bind-address',
      'restrict-file-names',
    ],
  });
  for (const [name, values] of scanned.allValues) {
    for (const value of values) {
      if (/^(O|output-document|o|output-file|a|append-output|P|directory-prefix|save-cookies)$/.test(name))
        addPath(context, value, 'write');
      else if (/^(i|input-file|post-file|body-file|load-cookies)$/.test(name))
        addPath(context, value, 'read');
    }
  }
}

function describeReverseShellTool(context: Context): void {
  const { program, args } = context;
  if (program === 'socat') {
    const addresses = args.filter((arg) => !arg.startsWith('-'));
    const runs = addresses.some((address) => /^(exec|system):/i.test(address));
    const network = addresses.some((address) =>
      /^(tcp|tcp4|tcp6|tcp-connect|tcp-listen|tcp4-listen|tcp6-listen|udp|udp-connect|udp-listen|openssl|openssl-connect|openssl-listen|ssl|sctp|socks4a?|proxy)[:-]/i.test(
        address,
      ),
    );
    if (runs && network)
      finding(
        context,
        'shell.reverse_shell',
        'socat connects a network socket to a program: a reverse or bind shell.',
      );
    return;
  }
  const scanned = scanOptions({
    args,
    spec: {
      valued: 'ecpsqwiIOPTVxX',
      longValued: ['exec', 'sh-exec', 'lua-exec', 'source-port', 'wait', 'proxy', 'proxy-type', 'proxy-auth'],
      permute: true,
    },
  });
  context.description.flags = scanned.flags;
  const runs = ['e', 'c', 'exec', 'sh-exec', 'lua-exec'].some((name) => scanned.values.has(name));
  if (runs)
    finding(
      context,
      'shell.reverse_shell',
      `${program} runs a program on a network connection: a reverse or bind shell.`,
    );
}

function describeKill(context: Context): void {
  const { program, args } = context;
  context.description.flags = scanOptions({
    args,
    spec: { valued: 'snu', numeric: true, permute: true },
  }).flags;
  if (program === 'killall5')
    finding(context, 'shell.kill_all', 'killall5 signals every process on the system.');
  if (program === 'kill') {
    // The first option is the signal (`-9`, `-KILL`, `-s KILL`); what follows are process ids,
    // where -1 means every process the user may signal and 1 is init.
    let index = 0;
    if (args[0] === '-s' || args[0] === '-n' || args[0] === '--signal') index = 2;
    else if (args[0]?.startsWith('-') && args[0] !== '--' && !/^-[lL]$/.test(args[0])) index = 1;
    if (args[index] === '--') index++;
    const pids = args.slice(index);
    if (pids.includes('-1') || pids.includes('1'))
      finding(
        context,
        'shell.kill_all',
        'kill -1 signals every process the user can signal (and pid 1 is init).',
      );
    // Process group 0 is this shell's own group: the agent's shell and everything it started.
    else if (pids.includes('0') || pids.includes('-0'))
      finding(context, 'shell.kill_all', 'kill 0 signals every process in the current process group.');
  }
  if (program === 'pkill' || program === 'killall' || program === 'pgrep') {
    if (program !== 'pgrep') {
      // By user only (`pkill -u dev`, `killall -u dev`), or a pattern that matches every name.
      const scanned = scanOptions({
        args,
        spec: {
          valued: program === 'pkill' ? 'sugtPGUFc' : 'sugyoc',
          numeric: true,
          permute: true,
          longValued: [
            'signal',
            'user',
            'group',
            'parent',
            'session',
            'terminal',
            'pidfile',
            'older-than',
            'younger-than',
          ],
        },
      });
      const patterns = scanned.operands;
      const byUser = scanned.values.has('u') || scanned.values.has('U') || scanned.values.has('user');
      if (
        (byUser && patterns.length === 0) ||
        patterns.some(
          (pattern) =>
            /^(\.\*?|\.\+|\^|\$|\^\.\*\$?|\*|\[\^\]\]\*|\w?\*)$/.test(pattern) ||
            pattern === '.' ||
            pattern === '',
        )
      )
        finding(context, 'shell.kill_all', `${program} matches every process (of the user).`);
    }
  }
  if (args.some((arg) => /warden/i.test(arg)))
    finding(context, 'shell.guard_tamper', 'This stops the guard itself.');
}

function describeFind(context: Context): void {
  const { args } = context;
  let index = 0;
  const flags: string[] = [];
  while (index < args.length && /^-(H|L|P|D|O\d*)$/.test(args[index]!)) {
    flags.push(args[index]!.slice(1));
    index += args[index] === '-D' ? 2 : 1;
  }
  const starts: number[] = [];
  while (index < args.length && !/^[-(!,]/.test(args[index]!)) starts.push(index++);
  for (let position = index; position < args.length; position++) {
    const arg = args[position]!;
    if (!arg.startsWith('-')) continue;
    const name = arg.slice(1);
    flags.push(name);
    if (/^(fprint|fprint0|fprintf|fls)$/.test(name)) addPath(context, args[position + 1], 'write');
    if (/^(exec|execdir|ok|okdir)$/.test(name)) {
      // The command's own words are not find's flags.
      const end = args.findIndex((value, at) => at > position && (value === ';' || value === '+'));
      position = end < 0 ? args.length : end;
    }
  }
  context.description.flags = flags;
  const access: TargetAccess = flags.includes('delete') ? 'delete' : 'read';
  // With tests (-name, -type, ...) find acts on some files under its starting points, which the
  // target says as a glob; without, on everything including the starting point itself.
  const filtered = flags.some((flag) =>
    /^(i?name|i?path|i?regex|type|newer|mtime|mmin|atime|amin|ctime|cmin|size|user|group|perm|empty|wholename|links|inum)$/.test(
      flag,
    ),
  );
  if (starts.length === 0) addPath(context, filtered ? './**' : '.', access);
  else if (filtered)
    for (const index of starts) addPath(context, `${args[index]!.replace(/\/+$/, '')}/**`, access);
  else addTargets(context, starts, access);
}

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

const DOCKER_SENSITIVE_MOUNT =
  /^(\/|\/etc(\/.*)?|\/root(\/.*)?|\/home\/?|\/Users\/?|\/var\/run\/docker\.sock|\/run\/docker\.sock|\/var\/lib\/docker(\/.*)?|\/boot(\/.*)?|\/dev(\/.*)?|\/proc(\/.*)?|\/sys(\/.*)?|~\/?|\$HOME\/?)$/;

function describeDocker(context: Context): void {
  const { args } = context;
  let index = 0;
  while (index < args.length && args[index]!.startsWith('-'))
    index += /^(-H|-c|-l|--host|--context|--config|--log-level)$/.test(args[index]!) ? 2 : 1;
  let subcommand = args[index];
  let rest = args.slice(index + 1);
  if (
    (subcommand === 'container' ||
      subcommand === 'image' ||
      subcommand === 'volume' ||
      subcommand === 'network' ||
      subcommand === 'system' ||
      subcommand === 'builder' ||
      subcommand === 'buildx') &&
    rest[0] &&
    !rest[0].startsWith('-')
  ) {
    subcommand = `${subcommand} ${rest[0]}`;
    rest = rest.slice(1);
  }
  if (subcommand === undefined) return;
  context.description.subcommand = subcommand;
  const text = [context.program, subcommand, ...rest].join(' ').slice(0, 160);
  if (/(^| )prune$/.test(subcommand) || /^(volume (rm|remove)|system reset)$/.test(subcommand)) {
    context.description.findings.push({
      id: 'shell.docker_prune',
      message: 'This deletes Docker data (containers, images, volumes) for good.',
      subject: text,
    });
  }
  if (subcommand === 'push')
    context.description.findings.push({
      id: 'shell.package_publish',
      message: 'This publishes an image to a registry.',
      subject: text,
    });
  if (
    subcommand !== 'run' &&
    subcommand !== 'create' &&
    subcommand !== 'container run' &&
    subcommand !== 'container create' &&
    subcommand !== 'exec'
  )
    return;
  const scanned = scanOptions({
    args: rest,
    spec: {
      valued: 'aceEhlmpuvw',
      longValued: [
        'volume',
        'mount',
        'cap-add',
        'pid',
        'userns',
        'security-opt',
        'device',
        'network',
        'net',
        'ipc',
        'uts',
        'env',
        'name',
        'user',
        'workdir',
        'entrypoint',
        'publish',
        'label',
        'platform',
        'restart',
        'memory',
        'cpus',
        'env-file',
        'add-host',
        'tmpfs',
        'ulimit',
        'hostname',
        'log-driver',
        'log-opt',
        'cgroupns',
        'runtime',
        'gpus',
        'shm-size',
      ],
    },
  });
  context.description.flags = scanned.flags;
  const privileged =
    scanned.flags.includes('privileged') ||
    (scanned.allValues.get('cap-add') ?? []).some((value) =>
      /^(ALL|SYS_ADMIN|SYS_PTRACE|SYS_MODULE|DAC_READ_SEARCH|NET_ADMIN)$/i.test(value),
    ) ||
    ['pid', 'userns', 'ipc', 'uts', 'cgroupns'].some((name) => scanned.values.get(name) === 'host') ||
    (scanned.allValues.get('security-opt') ?? []).some((value) =>
      /unconfined|no-new-privileges[:=]false/i.test(value),
    ) ||
    (scanned.allValues.get('device') ?? []).length > 0;
  if (privileged)
    context.description.findings.push({
      id: 'shell.docker_privileged',
      message: 'The container gets host privileges and can escape to the host.',
      subject: text,
    });
  const mounts = [...(scanned.allValues.get('v') ?? []), ...(scanned.allValues.get('volume') ?? [])].map(
    (value) => value.split(':')[0]!,
  );
  for (const mount of scanned.allValues.get('mount') ?? []) {
    const source = /(?:^|,)(?:source|src)=([^,]+)/.exec(mount)?.[1];
    if (source) mounts.push(source);
  }
  const sensitive = mounts.find((source) => DOCKER_SENSITIVE_MOUNT.test(source.replace(/\/+$/, '') || '/'));
  if (sensitive !== undefined)
    context.description.findings.push({
      id: 'shell.docker_host_mount',
      message: `The container mounts ${sensitive || '/'} from the host.`,
      subject: text,
    });
}

const KUBECTL_VERBS = new Set([
  'get',
  'describe',
  'delete',
  'apply',
  'create',
  'drain',
  'scale',
  'replace',
  'patch',
  'edit',
  'logs',
  'exec',
  'run',
  'rollout',
  'label',
  'annotate',
  'cordon',
  'uncordon',
  'taint',
  'port-forward',
  'top',
  'config',
  'expose',
  'set',
  'wait',
  'debug',
  'cp',
  'auth',
  'diff',
  'explain',
  'version',
  'cluster-info',
  'api-resources',
]);

const CLOUD_DELETE_VERB =
  /^(delete|remove|rm|rb|destroy|terminate|deregister|purge|disable|drop|wipe|reset|uninstall|deprovision|decommission)([-_:].*)?$|^[a-z]+[-_:](delete|remove|destroy|terminate|purge)$|^(delete|terminate|deregister|remove|destroy|purge)-[a-z-]+$/;

function describeCloud(context: Context): void {
  const { program, args } = context;
  const words = args.filter((arg) => !arg.startsWith('-'));
  const text = [program, ...args].join(' ').slice(0, 160);
  const deletes = words.slice(0, 6).some((word) => CLOUD_DELETE_VERB.test(word));
  const s3Recursive =
    program === 'aws' &&
    words[0] === 's3' &&
    (words[1] === 'rm' ||
      words[1] === 'rb' ||
      (words[1] === 'sync' && args.some((arg) => arg.startsWith('--delete'))));
  const gsutil = program === 'gsutil' && words.some((word) => word === 'rm' || word === 'rb');
  const rclone =
    program === 'rclone' && /^(delete|deletefile|purge|rmdir|rmdirs|cleanup)$/.test(words[0] ?? '');
  if (deletes || s3Recursive || gsutil || rclone) {
    context.description.findings.push({
      id: 'shell.cloud_delete',
      message: 'This deletes cloud resources or data.',
      subject: text,
    });
  }
}

/** The programs `describeSystem` knows; every other command skips it. */
const SYSTEM_PROGRAMS = new Set([
  'crontab',
  'iptables',
  'ip6tables',
  'iptables-legacy',
  'iptables-nft',
  'nft',
  'ufw',
  'pfctl',
  'systemctl',
  'service',
  'launchctl',
  'shutdown',
  'reboot',
  'halt',
  'poweroff',
  'init',
  'telinit',
  'kubectl',
  'oc',
  'kubecolor',
  'helm',
  'terraform',
  'tofu',
  'terragrunt',
  'pulumi',
  'cdk',
  'cdktf',
  'serverless',
  'sls',
  'sst',
  'copilot',
  'eksctl',
]);

function describeSystem(context: Context): void {
  const { program, args } = context;
  const words = args.filter((arg) => !arg.startsWith('-'));
  const text = [program, ...args].join(' ').slice(0, 160);
  const push = (id: string, message: string) =>
    context.description.findings.push({ id, message, subject: text });
  switch (program) {
    case 'crontab':
      if (args.some((arg) => /^-[a-z]*r/.test(arg)))
        push('shell.crontab_remove', 'crontab -r deletes every scheduled job of the user.');
      else if (words.length > 0 || args.includes('-'))
        push('shell.crontab_replace', 'This replaces the crontab: the new jobs run unattended.');
      break;
    case 'iptables':
    case 'ip6tables':
    case 'iptables-legacy':
    case 'iptables-nft':
      if (
        args.some((arg) => /^(-[A-Za-z]*[FX][A-Za-z]*|--flush|--delete-chain)$/.test(arg)) ||
        (args.includes('-P') && args.includes('ACCEPT'))
      ) {
        push('shell.firewall_flush', 'This removes firewall rules.');
      }
      break;
    case 'nft':
      if (words[0] === 'flush' || (words[0] === 'delete' && words[1] === 'table'))
        push('shell.firewall_flush', 'This removes firewall rules.');
      break;
    case 'ufw':
      if (words[0] === 'disable' || words[0] === 'reset')
        push('shell.firewall_flush', 'This switches the firewall off.');
      break;
    case 'pfctl':
      if (args.some((arg) => /^-[a-zA-Z]*[dF]/.test(arg)))
        push('shell.firewall_flush', 'This switches the firewall off or flushes it.');
      break;
    case 'systemctl': {
      const verb = words[0] ?? '';
      if (
        /^(poweroff|reboot|halt|kexec|suspend|hibernate|hybrid-sleep|rescue|emergency|isolate|soft-reboot)$/.test(
          verb,
        )
      )
        push('shell.system_power', 'This shuts down or reboots the machine.');
      else if (
        /^(stop|disable|mask|kill|reset-failed|daemon-reexec|restart|try-restart|reload-or-restart|revert|set-default)$/.test(
          verb,
        )
      )
        push('shell.service_control', `systemctl ${verb} changes running system services.`);
      break;
    }
    case 'service':
      if (/^(stop|restart|force-reload|--stop|--full-restart)$/.test(words[1] ?? args[1] ?? ''))
        push('shell.service_control', 'This stops or restarts a system service.');
      break;
    case 'launchctl':
      if (/^(unload|bootout|remove|disable|kill|stop|reboot)$/.test(words[0] ?? ''))
        push('shell.service_control', 'This stops or removes a launchd service.');
      break;
    case 'shutdown':
    case 'reboot':
    case 'halt':
    case 'poweroff':
      push('shell.system_power', 'This shuts down or reboots the machine.');
      break;
    case 'init':
    case 'telinit':
      if (/^[0156sS]$/.test(words[0] ?? ''))
        push('shell.system_power', 'This changes the run level (shutdown or reboot).');
      break;
    case 'kubectl':
    case 'oc':
    case 'kubecolor': {
      // Global options take values (`-n prod`), so find the verb by name.
      const verb = words.find((word) => KUBECTL_VERBS.has(word)) ?? words[0] ?? '';
      if (
        /^(delete|drain|replace)$/.test(verb) ||
        (verb === 'scale' && args.some((arg) => /--replicas[= ]0$/.test(arg) || arg === '0'))
      ) {
        context.description.subcommand = verb;
        push('shell.kubectl_delete', `kubectl ${verb} removes or disrupts cluster resources.`);
      } else context.description.subcommand = verb;
      break;
    }
    case 'helm':
      context.description.subcommand = words[0];
      if (/^(uninstall|delete|del|un|rollback)$/.test(words[0] ?? ''))
        push('shell.kubectl_delete', 'This removes or rolls back a Helm release.');
      break;
    case 'terraform':
    case 'tofu':
    case 'terragrunt':
    case 'pulumi':
    case 'cdk':
    case 'cdktf':
    case 'serverless':
    case 'sls':
    case 'sst':
    case 'copilot':
    case 'eksctl': {
      context.description.subcommand = words[0];
      const destroy =
        words[0] === 'destroy' ||
        words.slice(0, 3).some((word) => word === 'remove' || word === 'delete') ||
        (words[0] === 'apply' && args.includes('-destroy')) ||
        (words[0] === 'state' && words[1] === 'rm') ||
        (words[0] === 'workspace' && words[1] === 'delete') ||
        (words[0] === 'stack' && words[1] === 'rm') ||
        (words[0] === 'run-all' && words[1] === 'destroy');
      if (destroy) push('shell.infra_destroy', 'This destroys infrastructure.');
      break;
    }
  }
}

const PUBLISHERS: Record<string, (words: string[], args: string[]) => boolean> = {
  npm: (words) =>
    /^(publish|unpublish|deprecate|dist-tag|owner|access)$/.test(words[0] ?? '') &&
    !(words[0] === 'dist-tag' && words[1] === 'ls'),
  pnpm: (words) => words[0] === 'publish' || (words[0] === '-r' && words[1] === 'publish'),
  yarn: (words) => words[0] === 'publish' || (words[0] === 'npm' && words[1] === 'publish'),
  bun: (words) => words[0] === 'publish',
  twine: (words) => words[0] === 'upload',
  cargo: (words) => words[0] === 'publish' || words[0] === 'yank' || words[0] === 'owner',
  gem: (words) => words[0] === 'push' || words[0] === 'yank' || words[0] === 'owner',
  poetry: (words) => words[0] === 'publish',
  flit: (words) => words[0] === 'publish',
  hatch: (words) => words[0] === 'publish',
  uv: (words) => words[0] === 'publish',
  mvn: (words) => words.includes('deploy'),
  gradle: (words) => words.some((word) => /^publish/.test(word)),
  gradlew: (words) => words.some((word) => /^publish/.test(word)),
  dotnet: (words) => words[0] === 'nuget' && words[1] === 'push',
  nuget: (words) => words[0] === 'push' || words[0] === 'delete',
  pod: (words) => words[0] === 'trunk' && (words[1] === 'push' || words[1] === 'delete'),
  vsce: (words) => words[0] === 'publish' || words[0] === 'unpublish',
  ovsx: (words) => words[0] === 'publish',
  changeset: (words) => words[0] === 'publish',
  lerna: (words) => words[0] === 'publish',
  gh: (words) =>
    words[0] === 'release' && (words[1] === 'create' || words[1] === 'delete' || words[1] === 'upload'),
  jsr: (words) => words[0] === 'publish',
  deno: (words) => words[0] === 'publish',
};

/** What each program does with its arguments, by program name: only the entry a command needs is compiled. */
const DESCRIBERS = new Map<string, (context: Context) => void>();
function register(names: readonly string[], describer: (context: Context) => void): void {
  for (const name of names) DESCRIBERS.set(name, describer);
}
register([...DELETE_PROGRAMS], (context) => {
  describeRm(context);
});
register(['find', 'gfind'], (context) => {
  describeFind(context);
});
register(['shred'], (context) => {
  const { scanned, operands } = scan(context, {
    valued: 'ns',
    longValued: ['iterations', 'size', 'random-source', 'remove'],
  });
  addTargets(
    context,
    operands,
    scanned.flags.some((flag) => flag === 'u' || flag === 'remove') ? 'delete' : 'write',
  );
});
register(['chmod', 'chattr', 'setfacl'], (context) => {
  const { program } = context;
  describeModeChange(context, program !== 'setfacl');
});
register(['chown', 'chgrp'], (context) => {
  describeModeChange(context, true);
});
register(['cp', 'install', 'ln', 'gcp'], (context) => {
  const { program, args } = context;
  // A hard link is a second name for the same file: writing through it writes the original
  // (`ln ~/.warden/config.yaml x && edit x`). A symbolic link is only a name.
  describeCopy(
    context,
    program === 'ln'
      ? args.some((arg) => /^-[a-zA-Z]*s|^--symbolic$/.test(arg))
        ? 'other'
        : 'write'
      : 'read',
  );
});
register(['mv', 'gmv'], (context) => {
  describeCopy(context, 'delete');
});
register(['rsync'], (context) => {
  describeRsync(context, 'rsync');
});
register(['scp'], (context) => {
  describeRsync(context, 'scp');
});
register(['tar', 'gtar', 'bsdtar'], (context) => {
  describeTar(context);
});
register(['dd'], (context) => {
  describeDd(context);
});
register(['tee'], (context) => {
  addTargets(context, scan(context, { longValued: ['output-error'] }).operands, 'write');
});
register(['touch'], (context) => {
  addTargets(
    context,
    scan(context, { valued: 'drt', longValued: ['date', 'reference', 'time'] }).operands,
    'write',
  );
});
register(['mkdir'], (context) => {
  addTargets(context, scan(context, { valued: 'mZ', longValued: ['mode', 'context'] }).operands, 'write');
});
register(['truncate'], (context) => {
  addTargets(context, scan(context, { valued: 'sro', longValued: ['size', 'reference'] }).operands, 'write');
});
register(['sed', 'gsed'], (context) => {
  describeSed(context);
});
register(['perl'], (context) => {
  const { scanned, operands } = scan(context, { valued: 'eEIMmlx0', optionalAttached: 'i' });
  const hasCode = scanned.values.has('e') || scanned.values.has('E');
  const files = hasCode ? operands : operands.slice(1);
  if (!hasCode) addTargets(context, operands.slice(0, 1), 'execute');
  addTargets(context, files, scanned.flags.includes('i') ? 'write' : 'read');
});
register(['awk', 'gawk', 'mawk', 'nawk'], (context) => {
  const { scanned, operands } = scan(context, {
    valued: 'fvFi',
    longValued: ['file', 'assign', 'field-separator', 'include', 'load'],
  });
  const hasProgram = scanned.values.has('f') || scanned.values.has('file');
  const inPlace = (scanned.allValues.get('i') ?? []).includes('inplace');
  addTargets(context, hasProgram ? operands : operands.slice(1), inPlace ? 'write' : 'read');
});
register(['grep', 'egrep', 'fgrep', 'ggrep'], (context) => {
  describeGrep(context, {
    valued: 'efmABCdD',
    longValued: [
      'regexp',
      'file',
      'max-count',
      'after-context',
      'before-context',
      'context',
      'exclude',
      'include',
      'exclude-dir',
      'exclude-from',
      'label',
      'binary-files',
      'devices',
      'directories',
      'color',
      'colour',
      'group-separator',
    ],
  });
});
register(['rg'], (context) => {
  describeGrep(context, {
    valued: 'efgtTmABCMjrE',
    longValued: [
      'regexp',
      'file',
      'glob',
      'iglob',
      'type',
      'type-not',
      'max-count',
      'replace',
      'after-context',
      'before-context',
      'context',
      'max-depth',
      'ignore-file',
      'pre',
      'pre-glob',
      'encoding',
      'threads',
      'max-filesize',
      'sort',
      'sortr',
      'type-add',
      'type-clear',
      'color',
      'colors',
      'path-separator',
      'field-match-separator',
      'field-context-separator',
      'max-columns',
      'dfa-size-limit',
      'regex-size-limit',
      'engine',
      'context-separator',
      'hostname-bin',
      'hyperlink-format',
      'generate',
    ],
  });
});
register(['ag', 'ack'], (context) => {
  describeGrep(context, {
    valued: 'ABCGgmp',
    longValued: [
      'after',
      'before',
      'context',
      'file-search-regex',
      'ignore',
      'ignore-dir',
      'max-count',
      'path-to-ignore',
      'pager',
      'depth',
      'type',
    ],
  });
});
register(['jq', 'yq', 'gojq'], (context) => {
  const { args } = context;
  const stripped: string[] = [];
  for (let index = 0; index < args.length; index++) {
    const arg = args[index]!;
    if (/^--(arg|argjson|slurpfile|rawfile)$/.test(arg)) {
      if (arg === '--slurpfile' || arg === '--rawfile') addPath(context, args[index + 2], 'read');
      index += 2;
    } else if (/^(-f|--from-file|-L|--indent|--tab)$/.test(arg) && arg !== '--tab') {
      if (arg === '-f' || arg === '--from-file') addPath(context, args[index + 1], 'read');
      index++;
    } else stripped.push(arg);
  }
  const operands = stripped.filter((arg) => !arg.startsWith('-'));
  const fromFile = args.includes('-f') || args.includes('--from-file');
  for (const path of fromFile ? operands : operands.slice(1)) addPath(context, path, 'read');
});
register(['sort'], (context) => {
  const { scanned, operands } = scan(context, {
    valued: 'kotSTy',
    longValued: [
      'key',
      'output',
      'field-separator',
      'buffer-size',
      'temporary-directory',
      'files0-from',
      'parallel',
      'compress-program',
      'sort',
      'random-source',
      'batch-size',
    ],
  });
  addTargets(context, operands, 'read');
  addPath(context, scanned.values.get('o') ?? scanned.values.get('output'), 'write');
});
register(['base64'], (context) => {
  const { operands } = scan(context, { valued: 'wb', longValued: ['wrap'] });
  addTargets(context, operands, 'read');
});
register(['curl'], (context) => {
  describeCurl(context);
});
register(['wget', 'wget2'], (context) => {
  describeWget(context);
});
register(['nc', 'ncat', 'netcat', 'socat'], (context) => {
  describeReverseShellTool(context);
});
register(['kill', 'pkill', 'killall', 'killall5'], (context) => {
  describeKill(context);
});
register(['docker', 'podman', 'nerdctl'], (context) => {
  describeDocker(context);
});
register(
  [
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
    'supabase',
    'oci',
    'linode-cli',
    'hcloud',
    'scw',
    'ibmcloud',
    's3cmd',
    'rclone',
    'railway',
    'render',
    'wrangler',
  ],
  (context) => {
    const { program, args } = context;
    describeCloud(context);
    if (program === 'gsutil' || program === 'aws' || program === 'gcloud' || program === 'az')
      context.description.flags = scanOptions({ args, spec: { permute: true } }).flags;
  },
);
register(['openssl'], (context) => {
  const { args } = context;
  for (const [index, arg] of args.entries()) {
    if (/^-(in|key|inkey|signkey|CAkey|kfile|passin)$/.test(arg) && args[index + 1] !== undefined)
      addPath(context, args[index + 1]!.replace(/^file:/, ''), 'read');
    if (/^-out$/.test(arg)) addPath(context, args[index + 1], 'write');
  }
  context.description.subcommand = args[0];
});
register(['gpg', 'gpg2'], (context) => {
  const { scanned, operands } = scan(context, {
    valued: 'ourR',
    longValued: ['output', 'recipient', 'local-user', 'homedir', 'keyring', 'passphrase-file'],
  });
  addTargets(context, operands, 'read');
  addPath(context, scanned.values.get('o') ?? scanned.values.get('output'), 'write');
});
register(['zip'], (context) => {
  const { operands } = scan(context, { valued: 'bdinPtx', longValued: ['password', 'exclude', 'include'] });
  addTargets(context, operands.slice(0, 1), 'write');
  addTargets(context, operands.slice(1), 'read');
});
register(['unzip'], (context) => {
  const { scanned, operands } = scan(context, { valued: 'dxP' });
  addTargets(context, operands.slice(0, 1), 'read');
  addPath(context, scanned.values.get('d') ?? '.', 'write');
});
register(['patch'], (context) => {
  const { scanned, operands } = scan(context, {
    valued: 'iopdBDFrVYzg',
    longValued: ['input', 'output', 'strip', 'directory', 'reject-file'],
  });
  addTargets(context, operands.slice(0, 1), 'write');
  addPath(context, scanned.values.get('i') ?? scanned.values.get('input'), 'read');
});
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
  const publisher = Object.hasOwn(PUBLISHERS, program) ? PUBLISHERS[program] : undefined;
  // A dry run (`npm publish --dry-run`, `cargo publish --dry-run`) publishes nothing.
  if (publisher && !args.some((arg) => /^--(dry-?run|dryrun)(=true)?$/.test(arg))) {
    const words = args.filter((arg) => !arg.startsWith('-'));
    if (publisher(words, args))
      description.findings.push({
        id: 'shell.package_publish',
        message: 'This publishes a package or release.',
        subject: [program, ...args].join(' ').slice(0, 160),
      });
  }

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

  if (
    !description.subcommand &&
    (program === 'npm' ||
      program === 'pnpm' ||
      program === 'yarn' ||
      program === 'bun' ||
      program === 'cargo' ||
      program === 'go')
  ) {
    description.subcommand = args.find((arg) => !arg.startsWith('-'));
  }
  module?.describe(context);
  // `file://` operands name local files whatever the program (`curl file:///etc/shadow`).
  for (let index = 0; index < args.length; index++) {
    const arg = args[index]!;
    if (arg.indexOf('file://') < 0) continue;
    const local = /^(?:--?[\w-]+=)?file:\/\/(?:localhost)?(\/[^?#]*|~[^?#]*)$/.exec(arg)?.[1];
    if (local) description.targets.push({ path: safeDecode(local), access: 'read' });
  }
  if (SYSTEM_PROGRAMS.has(program)) describeSystem(context);
  if (description.findings.length > 1) description.findings = dedupeFindings(description.findings);
  return description;
}
