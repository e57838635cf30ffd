import { describe, expect, it } from 'vitest';
import { describeLine } from '../program-test.js';

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
