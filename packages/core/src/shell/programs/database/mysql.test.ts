import { describe, expect, it } from 'vitest';
import { describeLine, itDecides } from '../program-test.js';

describe('database/mysql', () => {
  it("raises shell.database_destructive for mysql -u root -e 'drop database shop'", () => {
    const result = describeLine("mysql -u root -e 'drop database shop'");
    expect(result.findings).toEqual(['shell.database_destructive']);
  });
  it("raises shell.database_destructive for mysql --execute='UPDATE accounts SET balance = 0'", () => {
    const result = describeLine("mysql --execute='UPDATE accounts SET balance = 0'");
    expect(result.findings).toEqual(['shell.database_destructive']);
  });
  it("raises nothing for mysql -e 'UPDATE accounts SET balance = 0 WHERE id = 1'", () => {
    const result = describeLine("mysql -e 'UPDATE accounts SET balance = 0 WHERE id = 1'");
    expect(result.findings).toEqual([]);
  });
  it("raises nothing for mysql -e 'show tables'", () => {
    const result = describeLine("mysql -e 'show tables'");
    expect(result.findings).toEqual([]);
  });
});

describe('database/mysql through the engine', () => {
  itDecides([
    { command: "mysql -e 'SELECT 1'", effect: 'allow' },
    { command: "mariadb -e 'DROP DATABASE app'", effect: 'ask', findings: ['shell.database_destructive'] },
    {
      command: "mysqlsh --sql -e 'TRUNCATE TABLE users'",
      effect: 'ask',
      findings: ['shell.database_destructive'],
    },
    {
      command: "printf 'DROP DATABASE prod;\\n' | mysql -u root",
      effect: 'ask',
      findings: ['shell.database_destructive'],
      programs: ['printf', 'mysql'],
    },
    { command: 'mysql dev <<< "SHOW TABLES"', effect: 'allow' },
  ]);
});
