import { CLOUD_DELETE, describeCloudDelete } from '../cloud/cloud-delete.js';
import { describePlatformSecretRead } from '../cloud/platform-secrets.js';
import { CREDENTIAL_PRINT } from '../hosting/gh.js';
import { defineProgram, raise, readWordsOrOperands, words } from '../program-module.js';

/** Programs of this module whose operands are words, not files. */
const WORD_PROGRAMS = new Set(['supabase']);

/**
 * Framework and migration tools whose commands drop, reset or empty a database (`rails db:drop`,
 * `prisma migrate reset`, `manage.py flush`, `sqitch revert`, `migrate down -all`), or apply a
 * schema that drops data without the prompt that would catch it (`atlas schema apply
 * --auto-approve`, `prisma db push --accept-data-loss`, `drizzle-kit push --force`).
 */
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
    'typeorm',
    'drizzle-kit',
    'mikro-orm',
    'dbmate',
    'migrate',
    'sqitch',
    'manage.py',
    'django-admin',
    'mix',
    'console',
  ],
  findings: [
    CLOUD_DELETE,
    CREDENTIAL_PRINT,
    {
      id: 'shell.database_destructive',
      summary: 'A database client runs a statement that drops, truncates or empties data.',
    },
  ],
  ownsArguments: true,
  describe(call) {
    readWordsOrOperands(call, WORD_PROGRAMS);
    if (call.program === 'supabase') {
      describeCloudDelete(call);
      describePlatformSecretRead(call);
    }
    const operands = words(call.args);
    const [first, second] = operands;
    const has = (...names: string[]) => call.args.some((arg) => names.includes(arg.replace(/=.*$/, '')));
    const destructive =
      operands.some((word) =>
        /^db:(drop|reset|purge|schema:load|wipe)$|^migrate:(fresh|reset)$|^db:seed:replant$|^(doctrine:)?(database|schema):drop$|^(schema|migration):fresh$|^ecto\.(drop|reset)$/.test(
          word,
        ),
      ) ||
      // Declarative schema tools told not to ask before dropping what the schema lacks.
      (call.program === 'atlas' && first === 'schema' && second === 'apply' && has('--auto-approve')) ||
      (call.program === 'prisma' && first === 'db' && second === 'push' && has('--accept-data-loss')) ||
      (call.program === 'drizzle-kit' && first === 'push' && has('--force')) ||
      (call.program === 'sqitch' && (first === 'revert' || first === 'rebase')) ||
      ((call.program === 'manage.py' || call.program === 'django-admin') &&
        (first === 'flush' || first === 'reset_db' || (first === 'migrate' && operands[2] === 'zero'))) ||
      (call.program === 'dbmate' && first === 'drop') ||
      (call.program === 'migrate' &&
        operands.some(
          (word, index) => word === 'drop' || (word === 'down' && !/^\d+$/.test(operands[index + 1] ?? '')),
        )) ||
      (call.program === 'console' && first === 'doctrine:fixtures:load' && !has('--append')) ||
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
