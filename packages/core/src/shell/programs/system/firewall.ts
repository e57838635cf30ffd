import { defineProgram, raise, readWordsOrOperands, words } from '../program-module.js';

export const FIREWALL_FLUSH = {
  id: 'shell.firewall_flush',
  summary:
    'Firewall rules are flushed, deleted or the firewall switched off (iptables -F, nft flush, ufw disable).',
};

/** Programs of this module whose operands are words, not files. */
const WORD_PROGRAMS = new Set(['iptables', 'ip6tables', 'nft', 'ufw']);

/** Firewalls: flushing rules, accepting everything, switching the firewall off. */
export const firewall = defineProgram({
  name: 'system/firewall',
  programs: ['iptables', 'ip6tables', 'iptables-legacy', 'iptables-nft', 'nft', 'ufw', 'pfctl'],
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
  },
});
