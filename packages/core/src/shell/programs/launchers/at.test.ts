import { describe, expect, it } from 'vitest';
import { describeLine, itDecides } from '../program-test.js';

describe('launchers/at', () => {
  it('raises shell.deferred_exec for at now + 1 minute', () => {
    const result = describeLine('at now + 1 minute');
    expect(result.findings).toEqual(['shell.deferred_exec']);
  });
  it('raises shell.deferred_exec for batch', () => {
    const result = describeLine('batch');
    expect(result.findings).toEqual(['shell.deferred_exec']);
  });
  it('raises nothing for at -l', () => {
    const result = describeLine('at -l');
    expect(result.findings).toEqual([]);
  });
  it('raises shell.deferred_exec for systemd-run --user --on-calendar=daily ./backup.sh', () => {
    const result = describeLine('systemd-run --user --on-calendar=daily ./backup.sh');
    expect(result.findings).toEqual(['shell.deferred_exec']);
  });
});

describe('launchers/at through the engine', () => {
  itDecides([
    { command: 'at -l', effect: 'allow' },
    {
      command: "echo 'rm -rf ~' | at now + 1 minute",
      effect: 'deny',
      findings: ['shell.deferred_exec'],
      programs: ['echo', 'at', 'rm'],
    },
    { command: 'batch -f job.sh', effect: 'ask', findings: ['shell.deferred_exec'] },
    {
      command: 'systemd-run --user --on-calendar=daily ./backup.sh',
      effect: 'ask',
      findings: ['shell.deferred_exec'],
      programs: ['systemd-run', 'backup.sh'],
    },
  ]);
});
