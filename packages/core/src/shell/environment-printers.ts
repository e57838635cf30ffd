import type { SimpleCommand } from './types.js';

/**
 * Programs that print shell code setting up an environment, made to be `eval`ed: `ssh-agent -s`,
 * `direnv export bash`, `pyenv init -`, `brew shellenv`, completions. What they print is known in
 * kind (exports, functions, completions), so `eval "$(pyenv init -)"` is not a dynamic command.
 */
const PRINTERS: Record<string, RegExp | true> = {
  'ssh-agent': true,
  'gpg-agent': true,
  keychain: /^--eval$/,
  direnv: /^(export|hook|stdlib)$/,
  pyenv: /^(init|virtualenv-init|sh-.*)$/,
  rbenv: /^init$/,
  nodenv: /^init$/,
  goenv: /^init$/,
  jenv: /^init$/,
  plenv: /^init$/,
  phpenv: /^init$/,
  tfenv: /^init$/,
  brew: /^shellenv$/,
  conda: /^shell\.[a-z]+$/,
  micromamba: /^shell$/,
  mamba: /^shell$/,
  mise: /^(activate|env|hook-env)$/,
  rtx: /^(activate|env)$/,
  fnm: /^(env|completions)$/,
  zoxide: /^init$/,
  starship: /^(init|completions)$/,
  atuin: /^init$/,
  mcfly: /^init$/,
  thefuck: /^--alias$/,
  opam: /^(env|config)$/,
  luarocks: /^path$/,
  dircolors: true,
  'register-python-argcomplete': true,
  'docker-machine': /^env$/,
  minikube: /^(docker-env|podman-env)$/,
  devbox: /^(shellenv|global)$/,
  pixi: /^shell-hook$/,
  nix: /^print-dev-env$/,
  'dbus-launch': true,
  'gnome-keyring-daemon': true,
  path_helper: true,
  luaenv: /^init$/,
  asdf: /^(completion|exec)$/,
  fzf: /^--(bash|zsh|fish)$/,
  kubectl: /^completion$/,
  helm: /^completion$/,
  gh: /^completion$/,
  npm: /^completion$/,
  pnpm: /^completion$/,
  rustup: /^completions$/,
  poetry: /^completions$/,
  pip: /^completion$/,
  uv: /^generate-shell-completion$/,
  deno: /^completions$/,
  terraform: /^-install-autocomplete$/,
  op: /^(signin|completion)$/,
  'aws-vault': /^--completion-script-/,
  sdk: /^env$/,
  resize: true,
  tset: true,
};

const PRINTER_RULES = new Map(Object.entries(PRINTERS));

export function isEnvironmentPrinter(command: Pick<SimpleCommand, 'program' | 'args'>): boolean {
  const rule = PRINTER_RULES.get(command.program);
  if (rule === undefined) return false;
  if (rule === true) return true;
  return command.args.some((arg) => rule.test(arg));
}

/** Programs `dumpsEnvironment` may say yes to: a cheap first test. */
export const ENVIRONMENT_DUMPERS = new Set([
  'env',
  'printenv',
  'set',
  'export',
  'declare',
  'typeset',
  'compgen',
  'cat',
  'strings',
  'xargs',
]);

/** Commands whose output is the whole environment (`env`, `printenv`, `set`, `export -p`). */
export function dumpsEnvironment(command: Pick<SimpleCommand, 'program' | 'args'>): boolean {
  const { program, args } = command;
  if (program === 'env' || program === 'printenv') return args.every((arg) => arg.startsWith('-'));
  if (program === 'set' || program === 'export' || program === 'declare' || program === 'typeset')
    return args.length === 0 || args.every((arg) => /^-[px]+$/.test(arg));
  if (program === 'compgen') return args.includes('-e') || args.includes('-v');
  if (program === 'cat' || program === 'strings' || program === 'xargs')
    return args.some((arg) => /^\/proc\/(self|\d+|\*|\$\$)\/environ$/.test(arg));
  return false;
}

/** Programs that send their input or arguments to another machine. */
export const SENDERS = new Set([
  'curl',
  'wget',
  'wget2',
  'http',
  'https',
  'xh',
  'curlie',
  'nc',
  'ncat',
  'netcat',
  'socat',
  'telnet',
  'openssl',
  'ssh',
  'scp',
  'sftp',
  'ftp',
  'lftp',
  'mail',
  'mailx',
  'sendmail',
  'gh',
  'aws',
]);
