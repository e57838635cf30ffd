import { addTarget, defineProgram, raise, words } from '../program-module.js';
import { isDestructiveSql } from './destructive-sql.js';

export const sqlite3 = defineProgram({
  name: 'database/sqlite3',
  programs: ['sqlite3', 'sqlite'],
  findings: [
    {
      id: 'shell.database_destructive',
      summary: 'A database client runs a statement that drops, truncates or empties data.',
    },
  ],
  ownsArguments: true,
  describe(call) {
    // sqlite3 [options] FILE [SQL...]: the database file, then statements.
    const operands = words(call.args);
    const [database, ...statements] = operands;
    if (database !== undefined && !database.includes(' ')) addTarget(call, database, 'write');
    if (call.stdin !== undefined) statements.push(call.stdin);
    if (statements.some(isDestructiveSql))
      raise(call, 'shell.database_destructive', 'This runs SQL that drops or deletes data in a database.');
  },
});
