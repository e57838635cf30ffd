import { describe, expect, it } from 'vitest';
import { describeLine, itDecides } from '../program-test.js';

describe('database/redis-cli', () => {
  it('raises shell.database_destructive for redis-cli FLUSHALL', () => {
    const result = describeLine('redis-cli FLUSHALL');
    expect(result.findings).toEqual(['shell.database_destructive']);
  });
  it('raises shell.database_destructive for redis-cli -h cache -n 2 flushdb', () => {
    const result = describeLine('redis-cli -h cache -n 2 flushdb');
    expect(result.findings).toEqual(['shell.database_destructive']);
  });
  it('raises nothing for redis-cli GET session:1', () => {
    const result = describeLine('redis-cli GET session:1');
    expect(result.findings).toEqual([]);
  });
});

describe('database/redis-cli through the engine', () => {
  itDecides([
    { command: 'redis-cli ping', effect: 'allow' },
    { command: 'valkey-cli FLUSHALL', effect: 'ask', findings: ['shell.database_destructive'] },
    { command: 'keydb-cli flushdb', effect: 'ask', findings: ['shell.database_destructive'] },
    {
      command: 'echo FLUSHALL | redis-cli -h prod',
      effect: 'ask',
      findings: ['shell.database_destructive'],
      programs: ['echo', 'redis-cli'],
    },
    { command: 'echo PING | redis-cli', effect: 'allow', programs: ['echo', 'redis-cli'] },
  ]);
});
