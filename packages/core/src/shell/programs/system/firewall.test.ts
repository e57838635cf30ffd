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
    { command: 'iptables -A INPUT -j ACCEPT', effect: 'deny', findings: ['shell.firewall_flush'] },
    { command: 'iptables -I INPUT 1 -j ACCEPT', effect: 'deny', findings: ['shell.firewall_flush'] },
    { command: 'iptables -A INPUT -p tcp --dport 8080 -j ACCEPT', effect: 'allow' },
    { command: 'ufw allow from any to any', effect: 'deny', findings: ['shell.firewall_flush'] },
    { command: 'ufw default allow incoming', effect: 'deny', findings: ['shell.firewall_flush'] },
    { command: 'ufw allow from any to any port 443', effect: 'allow' },
    { command: 'ufw allow 22/tcp', effect: 'allow' },
    {
      command: 'firewall-cmd --permanent --add-port=0-65535/tcp',
      effect: 'deny',
      findings: ['shell.firewall_flush'],
    },
    {
      command: 'firewall-cmd --set-default-zone=trusted',
      effect: 'deny',
      findings: ['shell.firewall_flush'],
    },
    { command: 'firewall-cmd --permanent --add-service=https', effect: 'allow' },
    { command: 'firewall-cmd --list-all', effect: 'allow' },
  ]);
});
