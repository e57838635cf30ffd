import { SHELLS } from '../../program-sets.js';
import { PORT_EXPOSURE } from '../network/tunnels.js';
import { defineProgram, type ProgramCall, raise, readWrapperFlags } from '../program-module.js';

export const ROOT_SHELL = {
  id: 'shell.root_shell',
  summary:
    'An interactive shell as root or another user (sudo -i, sudo -s, sudo su, su -, doas sh): everything typed into it afterwards escapes the analysis of each command.',
};

/** sudo's options that take a value, so the command after them is found. */
const SUDO_VALUED =
  /^-[ugCDhprtTUR]$|^--(user|group|close-from|chdir|host|prompt|role|type|command-timeout|other-user|chroot)$/;

/** The first word after a privilege wrapper's own options, and whether -i/-s asked for a shell. */
function afterOptions(call: ProgramCall): {
  command: string | undefined;
  shellFlag: boolean;
  rest: string[];
} {
  const { args } = call;
  let shellFlag = false;
  for (let index = 0; index < args.length; index++) {
    const arg = args[index]!;
    if (arg === '--') return { command: args[index + 1], shellFlag, rest: args.slice(index + 2) };
    if (!arg.startsWith('-') || arg === '-') {
      if (call.program === 'su' || call.program === 'runuser')
        return { command: undefined, shellFlag, rest: args.slice(index) };
      return { command: arg, shellFlag, rest: args.slice(index + 1) };
    }
    if (
      /^--(login|shell)$/.test(arg) ||
      (/^-[A-Za-z]+$/.test(arg) && /[is]/.test(arg) && call.program !== 'su')
    )
      shellFlag = true;
    if (call.program === 'sudo' && SUDO_VALUED.test(arg)) index++;
    if (call.program === 'doas' && /^-[uC]$/.test(arg)) index++;
  }
  return { command: undefined, shellFlag, rest: [] };
}

function describeWrapper(call: ProgramCall): void {
  readWrapperFlags(call);
  const { program, args } = call;
  if (program === 'ssh') {
    // `ssh -R 8080:localhost:22 host`: the remote side listens and forwards here.
    if (args.some((arg) => /^-[A-Za-z]*R/.test(arg) || /^-oRemoteForward|^RemoteForward[= ]/i.test(arg)))
      raise(call, PORT_EXPOSURE.id, 'ssh -R publishes a port of this machine on a remote host.');
    return;
  }
  if (!['sudo', 'doas', 'su', 'runuser', 'run0', 'pkexec'].includes(program)) return;
  const { command, shellFlag, rest } = afterOptions(call);
  const interactive =
    program === 'su' || program === 'runuser'
      ? // `runuser -u dev -- cmd` and `su user -- cmd` name their command after `--`.
        !args.some((arg) => /^(-c|--command|--session-command)(=|$)/.test(arg) || arg === '--')
      : command === undefined
        ? shellFlag || program === 'run0' || program === 'pkexec'
        : (SHELLS.has(command) &&
            !rest.some((arg) => arg === '-c' || /^-[a-z]*c$/.test(arg) || !arg.startsWith('-'))) ||
          ((command === 'su' || command === 'runuser') &&
            !rest.some((arg) => /^(-c|--command)(=|$)/.test(arg)));
  if (interactive)
    raise(
      call,
      ROOT_SHELL.id,
      `${program} opens an interactive shell as another user; its commands cannot be checked.`,
    );
}

/**
 * Programs that run another command (`sudo`, `env`, `xargs`, `sh -c`, `ssh host CMD`): their own
 * flags end where the command starts, and unwrap-command.ts says what they run.
 */
export const wrappers = defineProgram({
  name: 'wrappers/wrappers',
  programs: [
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
    'sshpass',
    'torsocks',
    'proxychains',
    'proxychains4',
    'entr',
    'eval',
  ],
  findings: [ROOT_SHELL],
  ownsArguments: true,
  describe: describeWrapper,
});
