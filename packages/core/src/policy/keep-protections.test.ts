import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AdapterV1 } from '../adapter.js';
import { readAuditLog } from '../audit/read-audit-log.js';
import { loadConfig } from '../config/load-config.js';
import type { Decision } from '../decision.js';
import { guard } from '../guard.js';
import type { GuardEvent } from '../guard-event.js';
import { recommendedPack } from '../packs/recommended.js';
import { loadPolicy } from './load-policy.js';
import { POLICY_WARNING_STATE_FILE } from './note-policy-warning-once.js';

let root: string;
let home: string;
beforeEach(() => {
  root = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'warden-keep-')));
  home = path.join(root, 'home');
  mkdirSync(path.join(home, '.warden'), { recursive: true, mode: 0o700 });
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const PACK_IDS = recommendedPack.rules!.map((rule) => rule.id);
const policyFile = (text: string) => {
  const file = path.join(root, 'policy.yaml');
  writeFileSync(file, text, { mode: 0o600 });
  return file;
};
const load = (text: string) => loadPolicy({ file: policyFile(text) });

describe('keepProtections', () => {
  it.each([
    ['an empty file', ''],
    ['a file of comments', '# nothing yet\n'],
    ['rules: []', 'rules: []\n'],
    ['extends nothing', 'extends: []\nrules: []\n'],
    ['extends: none without the acknowledgement', 'extends: none\n'],
    ['only allow rules', 'rules:\n  - { id: ok, effect: allow, reason: fine }\n'],
    ['every pack rule disabled', `extends: recommended\ndisable: [${PACK_IDS.join(', ')}]\n`],
  ])('keeps the recommended protections under %s, and warns', async (_name, text) => {
    const resolved = await load(text);
    expect(resolved.rules.map(({ rule }) => rule.id)).toEqual(expect.arrayContaining(PACK_IDS));
    expect(resolved.sources).toContain('pack:recommended');
    expect(resolved.warnings).toHaveLength(1);
    expect(resolved.warnings![0]).toMatch(
      /no rule that denies or asks.*keeps the recommended pack's protections/,
    );
    expect(resolved.warnings![0]).toContain('acknowledge: no-protections');
  });

  it('keeps the policy own allow rules beside the pack, and its mode', async () => {
    const resolved = await load('mode: observe\nrules:\n  - { id: ok, effect: allow, reason: fine }\n');
    expect(resolved.rules.at(-1)!.rule.id).toBe('ok');
    expect(resolved.mode).toBe('observe');
  });

  it('runs without protections when the policy acknowledges it, and still warns', async () => {
    const resolved = await load('extends: none\nacknowledge: no-protections\n');
    expect(resolved.rules).toEqual([]);
    expect(resolved.warnings).toEqual([
      expect.stringMatching(/says so \(acknowledge: no-protections\).*blocks nothing/),
    ]);
  });

  it('leaves a policy with a protection alone, however small', async () => {
    for (const text of [
      'rules:\n  - { id: no-curl, effect: deny, actions: [shell.exec], when: { programs: [curl] }, reason: no }\n',
      'rules:\n  - { id: ask-web, effect: ask, actions: [net.fetch], reason: ask first }\n',
      'defaultEffect: ask\n',
    ]) {
      const resolved = await load(text);
      expect(resolved.warnings, text).toBeUndefined();
      expect(resolved.sources, text).not.toContain('pack:recommended');
    }
    expect((await load('extends: strict\n')).warnings).toBeUndefined();
  });

  it('refuses extends: none beside another parent', async () => {
    await expect(load('extends: [none, recommended]\n')).rejects.toThrow(
      /extends: none means nothing is extended/,
    );
  });

  it('rejects an unknown acknowledgement with the accepted value', async () => {
    await expect(load('acknowledge: yes\n')).rejects.toThrow(/no-protections/);
  });
});

describe('a rule-less policy in force', () => {
  const env = (policy: string) => ({
    HOME: home,
    WARDEN_HOME: path.join(home, '.warden'),
    WARDEN_POLICY: policy,
  });
  const bash = (command: string, session: string): GuardEvent => ({
    id: `e-${session}-${command}`,
    agent: 'claude-code',
    hookEvent: 'PreToolUse',
    phase: 'tool_call',
    session,
    cwd: path.join(root, 'project'),
    timestamp: '2026-12-07T04:00:00.000Z',
    tool: { name: 'Bash', input: { command } },
  });
  const adapter: AdapterV1<Decision> = {
    specificationVersion: 'v1',
    id: 'test',
    parse: (input) => ({ success: true, event: input as GuardEvent }),
    render: ({ decision }) => decision,
  };

  it('still denies what the pack denies, and the configuration carries the warning', async () => {
    const config = await loadConfig({ env: env(policyFile('rules: []\n')), userHome: home });
    expect(config.policyWarnings).toHaveLength(1);
    const result = await guard({
      adapter,
      input: bash('rm -rf ~', 's1'),
      env: env(policyFile('rules: []\n')),
    });
    expect(result.decision).toMatchObject({
      effect: 'deny',
      ruleId: 'shell.recursive-delete-outside-project',
    });
  });

  it('tells each session once in the agent channel, and records the warning with every event', async () => {
    const file = policyFile('');
    const first = await guard({ adapter, input: bash('ls', 's1'), env: env(file) });
    const again = await guard({ adapter, input: bash('pwd', 's1'), env: env(file) });
    const other = await guard({ adapter, input: bash('ls', 's2'), env: env(file) });
    expect(first.userMessage).toMatch(/^Warden: the policy .* keeps the recommended pack's protections/);
    expect(again.userMessage).toBeUndefined();
    expect(other.userMessage).toMatch(/keeps the recommended pack's protections/);
    expect(readFileSync(path.join(home, '.warden', POLICY_WARNING_STATE_FILE), 'utf8')).toContain('"s2"');
    const records = [...readAuditLog({ auditDir: path.join(home, '.warden', 'audit') })].map(
      (line) => line.record as { meta?: { policyWarnings?: string[] } },
    );
    expect(records).toHaveLength(3);
    for (const record of records)
      expect(record.meta?.policyWarnings?.[0]).toMatch(/no rule that denies or asks/);
  });

  it('says nothing for a policy with protections', async () => {
    const file = policyFile('extends: recommended\n');
    const result = await guard({ adapter, input: bash('ls', 's1'), env: env(file) });
    expect(result.userMessage).toBeUndefined();
    expect(JSON.stringify(result.event.meta ?? {})).not.toContain('policyWarnings');
  });
});
