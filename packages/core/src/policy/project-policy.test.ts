import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AdapterV1 } from '../adapter.js';
import { loadConfig } from '../config/load-config.js';
import { writeSuspension } from '../config/suspension.js';
import { decideSafely } from '../decide.js';
import type { Decision } from '../decision.js';
import { guard } from '../guard.js';
import type { GuardEvent } from '../guard-event.js';
import { findProjectPolicy } from './find-project-policy.js';
import { loadProjectLayer } from './load-project-layer.js';
import { setProjectTrust } from './trusted-projects.js';

let home: string;
let repo: string;
beforeEach(() => {
  home = mkdtempSync(path.join(os.tmpdir(), 'warden-layers-'));
  repo = path.join(home, 'code', 'repo');
  mkdirSync(path.join(repo, '.git'), { recursive: true });
  mkdirSync(path.join(repo, 'src'), { recursive: true });
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

const env = () => ({ HOME: home, WARDEN_HOME: path.join(home, '.warden') });
const bash = (command: string, cwd = repo): GuardEvent => ({
  id: 'e',
  agent: 'claude-code',
  hookEvent: 'PreToolUse',
  phase: 'tool_call',
  session: 's',
  cwd,
  timestamp: new Date().toISOString(),
  tool: { name: 'Bash', input: { command } },
});
function writeProjectPolicy(text: string): string {
  mkdirSync(path.join(repo, '.warden'), { recursive: true });
  const file = path.join(repo, '.warden', 'policy.yaml');
  writeFileSync(file, text);
  return file;
}
async function decideIn(command: string, cwd = repo) {
  const config = await loadProjectLayer({ config: await loadConfig({ env: env() }), cwd });
  return { config, decision: decideSafely(bash(command, cwd), config) };
}

const ALLOW_EVERYTHING = `mode: observe
defaultEffect: allow
disable: [shell.recursive-delete-outside-project]
rules:
  - id: shell.recursive-delete-outside-project
    effect: allow
    actions: [shell.exec]
    reason: this repository may delete anything
  - id: allow-all
    effect: allow
    reason: anything goes
`;

describe('policy layers', () => {
  it('loads $WARDEN_HOME/policy.yaml without a config.yaml naming it', async () => {
    mkdirSync(path.join(home, '.warden'), { recursive: true });
    writeFileSync(
      path.join(home, '.warden', 'policy.yaml'),
      'extends: recommended\nrules:\n  - id: no-curl\n    effect: deny\n    when: { programs: [curl] }\n    reason: no curl here\n',
    );
    const config = await loadConfig({ env: env() });
    expect(config.layers?.[0]).toMatchObject({
      source: 'user',
      file: path.join(home, '.warden', 'policy.yaml'),
    });
    expect(decideSafely(bash('curl example.com'), config)).toMatchObject({
      effect: 'deny',
      ruleId: 'no-curl',
    });
  });

  it('finds the project policy from a subdirectory, up to the repository root, never Warden home', () => {
    const file = writeProjectPolicy('rules: []\n');
    const options = { wardenHome: path.join(home, '.warden'), userHome: home };
    expect(findProjectPolicy({ cwd: path.join(repo, 'src'), ...options })).toEqual({ root: repo, file });
    mkdirSync(path.join(home, '.warden'), { recursive: true });
    writeFileSync(path.join(home, '.warden', 'policy.yaml'), 'rules: []\n');
    expect(findProjectPolicy({ cwd: path.join(home, 'code'), ...options })).toBeUndefined();
  });

  it('lets an untrusted repository add restrictions', async () => {
    writeProjectPolicy(
      'rules:\n  - id: repo.no-npm-publish\n    effect: deny\n    when: { programs: [npm], subcommands: [publish] }\n    reason: releases go through CI\n',
    );
    const { decision } = await decideIn('npm publish');
    expect(decision).toMatchObject({ effect: 'deny', ruleId: 'repo.no-npm-publish', layer: 'project' });
    expect(decision.trace).toContainEqual(
      expect.objectContaining({ ruleId: 'repo.no-npm-publish', source: 'project' }),
    );
    // Outside the repository the project policy does not apply.
    expect((await decideIn('npm publish', home)).decision.ruleId).not.toBe('repo.no-npm-publish');
  });

  it('never lets an untrusted repository weaken the user policy: rm -rf ~ stays denied', async () => {
    writeProjectPolicy(ALLOW_EVERYTHING);
    const { decision, config } = await decideIn('rm -rf ~');
    expect(config.mode).toBe('enforce');
    expect(decision).toMatchObject({ effect: 'deny', ruleId: 'shell.recursive-delete-outside-project' });
    expect(decision.trace.map((entry) => entry.source)).toEqual(expect.arrayContaining(['user', 'project']));
  });

  it('lets a project the user trusts weaken, until its policy changes', async () => {
    const text = ALLOW_EVERYTHING;
    writeProjectPolicy(text);
    setProjectTrust({ wardenHome: path.join(home, '.warden'), root: repo, text, trust: true });
    const trusted = await decideIn('rm -rf ~');
    // Trusted, its `mode: observe` applies: nothing is blocked any more.
    expect(trusted.decision.effect).toBe('allow');
    expect(trusted.config.mode).toBe('observe');
    expect(trusted.config.layers?.[0]).toMatchObject({ source: 'project', trusted: true });
    writeProjectPolicy(`${text}# changed after trust\n`);
    expect((await decideIn('rm -rf ~')).decision.effect).toBe('deny');
  });

  it('keeps the protections of a trusted project policy that disables every rule, and says so', async () => {
    const user = await loadConfig({ env: env() });
    const ids = (user.layers?.[0]?.resolved?.rules ?? []).map((entry) => entry.rule.id);
    expect(ids.length).toBeGreaterThan(20);
    const text = `disable: [${ids.join(', ')}]\n`;
    writeProjectPolicy(text);
    setProjectTrust({ wardenHome: path.join(home, '.warden'), root: repo, text, trust: true });
    const { config, decision } = await decideIn('rm -rf ~');
    expect(decision).toMatchObject({ effect: 'deny', ruleId: 'shell.recursive-delete-outside-project' });
    expect(config.policyWarnings?.join(' ')).toMatch(
      /policy\.yaml \(trusted\) has no rule that denies or asks/,
    );

    // Acknowledged, it blocks nothing, and the warning stays.
    const acknowledged = `${text}extends: none\nacknowledge: no-protections\n`;
    writeProjectPolicy(acknowledged);
    setProjectTrust({ wardenHome: path.join(home, '.warden'), root: repo, text: acknowledged, trust: true });
    const quiet = await decideIn('rm -rf ~');
    expect(quiet.decision.effect).toBe('allow');
    expect(quiet.config.policyWarnings?.join(' ')).toMatch(/acknowledge: no-protections/);
  });

  it('in a long-lived process, reuses the layered config while the files and trust stay the same, and follows every change', async () => {
    const config = await loadConfig({ env: env() });
    const layered = () => loadProjectLayer({ config, cwd: repo });
    const decide = async (command: string) => decideSafely(bash(command), await layered());
    const extended = path.join(repo, '.warden', 'base.yaml');
    writeProjectPolicy('extends: [./base.yaml]\nrules: []\n');
    writeFileSync(extended, 'rules: []\n');
    const first = await layered();
    expect(await layered()).toBe(first);
    expect((await decide('npm publish')).ruleId).not.toBe('repo.no-npm-publish');
    // The file it extends changes: the next event sees the new rule.
    writeFileSync(
      extended,
      'rules:\n  - id: repo.no-npm-publish\n    effect: deny\n    when: { programs: [npm], subcommands: [publish] }\n    reason: releases go through CI\n',
    );
    expect(await decide('npm publish')).toMatchObject({ effect: 'deny', ruleId: 'repo.no-npm-publish' });
    // The project policy itself changes, then the user trusts it: each applies at once.
    writeProjectPolicy(ALLOW_EVERYTHING);
    expect((await decide('rm -rf ~')).effect).toBe('deny');
    setProjectTrust({
      wardenHome: path.join(home, '.warden'),
      root: repo,
      text: ALLOW_EVERYTHING,
      trust: true,
    });
    expect((await decide('rm -rf ~')).effect).toBe('allow');
    setProjectTrust({ wardenHome: path.join(home, '.warden'), root: repo, trust: false });
    expect((await decide('rm -rf ~')).effect).toBe('deny');
  });

  it('in a long-lived process, sees an edit of the same size to a policy that had been quiet', async () => {
    const config = await loadConfig({ env: env() });
    const rule = (program: string) =>
      `rules:\n  - id: repo.no-${program}\n    effect: deny\n    when: { programs: [${program}] }\n    reason: no\n`;
    writeProjectPolicy(rule('aaa'));
    // Files changed within the last two seconds are always read; past that their stamps stand in.
    await new Promise((resolve) => setTimeout(resolve, 2100));
    const first = await loadProjectLayer({ config, cwd: repo });
    expect(await loadProjectLayer({ config, cwd: repo })).toBe(first);
    expect(decideSafely(bash('aaa'), first).ruleId).toBe('repo.no-aaa');
    // Edited, and quiet again by the next event: the stamp, not the clock, tells.
    writeProjectPolicy(rule('bbb'));
    await new Promise((resolve) => setTimeout(resolve, 2100));
    const edited = await loadProjectLayer({ config, cwd: repo });
    expect(decideSafely(bash('aaa'), edited).ruleId).not.toBe('repo.no-aaa');
    expect(decideSafely(bash('bbb'), edited).ruleId).toBe('repo.no-bbb');
  });

  it('reports an invalid project policy with file and line', async () => {
    const file = writeProjectPolicy('rules:\n  - id: x\n    effect: block\n    reason: r\n');
    await expect(loadProjectLayer({ config: await loadConfig({ env: env() }), cwd: repo })).rejects.toThrow(
      `${file}:3`,
    );
  });

  it('denies everything while suspended', async () => {
    writeSuspension({ home: path.join(home, '.warden'), suspend: true, reason: 'incident' });
    const { decision } = await decideIn('ls');
    expect(decision).toMatchObject({ effect: 'deny', ruleId: 'warden.suspended' });
    expect(decision.reason).toMatch(/warden resume/);
  });

  it('in a hook, applies the failure policy to an invalid repository policy and records it', async () => {
    writeProjectPolicy('rules:\n  - id: x\n    effect: block\n    reason: r\n');
    const adapter: AdapterV1<Decision> = {
      specificationVersion: 'v1',
      id: 'test',
      parse: (input) => ({ success: true, event: input as GuardEvent }),
      render: ({ decision }) => decision,
    };
    const result = await guard({ adapter, input: bash('ls'), env: env() });
    expect(result.decision).toMatchObject({ effect: 'deny', ruleId: 'warden.failure' });
    expect(result.decision.reason).toMatch(/policy\.yaml:3/);
    // Outside the repository the user's policy decides as usual.
    expect((await guard({ adapter, input: bash('ls', home), env: env() })).decision.effect).toBe('allow');
  });
});
