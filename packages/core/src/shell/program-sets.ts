/** Program families the analysis reasons about. Names are basenames after quote removal. */

export const SHELLS = new Set([
  'sh',
  'bash',
  'zsh',
  'dash',
  'ksh',
  'mksh',
  'ash',
  'yash',
  'fish',
  'rbash',
  'posh',
  'ksh93',
  'pdksh',
  'tcsh',
  'csh',
]);

/** Programs that fetch data from the network onto stdout or a file. */
export const DOWNLOADERS = new Set([
  'curl',
  'wget',
  'wget2',
  'fetch',
  'aria2c',
  'http',
  'https',
  'xh',
  'xhs',
  'lwp-request',
  'GET',
  'lynx',
  'links',
  'tftp',
  'ftp',
  'scp',
  'rsync',
  'gh',
  'nc',
  'ncat',
  'netcat',
  'socat',
  'openssl',
]);
/** Downloaders that write to stdout by default (or with `-O-`), so they can feed a pipe. */
export const STREAMING_DOWNLOADERS = new Set([
  'curl',
  'wget',
  'wget2',
  'fetch',
  'http',
  'https',
  'xh',
  'xhs',
  'lwp-request',
  'GET',
  'lynx',
  'links',
  'nc',
  'ncat',
  'netcat',
  'socat',
  'openssl',
  'gh',
]);

/** Programs that turn encoded or compressed text back into a script. */
export const DECODERS = new Set([
  'base64',
  'base32',
  'basenc',
  'xxd',
  'uudecode',
  'openssl',
  'gunzip',
  'zcat',
  'gzip',
  'bzip2',
  'bunzip2',
  'bzcat',
  'xz',
  'unxz',
  'xzcat',
  'zstd',
  'unzstd',
  'rev',
  'tr',
  'perl',
]);

/** Interpreters that run code given on the command line (`-c`, `-e`) or read from stdin. */
export const INTERPRETERS: Record<string, { codeOptions: string[]; family: string }> = {
  python: { codeOptions: ['c'], family: 'python' },
  pypy: { codeOptions: ['c'], family: 'python' },
  pypy3: { codeOptions: ['c'], family: 'python' },
  node: { codeOptions: ['e', 'p', 'eval', 'print'], family: 'node' },
  nodejs: { codeOptions: ['e', 'p', 'eval', 'print'], family: 'node' },
  bun: { codeOptions: ['e', 'eval', 'p', 'print'], family: 'node' },
  deno: { codeOptions: [], family: 'node' },
  perl: { codeOptions: ['e', 'E'], family: 'perl' },
  ruby: { codeOptions: ['e'], family: 'ruby' },
  php: { codeOptions: ['r'], family: 'php' },
  lua: { codeOptions: ['e'], family: 'lua' },
  luajit: { codeOptions: ['e'], family: 'lua' },
  osascript: { codeOptions: ['e'], family: 'applescript' },
  Rscript: { codeOptions: ['e'], family: 'r' },
  rscript: { codeOptions: ['e'], family: 'r' },
  r: { codeOptions: ['e'], family: 'r' },
  julia: { codeOptions: ['e', 'E'], family: 'julia' },
  tclsh: { codeOptions: [], family: 'tcl' },
  pwsh: { codeOptions: ['c', 'command', 'Command', 'C'], family: 'powershell' },
  powershell: { codeOptions: ['c', 'command', 'Command', 'C'], family: 'powershell' },
};

/** `python3.12` -> `python`, `perl5.36` -> `perl`: versioned names share the family's options. */
export function interpreterFor(program: string): { codeOptions: string[]; family: string } | undefined {
  const direct = INTERPRETERS[program];
  if (direct) return direct;
  const base = /^([A-Za-z]+?)(\d+(?:\.\d+)*)?$/.exec(program)?.[1];
  return base ? INTERPRETERS[base] : undefined;
}

export const AWKS = new Set(['awk', 'gawk', 'mawk', 'nawk', 'busybox-awk']);

/** Network tools that, given a shell, make a reverse or bind shell. */
export const NETWORK_TOOLS = new Set([
  'nc',
  'ncat',
  'netcat',
  'socat',
  'telnet',
  'openssl',
  'cryptcat',
  'pwncat',
  'rlwrap',
]);
