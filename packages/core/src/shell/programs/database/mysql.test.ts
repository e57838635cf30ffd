import { describe, expect, it } from 'vitest';
import { describeLine } from '../program-test.js';

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
