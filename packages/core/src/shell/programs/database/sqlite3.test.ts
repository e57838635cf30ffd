import { describe, expect, it } from 'vitest';
import { describeLine, itDecides } from '../program-test.js';

describe('database/sqlite3', () => {
  it("raises shell.database_destructive and names write:app.db for sqlite3 app.db 'DROP TABLE sessions'", () => {
    const result = describeLine("sqlite3 app.db 'DROP TABLE sessions'");
    expect(result.findings).toEqual(['shell.database_destructive']);
    expect(result.targets).toEqual(expect.arrayContaining(['write:app.db']));
  });
  it("raises nothing and names write:app.db for sqlite3 app.db '.tables'", () => {
    const result = describeLine("sqlite3 app.db '.tables'");
    expect(result.findings).toEqual([]);
    expect(result.targets).toEqual(expect.arrayContaining(['write:app.db']));
  });
});

describe('database/sqlite3 through the engine', () => {
  itDecides([
    { command: "sqlite3 app.db '.tables'", effect: 'allow' },
    { command: "sqlite app.db 'DROP TABLE users'", effect: 'ask', findings: ['shell.database_destructive'] },
    {
      command: 'sqlite3 app.db <<< "DROP TABLE events"',
      effect: 'ask',
      findings: ['shell.database_destructive'],
    },
    { command: 'echo ".tables" | sqlite3 app.db', effect: 'allow', programs: ['echo', 'sqlite3'] },
  ]);
});
