import { describe, expect, it } from 'vitest';
import { describeLine, itDecides } from '../program-test.js';

describe('database/schema-tools', () => {
  it('raises shell.database_destructive for rails db:drop', () => {
    const result = describeLine('rails db:drop');
    expect(result.findings).toEqual(['shell.database_destructive']);
  });
  it('raises shell.database_destructive for prisma migrate reset --force', () => {
    const result = describeLine('prisma migrate reset --force');
    expect(result.findings).toEqual(['shell.database_destructive']);
  });
  it('raises shell.database_destructive for prisma db push --force-reset', () => {
    const result = describeLine('prisma db push --force-reset');
    expect(result.findings).toEqual(['shell.database_destructive']);
  });
  it('raises nothing for prisma migrate dev', () => {
    const result = describeLine('prisma migrate dev');
    expect(result.findings).toEqual([]);
  });
  it('raises nothing for rake db:migrate', () => {
    const result = describeLine('rake db:migrate');
    expect(result.findings).toEqual([]);
  });
  it('raises shell.database_destructive for flyway clean', () => {
    const result = describeLine('flyway clean');
    expect(result.findings).toEqual(['shell.database_destructive']);
  });
});

describe('database/schema-tools through the engine', () => {
  itDecides([
    { command: 'rails db:migrate', effect: 'allow' },
    { command: 'rails db:drop', effect: 'ask', findings: ['shell.database_destructive'] },
    { command: 'rake db:reset', effect: 'ask', findings: ['shell.database_destructive'] },
    { command: 'prisma migrate dev', effect: 'allow' },
    { command: 'prisma migrate reset --force', effect: 'ask', findings: ['shell.database_destructive'] },
    { command: 'sequelize db:migrate', effect: 'allow' },
    { command: 'sequelize-cli db:drop', effect: 'ask', findings: ['shell.database_destructive'] },
    { command: 'knex migrate:latest', effect: 'allow' },
    { command: 'supabase db reset', effect: 'ask', findings: ['shell.cloud_delete'] },
    { command: 'artisan migrate:fresh', effect: 'ask', findings: ['shell.database_destructive'] },
    { command: 'flyway clean', effect: 'ask', findings: ['shell.database_destructive'] },
    { command: 'liquibase update', effect: 'allow' },
    { command: 'alembic upgrade head', effect: 'allow' },
    { command: 'diesel database reset', effect: 'ask', findings: ['shell.database_destructive'] },
    { command: 'sqlx database drop -y', effect: 'ask', findings: ['shell.database_destructive'] },
    { command: 'atlas schema apply --auto-approve', effect: 'ask', findings: ['shell.database_destructive'] },
    { command: 'atlas schema apply --url "$DB" --to file://schema.hcl --dry-run', effect: 'allow' },
    { command: 'atlas migrate apply --env prod', effect: 'allow' },
    {
      command: 'npx prisma db push --accept-data-loss',
      effect: 'ask',
      findings: ['shell.database_destructive'],
      programs: ['npx', 'prisma'],
    },
    { command: 'prisma db push', effect: 'allow' },
    {
      command: 'npx drizzle-kit push --force',
      effect: 'ask',
      findings: ['shell.database_destructive'],
      programs: ['npx', 'drizzle-kit'],
    },
    { command: 'drizzle-kit generate', effect: 'allow' },
    {
      command: 'npx typeorm schema:drop -d src/data-source.ts',
      effect: 'ask',
      findings: ['shell.database_destructive'],
      programs: ['npx', 'typeorm'],
    },
    { command: 'typeorm migration:run -d dist/data-source.js', effect: 'allow' },
    { command: 'mikro-orm schema:fresh --run', effect: 'ask', findings: ['shell.database_destructive'] },
    { command: 'mikro-orm migration:up', effect: 'allow' },
    { command: 'dbmate drop', effect: 'ask', findings: ['shell.database_destructive'] },
    { command: 'dbmate up', effect: 'allow' },
    {
      command: 'migrate -path db/migrations -database "$DATABASE_URL" down -all',
      effect: 'ask',
      findings: ['shell.database_destructive'],
    },
    { command: 'migrate -path db/migrations -database "$DATABASE_URL" down 1', effect: 'allow' },
    { command: 'migrate -path db/migrations -database "$DATABASE_URL" up', effect: 'allow' },
    { command: 'sqitch revert -y db:pg://prod/app', effect: 'ask', findings: ['shell.database_destructive'] },
    { command: 'sqitch deploy db:pg:app', effect: 'allow' },
    {
      command: './manage.py flush --noinput',
      effect: 'ask',
      findings: ['shell.database_destructive'],
      programs: ['manage.py'],
    },
    {
      command: './manage.py reset_db',
      effect: 'ask',
      findings: ['shell.database_destructive'],
      programs: ['manage.py'],
    },
    { command: './manage.py makemigrations', effect: 'allow', programs: ['manage.py'] },
    {
      command: 'bin/console doctrine:schema:drop --force',
      effect: 'ask',
      findings: ['shell.database_destructive'],
      programs: ['console'],
    },
    {
      command: 'bin/console doctrine:fixtures:load -n',
      effect: 'ask',
      findings: ['shell.database_destructive'],
      programs: ['console'],
    },
    { command: 'bin/console doctrine:fixtures:load --append', effect: 'allow', programs: ['console'] },
    { command: 'bin/console cache:clear', effect: 'allow', programs: ['console'] },
    { command: 'manage.py flush', effect: 'ask', findings: ['shell.database_destructive'] },
    {
      command: 'console doctrine:database:drop --force',
      effect: 'ask',
      findings: ['shell.database_destructive'],
    },
    {
      command: 'yarn typeorm schema:drop',
      effect: 'ask',
      findings: ['shell.database_destructive'],
      programs: ['yarn', 'typeorm'],
    },
    {
      command: 'pnpm drizzle-kit push --force',
      effect: 'ask',
      findings: ['shell.database_destructive'],
      programs: ['pnpm', 'drizzle-kit'],
    },
    { command: 'pnpm drizzle-kit generate', effect: 'allow', programs: ['pnpm', 'drizzle-kit'] },
    { command: 'django-admin flush --noinput', effect: 'ask', findings: ['shell.database_destructive'] },
    { command: 'django-admin startproject site', effect: 'allow' },
    { command: 'mix ecto.reset', effect: 'ask', findings: ['shell.database_destructive'] },
    { command: 'mix ecto.migrate', effect: 'allow' },
  ]);
});
