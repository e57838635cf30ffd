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

function addPath(context: Context, path: string | undefined, access: TargetAccess): void {
  if (path === undefined || path === '' || path === '-' || path.includes('://')) return;
  context.description.targets.push({ path, access });
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
