import { describe, expect, it } from 'vitest';
import { describeLine, itDecides } from '../program-test.js';

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

describe('database/psql through the engine', () => {
  itDecides([
    { command: "psql -c 'SELECT 1'", effect: 'allow' },
    {
      command: "cockroach sql -e 'DROP DATABASE app'",
      effect: 'ask',
      findings: ['shell.database_destructive'],
    },
    { command: "clickhouse-client -q 'SELECT 1'", effect: 'allow' },
    {
      command: "clickhouse client -q 'DROP TABLE t'",
      effect: 'ask',
      findings: ['shell.database_destructive'],
    },
    { command: "cqlsh -e 'DESCRIBE KEYSPACES'", effect: 'allow' },
    { command: "duckdb app.duckdb 'SELECT 1'", effect: 'allow' },
    { command: "snowsql -q 'DROP TABLE t'", effect: 'ask', findings: ['shell.database_destructive'] },
    { command: 'bq rm -f -t ds.t', effect: 'ask', findings: ['shell.database_destructive'] },
    {
      command: 'echo "DROP TABLE users;" | psql prod',
      effect: 'ask',
      findings: ['shell.database_destructive'],
      programs: ['echo', 'psql'],
    },
    { command: 'psql prod <<< "TRUNCATE users"', effect: 'ask', findings: ['shell.database_destructive'] },
    {
      command: "psql prod <<'SQL'\nDELETE FROM orders;\nSQL",
      effect: 'ask',
      findings: ['shell.database_destructive'],
    },
    { command: 'echo "SELECT 1;" | psql dev', effect: 'allow', programs: ['echo', 'psql'] },
    {
      command: 'psql -c "UPDATE users SET admin = true WHERE 1=1"',
      effect: 'ask',
      findings: ['shell.database_destructive'],
    },
    {
      command: 'bq query --use_legacy_sql=false "DELETE FROM ds.events WHERE true"',
      effect: 'ask',
      findings: ['shell.database_destructive'],
    },
    { command: 'bq query "DELETE FROM ds.events WHERE ts < 2020"', effect: 'allow' },
  ]);
});
