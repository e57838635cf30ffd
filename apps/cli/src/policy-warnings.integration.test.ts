import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

let home: string;
beforeEach(() => {
  home = mkdtempSync(path.join(os.tmpdir(), 'warden-cli-empty-policy-'));
  mkdirSync(path.join(home, 'repo'), { recursive: true });
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

const cli = (argv: string[], policy: string) => {
  const file = path.join(home, 'policy.yaml');
  writeFileSync(file, policy, { mode: 0o600 });
  return runCli({
    argv,
    env: {
      HOME: home,
      WARDEN_HOME: path.join(home, '.warden'),
      WARDEN_POLICY: file,
      PATH: process.env.PATH ?? '',
      CLAUDE_CONFIG_DIR: path.join(home, '.claude'),
      CODEX_HOME: path.join(home, '.codex'),
    },
    cwd: path.join(home, 'repo'),
  });
};

describe('warden policy test and doctor with a rule-less policy', () => {
  it('policy test warns on stderr and still decides with the recommended protections', async () => {
    const result = await cli(['policy', 'test', '--', 'rm -rf ~'], 'rules: []\n');
    expect(result.stdout).toMatch(/Decision: DENY/);
    expect(result.stderr).toMatch(
      /^warden: warning: the policy .*policy\.yaml has no rule that denies or asks/m,
    );
    expect(result.stderr).toContain('acknowledge: no-protections');
  });

  it('doctor lists the warning and repeats it on stderr', async () => {
    const result = await cli(['doctor'], '');
    expect(result.stdout).toMatch(/warn +warden +the policy .* keeps the recommended pack's protections/);
    expect(result.stderr).toMatch(/warden: warning: .*no rule that denies or asks/);
    expect(result.stdout).toMatch(/self-protection also covers a policy file in force \(\d+\)/);
  });

  it('an acknowledged policy is still named on stderr, and blocks nothing', async () => {
    const result = await cli(
      ['policy', 'test', '--', 'rm -rf ~'],
      'extends: none\nacknowledge: no-protections\n',
    );
    expect(result.stdout).toMatch(/Decision: ALLOW/);
    expect(result.stderr).toMatch(/blocks nothing/);
  });

  it('policy check names the warning for the policy in force and for a file given', async () => {
    const inForce = await cli(['policy', 'check'], '{}\n');
    expect(inForce.exitCode).toBe(0);
    expect(inForce.stderr).toMatch(/warden: warning: .*no rule that denies or asks/);
    const given = await cli(['policy', 'check', path.join(home, 'policy.yaml')], 'rules: []\n');
    expect(given.stderr).toMatch(/warden: warning: .*keeps the recommended pack's protections/);
  });

  it('a policy with protections prints no warning', async () => {
    const result = await cli(['policy', 'test', '--', 'ls'], 'extends: recommended\n');
    expect(result.stderr).toBe('');
  });
});
