import { defineProgram, type ProgramCall, raise, readWordsOrOperands, words } from '../program-module.js';

export const FIREWALL_FLUSH = {
  id: 'shell.firewall_flush',
  summary:
    'Firewall rules are flushed, deleted, the firewall switched off or opened to everything (iptables -F, nft flush, ufw disable, -j ACCEPT for all, ufw default allow).',
};

/** Programs of this module whose operands are words, not files. */
const WORD_PROGRAMS = new Set(['iptables', 'ip6tables', 'nft', 'ufw', 'firewall-cmd']);

/**
 * A rule that lets everything in: iptables `-A INPUT -j ACCEPT` with no source, protocol, port or
 * interface to narrow it; `ufw allow from any` with no port, `ufw default allow`; firewalld's
 * trusted zone as the default or every port added. Opening one port is everyday work.
 */
function opensEverything(call: ProgramCall): boolean {
  const { program, args } = call;
  const [first, second] = words(args);
  if (program === 'ufw')
    return (
      (first === 'default' && second === 'allow') ||
      (first === 'allow' &&
        args[args.indexOf('from') + 1] === 'any' &&
        !args.includes('port') &&
        !args.includes('proto'))
    );
  if (program === 'firewall-cmd')
    return args.some(
      (arg) =>
        /^--set-default-zone=trusted$/.test(arg) ||
        /^--add-port=(0|1)-65535\//.test(arg) ||
        /^--add-source=(0\.0\.0\.0\/0|::\/0)$/.test(arg) ||
        (/^--add-rich-rule=.*\baccept\b/.test(arg) && !/source|port|service/.test(arg)),
    );
  if (program.startsWith('iptables') || program === 'ip6tables') {
    const appends = args.some((arg) => /^(-[AI]|--append|--insert)$/.test(arg));
    const accepts = args.some(
      (arg, index) => (arg === '-j' || arg === '--jump') && args[index + 1] === 'ACCEPT',
    );
    const narrowed = args.some((arg) =>
      /^(-s|--source|-p|--protocol|--dport|--dports|--sport|-i|--in-interface|-m|--match|-d|--destination|--ctstate|--state)$/.test(
        arg,
      ),
    );
    return appends && accepts && !narrowed;
  }
  return false;
}

/** Firewalls: flushing rules, accepting everything, switching the firewall off. */
export const firewall = defineProgram({
  name: 'system/firewall',
  programs: [
    'iptables',
    'ip6tables',
    'iptables-legacy',
    'iptables-nft',
    'nft',
    'ufw',
    'pfctl',
    'firewall-cmd',
  ],
  findings: [FIREWALL_FLUSH],
  ownsArguments: true,
  describe(call) {
    readWordsOrOperands(call, WORD_PROGRAMS);
    const { program, args } = call;
    const [first, second] = words(args);
    const flushes =
      program === 'nft'
        ? first === 'flush' || (first === 'delete' && second === 'table')
        : program === 'ufw'
          ? first === 'disable' || first === 'reset'
          : program === 'pfctl'
            ? args.some((arg) => /^-[a-zA-Z]*[dF]/.test(arg))
            : args.some((arg) => /^(-[A-Za-z]*[FX][A-Za-z]*|--flush|--delete-chain)$/.test(arg)) ||
              (args.includes('-P') && args.includes('ACCEPT'));
    if (flushes) raise(call, FIREWALL_FLUSH.id, 'This removes firewall rules or switches the firewall off.');
    else if (opensEverything(call)) raise(call, FIREWALL_FLUSH.id, 'This opens the firewall to all traffic.');
  },
});
