import { defineProgram, readWords } from '../program-module.js';

/** Network probes: their operands are hosts, not files. */
export const probes = defineProgram({
  name: 'network/probes',
  programs: ['ping', 'dig', 'nslookup', 'host', 'whois', 'traceroute', 'telnet'],
  findings: [],
  ownsArguments: true,
  describe: readWords,
});
