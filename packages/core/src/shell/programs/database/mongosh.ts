import { defineProgram, optionValues, raise } from '../program-module.js';
import { isDestructiveSql } from './destructive-sql.js';

export const mongosh = defineProgram({
  name: 'database/mongosh',
  programs: ['mongosh', 'mongo'],
  findings: [
    {
      id: 'shell.database_destructive',
      summary: 'A database client runs a statement that drops, truncates or empties data.',
    },
  ],
  ownsArguments: true,
  describe(call) {
    const scripts = optionValues(call.args, ['--eval']);
    if (call.stdin !== undefined) scripts.push(call.stdin);
    if (scripts.some(isDestructiveSql))
      raise(
        call,
        'shell.database_destructive',
        'This drops a MongoDB database or collection, or empties one.',
      );
  },
});
