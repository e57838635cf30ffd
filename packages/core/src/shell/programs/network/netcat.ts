import { scanOptions } from '../../parse-options.js';
import { defineProgram, type ProgramCall, raise } from '../program-module.js';

export const REVERSE_SHELL = {
  id: 'shell.reverse_shell',
  summary:
    'A shell or program is connected to a network socket (nc -e, socat EXEC:, /dev/tcp): a reverse or bind shell.',
};

function describeReverseShellTool(call: ProgramCall): void {
  const { program, args } = call;
  if (program === 'socat') {
    const addresses = args.filter((arg) => !arg.startsWith('-'));
    const runs = addresses.some((address) => /^(exec|system):/i.test(address));
    const network = addresses.some((address) =>
      /^(tcp|tcp4|tcp6|tcp-connect|tcp-listen|tcp4-listen|tcp6-listen|udp|udp-connect|udp-listen|openssl|openssl-connect|openssl-listen|ssl|sctp|socks4a?|proxy)[:-]/i.test(
        address,
      ),
    );
    if (runs && network)
      raise(
        call,
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
  call.description.flags = scanned.flags;
  const runs = ['e', 'c', 'exec', 'sh-exec', 'lua-exec'].some((name) => scanned.values.has(name));
  if (runs)
    raise(
      call,
      'shell.reverse_shell',
      `${program} runs a program on a network connection: a reverse or bind shell.`,
    );
}

/** Netcat and socat: connecting a program to a socket is a reverse or bind shell. */
export const netcat = defineProgram({
  name: 'network/netcat',
  programs: ['nc', 'ncat', 'netcat', 'socat'],
  findings: [REVERSE_SHELL],
  ownsArguments: true,
  describe: describeReverseShellTool,
});
