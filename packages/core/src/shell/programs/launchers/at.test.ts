import { describe, expect, it } from 'vitest';
import { describeLine } from '../program-test.js';

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
