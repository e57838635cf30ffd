import { CLOUD_DELETE, describeCloudDelete } from '../cloud/cloud-delete.js';
import { defineProgram, raise, readWordsOrOperands, words } from '../program-module.js';

/** Programs of this module whose operands are words, not files. */
const WORD_PROGRAMS = new Set(['supabase']);

/** Framework tools whose commands drop or reset a database (`rails db:drop`, `prisma migrate reset`). */
export const schemaTools = defineProgram({
  name: 'database/schema-tools',
  programs: [
    'rails',
    'rake',
    'prisma',
    'sequelize',
    'sequelize-cli',
    'knex',
    'supabase',
    'artisan',
    'flyway',
    'liquibase',
    'alembic',
    'diesel',
    'sqlx',
    'atlas',
  ],
  findings: [
    CLOUD_DELETE,
    {
      id: 'shell.database_destructive',
      summary: 'A database client runs a statement that drops, truncates or empties data.',
    },
  ],
  ownsArguments: true,
  describe(call) {
    readWordsOrOperands(call, WORD_PROGRAMS);
    if (call.program === 'supabase') describeCloudDelete(call);
    const operands = words(call.args);
    const [first, second] = operands;
    const destructive =
      operands.some((word) =>
        /^db:(drop|reset|purge|schema:load|wipe)$|^migrate:(fresh|reset)$|^db:seed:replant$/.test(word),
      ) ||
      (call.program === 'prisma' &&
        ((first === 'migrate' && second === 'reset') ||
          (first === 'db' && second === 'push' && call.args.includes('--force-reset')))) ||
      (call.program === 'supabase' &&
        first === 'db' &&
        second === 'reset' &&
        call.args.includes('--linked')) ||
      (call.program === 'flyway' && first === 'clean') ||
      (call.program === 'liquibase' && /^drop-?all$/i.test(first ?? '')) ||
      (call.program === 'alembic' && first === 'downgrade' && second === 'base') ||
      ((call.program === 'diesel' || call.program === 'sqlx') &&
        first === 'database' &&
        (second === 'reset' || second === 'drop')) ||
      (call.program === 'atlas' && first === 'schema' && second === 'clean') ||
      (call.program === 'knex' && first === 'migrate:rollback' && call.args.includes('--all'));
    if (destructive) raise(call, 'shell.database_destructive', 'This drops or resets a database.');
  },
});
