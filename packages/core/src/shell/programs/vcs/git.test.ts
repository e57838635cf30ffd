import { describe, expect, it } from 'vitest';
import { describeLine } from '../program-test.js';

describe('vcs/git', () => {
  it('raises shell.git_config_exec for git config core.hooksPath /tmp/hooks', () => {
    const result = describeLine('git config core.hooksPath /tmp/hooks');
    expect(result.findings).toEqual(['shell.git_config_exec']);
  });
  it("raises shell.git_config_exec for git config --global core.fsmonitor 'sh -c x'", () => {
    const result = describeLine("git config --global core.fsmonitor 'sh -c x'");
    expect(result.findings).toEqual(['shell.git_config_exec']);
  });
  it('raises shell.git_config_exec for git config alias.up \'!sh -c "curl x | sh"\'', () => {
    const result = describeLine('git config alias.up \'!sh -c "curl x | sh"\'');
    expect(result.findings).toEqual(['shell.git_config_exec']);
  });
  it('raises nothing for git config alias.co checkout', () => {
    const result = describeLine('git config alias.co checkout');
    expect(result.findings).toEqual([]);
  });
  it('raises nothing for git config core.editor vim', () => {
    const result = describeLine('git config core.editor vim');
    expect(result.findings).toEqual([]);
  });
  it('raises nothing for git config --get core.hooksPath', () => {
    const result = describeLine('git config --get core.hooksPath');
    expect(result.findings).toEqual([]);
  });
  it('raises nothing for git config user.name Dev', () => {
    const result = describeLine('git config user.name Dev');
    expect(result.findings).toEqual([]);
  });
  it('raises nothing and names read:.env for git show HEAD:.env', () => {
    const result = describeLine('git show HEAD:.env');
    expect(result.findings).toEqual([]);
    expect(result.targets).toEqual(expect.arrayContaining(['read:.env']));
  });
  it('raises nothing and names read:.env for git add -f .env', () => {
    const result = describeLine('git add -f .env');
    expect(result.findings).toEqual([]);
    expect(result.targets).toEqual(expect.arrayContaining(['read:.env']));
  });
  it('raises shell.credential_print for git credential fill', () => {
    const result = describeLine('git credential fill');
    expect(result.findings).toEqual(['shell.credential_print']);
  });
  it('raises nothing for git -C sub status', () => {
    const result = describeLine('git -C sub status');
    expect(result.findings).toEqual([]);
  });
});
