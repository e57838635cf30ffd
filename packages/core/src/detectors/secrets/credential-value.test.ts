import { describe, expect, it } from 'vitest';
import { isCredentialValue } from './credential-value.js';

const structural = (value: string, user?: string) =>
  isCredentialValue({ value, strength: 'structural', ...(user ? { user } : {}) });
const assignment = (value: string) => isCredentialValue({ value, strength: 'assignment' });

describe('isCredentialValue', () => {
  it('accepts passwords people and generators make', () => {
    for (const value of ['Hunter2Secret99', 'x7#Kp!2mQ9$vLr4w', 'Tr0ub4dor-Stack77', "'Bk9#xLm2vQ'"])
      expect(assignment(value), value).toBe(true);
    expect(structural('q8WfT3zLm2Xv')).toBe(true);
  });

  it('rejects references to a value kept elsewhere', () => {
    for (const value of [
      '$DB_PASS',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a `${VAR}` reference is the case under test
      '${DB_PASS}',
      '$(cat /run/secrets/pw)',
      '{{ .Values.pw }}',
      '%s',
      '%(pw)s',
      '#{pw}',
      '<password>',
      'process.env.DB_PASS',
      'ENC[AES256,data:x]',
    ])
      expect(structural(value), value).toBe(false);
  });

  it('rejects masks, stand-in words in leetspeak and the user name repeated', () => {
    for (const value of [
      '********',
      'xxxxxxxx',
      'P@ssw0rd!',
      'Password123!',
      'changeme',
      'mysecretpassword',
      'myPassword',
      'hunter2',
      'test-password-123',
    ])
      expect(structural(value), value).toBe(false);
    for (const value of ['Abcd1234!', 'Qwerty123!', 'asdf;lkj1234', 'Tr0ub4dor&3'])
      expect(assignment(value), value).toBe(false);
    expect(structural('postgres', 'postgres')).toBe(false);
    expect(structural('deploy-bot', 'deploy-bot')).toBe(false);
  });

  it('asks more of a value that only a key name calls a password', () => {
    expect(structural('Jk8s7Tq2Lm4x')).toBe(true);
    expect(assignment('abcdefgh1')).toBe(false);
    expect(assignment('/run/secrets/db_password')).toBe(false);
    expect(assignment('config.database.password')).toBe(false);
    expect(assignment('opts?.workSecret')).toBe(false);
    expect(assignment('env.PASS||fallback')).toBe(false);
  });
});
