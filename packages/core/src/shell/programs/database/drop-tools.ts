import { defineProgram, raise, words } from '../program-module.js';

export const dropTools = defineProgram({
  name: 'database/drop-tools',
  programs: ['dropdb', 'dropuser', 'mysqladmin', 'influx', 'etcdctl', 'consul'],
  findings: [
    {
      id: 'shell.database_destructive',
      summary: 'A database client runs a statement that drops, truncates or empties data.',
    },
  ],
  ownsArguments: true,
  describe(call) {
    const operands = words(call.args);
    const destructive =
      call.program === 'dropdb' ||
      call.program === 'dropuser' ||
      (call.program === 'mysqladmin' && operands.some((word) => word === 'drop')) ||
      (call.program === 'influx' && operands[1] === 'delete') ||
      (call.program === 'etcdctl' && operands[0] === 'del' && call.args.some((arg) => arg === '--prefix')) ||
      (call.program === 'consul' &&
        operands[0] === 'kv' &&
        operands[1] === 'delete' &&
        call.args.includes('-recurse'));
    if (destructive)
      raise(call, 'shell.database_destructive', 'This drops a database, its users or its data.');
  },
});
