import { describe, expect, it } from 'vitest';
import { describeLine, itDecides } from '../program-test.js';

describe('credentials/credential-helpers', () => {
  it('raises shell.credential_print for git-credential-osxkeychain get', () => {
    const result = describeLine('git-credential-osxkeychain get');
    expect(result.findings).toEqual(['shell.credential_print']);
  });
  it('raises shell.credential_print for docker-credential-desktop get', () => {
    const result = describeLine('docker-credential-desktop get');
    expect(result.findings).toEqual(['shell.credential_print']);
  });
  it('raises shell.credential_print for secret-tool lookup service github', () => {
    const result = describeLine('secret-tool lookup service github');
    expect(result.findings).toEqual(['shell.credential_print']);
  });
  it('raises nothing for secret-tool store --label x service y', () => {
    const result = describeLine('secret-tool store --label x service y');
    expect(result.findings).toEqual([]);
  });
});

describe('credentials/credential-helpers through the engine', () => {
  itDecides([
    { command: 'git-credential-osxkeychain get', effect: 'ask', findings: ['shell.credential_print'] },
    { command: 'git-credential-manager get', effect: 'ask', findings: ['shell.credential_print'] },
    { command: 'git-credential-manager-core get', effect: 'ask', findings: ['shell.credential_print'] },
    { command: 'git-credential-store get', effect: 'ask', findings: ['shell.credential_print'] },
    { command: 'git-credential-libsecret get', effect: 'ask', findings: ['shell.credential_print'] },
    { command: 'git-credential-cache get', effect: 'ask', findings: ['shell.credential_print'] },
    { command: 'git-credential-wincred get', effect: 'ask', findings: ['shell.credential_print'] },
    {
      command: 'echo reg.example | docker-credential-desktop get',
      effect: 'ask',
      findings: ['shell.credential_print'],
      programs: ['echo', 'docker-credential-desktop'],
    },
    {
      command: 'echo reg.example | docker-credential-osxkeychain get',
      effect: 'ask',
      findings: ['shell.credential_print'],
      programs: ['echo', 'docker-credential-osxkeychain'],
    },
    {
      command: 'echo reg.example | docker-credential-pass get',
      effect: 'ask',
      findings: ['shell.credential_print'],
      programs: ['echo', 'docker-credential-pass'],
    },
    {
      command: 'echo reg.example | docker-credential-secretservice get',
      effect: 'ask',
      findings: ['shell.credential_print'],
      programs: ['echo', 'docker-credential-secretservice'],
    },
    {
      command: 'echo reg.example | docker-credential-ecr-login get',
      effect: 'ask',
      findings: ['shell.credential_print'],
      programs: ['echo', 'docker-credential-ecr-login'],
    },
    {
      command: 'echo reg.example | docker-credential-gcloud get',
      effect: 'ask',
      findings: ['shell.credential_print'],
      programs: ['echo', 'docker-credential-gcloud'],
    },
    {
      command: 'echo reg.example | docker-credential-wincred get',
      effect: 'ask',
      findings: ['shell.credential_print'],
      programs: ['echo', 'docker-credential-wincred'],
    },
    { command: 'secret-tool lookup service github', effect: 'ask', findings: ['shell.credential_print'] },
    { command: 'kwallet-query -r github kdewallet', effect: 'ask', findings: ['shell.credential_print'] },
    { command: 'keyring get github dev', effect: 'ask', findings: ['shell.credential_print'] },
  ]);
});
