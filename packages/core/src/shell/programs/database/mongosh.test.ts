import { describe, expect, it } from 'vitest';
import { describeLine, itDecides } from '../program-test.js';

describe('database/mongosh', () => {
  it("raises shell.database_destructive for mongosh shop --eval 'db.dropDatabase()'", () => {
    const result = describeLine("mongosh shop --eval 'db.dropDatabase()'");
    expect(result.findings).toEqual(['shell.database_destructive']);
  });
  it("raises shell.database_destructive for mongosh --eval 'db.orders.deleteMany({})'", () => {
    const result = describeLine("mongosh --eval 'db.orders.deleteMany({})'");
    expect(result.findings).toEqual(['shell.database_destructive']);
  });
  it("raises nothing for mongosh --eval 'db.orders.find({status: 1})'", () => {
    const result = describeLine("mongosh --eval 'db.orders.find({status: 1})'");
    expect(result.findings).toEqual([]);
  });
});

describe('database/mongosh through the engine', () => {
  itDecides([
    { command: "mongosh --eval 'db.users.find()'", effect: 'allow' },
    {
      command: "mongo app --eval 'db.dropDatabase()'",
      effect: 'ask',
      findings: ['shell.database_destructive'],
    },
    {
      command: "echo 'db.dropDatabase()' | mongosh prod",
      effect: 'ask',
      findings: ['shell.database_destructive'],
      programs: ['echo', 'mongosh'],
    },
  ]);
});
