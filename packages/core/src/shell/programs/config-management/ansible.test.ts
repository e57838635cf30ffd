import { describe, expect, it } from 'vitest';
import { describeLine, itDecides } from '../program-test.js';

describe('config-management/ansible', () => {
  it("raises shell.remote_exec for ansible all -m shell -a 'rm -rf /tmp/cache'", () => {
    const result = describeLine("ansible all -m shell -a 'rm -rf /tmp/cache'");
    expect(result.findings).toEqual(['shell.remote_exec']);
  });
  it("raises shell.remote_exec for ansible web -a 'reboot'", () => {
    const result = describeLine("ansible web -a 'reboot'");
    expect(result.findings).toEqual(['shell.remote_exec']);
  });
  it('raises nothing for ansible all -m ping', () => {
    const result = describeLine('ansible all -m ping');
    expect(result.findings).toEqual([]);
  });
  it("raises shell.remote_exec for salt '*' cmd.run 'id'", () => {
    const result = describeLine("salt '*' cmd.run 'id'");
    expect(result.findings).toEqual(['shell.remote_exec']);
  });
  it("raises shell.remote_exec for pssh -h hosts.txt 'uptime'", () => {
    const result = describeLine("pssh -h hosts.txt 'uptime'");
    expect(result.findings).toEqual(['shell.remote_exec']);
  });
});

describe('config-management/ansible through the engine', () => {
  itDecides([
    { command: "ansible all -m shell -a 'rm -rf /tmp/x'", effect: 'ask', findings: ['shell.remote_exec'] },
    { command: 'ansible-playbook site.yml --check', effect: 'allow' },
    { command: "salt '*' cmd.run 'id'", effect: 'ask', findings: ['shell.remote_exec'] },
    { command: "salt-ssh '*' test.ping", effect: 'allow' },
    { command: 'pssh -h hosts uptime', effect: 'ask', findings: ['shell.remote_exec'] },
    { command: 'parallel-ssh -h hosts uptime', effect: 'ask', findings: ['shell.remote_exec'] },
    { command: 'pdsh -w web[1-3] uptime', effect: 'ask', findings: ['shell.remote_exec'] },
    { command: 'clush -w web[1-3] uptime', effect: 'ask', findings: ['shell.remote_exec'] },
    { command: 'mussh -H hosts -c uptime', effect: 'ask', findings: ['shell.remote_exec'] },
    { command: "knife ssh 'role:web' uptime", effect: 'ask', findings: ['shell.remote_exec'] },
  ]);
});
