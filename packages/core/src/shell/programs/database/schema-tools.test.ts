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
    { command: 'atlas schema apply --auto-approve', effect: 'allow' },
  ]);
});
