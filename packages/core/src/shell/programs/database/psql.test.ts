import { describe, expect, it } from 'vitest';
import { describeLine } from '../program-test.js';

describe('database/psql', () => {
  it('raises shell.database_destructive for psql -c "DROP DATABASE prod"', () => {
    const result = describeLine('psql -c "DROP DATABASE prod"');
    expect(result.findings).toEqual(['shell.database_destructive']);
  });
  it('raises shell.database_destructive for psql -h db -U app -c "TRUNCATE events"', () => {
    const result = describeLine('psql -h db -U app -c "TRUNCATE events"');
    expect(result.findings).toEqual(['shell.database_destructive']);
  });
  it('raises shell.database_destructive for psql -c "DELETE FROM users"', () => {
    const result = describeLine('psql -c "DELETE FROM users"');
    expect(result.findings).toEqual(['shell.database_destructive']);
  });
  it('raises nothing for psql -c "DELETE FROM users WHERE id = 4"', () => {
    const result = describeLine('psql -c "DELETE FROM users WHERE id = 4"');
    expect(result.findings).toEqual([]);
  });
  it('raises nothing for psql -c "SELECT count(*) FROM users"', () => {
    const result = describeLine('psql -c "SELECT count(*) FROM users"');
    expect(result.findings).toEqual([]);
  });
  it('raises nothing for psql -c "SELECT \'drop table x\'"', () => {
    const result = describeLine('psql -c "SELECT \'drop table x\'"');
    expect(result.findings).toEqual([]);
  });
  it('raises nothing and names read:migrations/001.sql for psql -f migrations/001.sql', () => {
    const result = describeLine('psql -f migrations/001.sql');
    expect(result.findings).toEqual([]);
    expect(result.targets).toEqual(expect.arrayContaining(['read:migrations/001.sql']));
  });
  it('raises shell.database_destructive for bq query "DROP TABLE ds.events"', () => {
    const result = describeLine('bq query "DROP TABLE ds.events"');
    expect(result.findings).toEqual(['shell.database_destructive']);
  });
});
