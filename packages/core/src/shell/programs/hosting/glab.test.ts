import { describe, expect, it } from 'vitest';
import { describeLine, itDecides } from '../program-test.js';

describe('hosting/glab', () => {
  it('raises shell.hosted_destructive for glab repo delete group/app --yes', () => {
    const result = describeLine('glab repo delete group/app --yes');
    expect(result.findings).toEqual(['shell.hosted_destructive']);
  });
  it('raises shell.hosted_destructive for glab api --method DELETE projects/1', () => {
    const result = describeLine('glab api --method DELETE projects/1');
    expect(result.findings).toEqual(['shell.hosted_destructive']);
  });
  it('raises nothing for glab mr list', () => {
    const result = describeLine('glab mr list');
    expect(result.findings).toEqual([]);
  });
});

describe('hosting/glab through the engine', () => {
  itDecides([
    { command: 'glab mr list', effect: 'allow' },
    { command: 'glab repo delete group/app --yes', effect: 'ask', findings: ['shell.hosted_destructive'] },
    { command: 'tea repos ls', effect: 'allow' },
    { command: 'bb repo list', effect: 'allow' },
    { command: 'glab variable list', effect: 'ask', findings: ['shell.credential_print'] },
    { command: 'glab variable get DEPLOY_TOKEN', effect: 'ask', findings: ['shell.credential_print'] },
    { command: 'glab variable set FOO bar', effect: 'allow' },
  ]);
});
