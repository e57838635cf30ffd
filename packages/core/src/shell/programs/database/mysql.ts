import { addTarget, defineProgram, optionValues, raise } from '../program-module.js';
import { isDestructiveSql } from './destructive-sql.js';

export const mysql = defineProgram({
  name: 'database/mysql',
  programs: ['mysql', 'mariadb', 'mysqlsh'],
  findings: [
    {
      id: 'shell.database_destructive',
      summary: 'A database client runs a statement that drops, truncates or empties data.',
    },
  ],
  ownsArguments: true,
  describe(call) {
    const statements = optionValues(call.args, ['-e', '--execute', '--sql']);
    // `echo 'DROP DATABASE x' | mysql`, `mysql <<< ...`, a here-document.
    if (call.stdin !== undefined) statements.push(call.stdin);
    if (statements.some(isDestructiveSql))
      raise(call, 'shell.database_destructive', 'This runs SQL that drops or deletes data in a database.');
    for (const file of optionValues(call.args, ['--defaults-file', '--defaults-extra-file']))
      addTarget(call, file, 'read');
  },
});
