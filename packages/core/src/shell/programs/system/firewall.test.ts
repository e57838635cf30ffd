import { describe } from 'vitest';
import { itDecides } from '../program-test.js';

describe('system/firewall', () => {
  itDecides([
    { command: 'iptables -L -n', effect: 'allow' },
    { command: 'ufw status', effect: 'allow' },
    { command: 'nft list ruleset', effect: 'allow' },
    { command: 'iptables -F', effect: 'deny', findings: ['shell.firewall_flush'] },
    { command: 'ip6tables --flush', effect: 'deny', findings: ['shell.firewall_flush'] },
    { command: 'iptables-legacy -P INPUT ACCEPT', effect: 'deny', findings: ['shell.firewall_flush'] },
    { command: 'iptables-nft -X', effect: 'deny', findings: ['shell.firewall_flush'] },
    { command: 'nft flush ruleset', effect: 'deny', findings: ['shell.firewall_flush'] },
    { command: 'ufw disable', effect: 'deny', findings: ['shell.firewall_flush'] },
    { command: 'pfctl -d', effect: 'deny', findings: ['shell.firewall_flush'] },
  ]);
});
