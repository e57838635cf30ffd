import { addTarget, defineProgram, optionValues, raise, words } from '../program-module.js';
import { isDestructiveSql } from './destructive-sql.js';

export const psql = defineProgram({
  name: 'database/psql',
  programs: ['psql', 'cockroach', 'clickhouse-client', 'clickhouse', 'cqlsh', 'duckdb', 'snowsql', 'bq'],
  findings: [
    {
      id: 'shell.database_destructive',
      summary: 'A database client runs a statement that drops, truncates or empties data.',
    },
  ],
  ownsArguments: true,
  describe(call) {
    const statements = [
      ...optionValues(call.args, ['-c', '--command', '-e', '--execute', '-q', '--query']),
      // bq query "DELETE ..." and duckdb db.duckdb "DROP ..." take the statement as an operand.
      ...call.args.filter((arg) => !arg.startsWith('-') && /\s/.test(arg)),
      // `echo 'DROP TABLE x' | psql`, `psql <<< ...`, a here-document.
      ...(call.stdin !== undefined ? [call.stdin] : []),
    ];
    // `bq rm -t ds.table`, `bq rm -r -d ds`: BigQuery's own command deletes tables and datasets.
    if (call.program === 'bq' && words(call.args)[0] === 'rm')
      raise(call, 'shell.database_destructive', 'This deletes a BigQuery table or dataset.');
    else if (statements.some(isDestructiveSql))
      raise(call, 'shell.database_destructive', 'This runs SQL that drops or deletes data in a database.');
    for (const file of optionValues(call.args, ['-f', '--file'])) addTarget(call, file, 'read');
  },
});
