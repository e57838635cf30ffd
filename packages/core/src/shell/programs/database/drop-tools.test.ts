import { describe, expect, it } from 'vitest';
import { describeLine, itDecides } from '../program-test.js';

describe('database/drop-tools', () => {
  it('raises shell.database_destructive for dropdb prod', () => {
    const result = describeLine('dropdb prod');
    expect(result.findings).toEqual(['shell.database_destructive']);
  });
  it('raises shell.database_destructive for mysqladmin -u root drop shop', () => {
    const result = describeLine('mysqladmin -u root drop shop');
    expect(result.findings).toEqual(['shell.database_destructive']);
  });
  it('raises nothing for mysqladmin status', () => {
    const result = describeLine('mysqladmin status');
    expect(result.findings).toEqual([]);
  });
  it('raises shell.database_destructive for etcdctl del / --prefix', () => {
    const result = describeLine('etcdctl del / --prefix');
    expect(result.findings).toEqual(['shell.database_destructive']);
  });
});

describe('database/drop-tools through the engine', () => {
  itDecides([
    { command: 'dropdb app_dev', effect: 'ask', findings: ['shell.database_destructive'] },
    { command: 'dropuser app', effect: 'ask', findings: ['shell.database_destructive'] },
    { command: 'mysqladmin status', effect: 'allow' },
    { command: 'influx bucket delete -n metrics', effect: 'ask', findings: ['shell.database_destructive'] },
    { command: 'etcdctl del --prefix /', effect: 'ask', findings: ['shell.database_destructive'] },
    { command: 'consul kv delete -recurse app', effect: 'ask', findings: ['shell.database_destructive'] },
  ]);
});
