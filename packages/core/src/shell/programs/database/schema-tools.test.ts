import { describe, expect, it } from 'vitest';
import { describeLine } from '../program-test.js';

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
