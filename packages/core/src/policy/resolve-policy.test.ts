import { describe, expect, it } from 'vitest';
import { decide } from '../decide.js';
import { PolicyError } from '../errors.js';
import { recommendedPack } from '../packs/recommended.js';
import { bash, configFor } from '../test-helpers.js';
import type { Policy } from './policy-schema.js';
import { resolvePolicy } from './resolve-policy.js';

const noFiles = () => {
  throw new Error('no files');
};

describe('resolvePolicy', () => {
  it('puts extended rules first and replaces a rule with the same id in place', () => {
    const resolved = resolvePolicy({
      policy: {
        extends: 'recommended',
        rules: [
          { id: 'tools.unknown', effect: 'deny', actions: ['tool.other'], reason: 'No unknown tools here.' },
          { id: 'team.no-psql', effect: 'deny', when: { programs: ['psql'] }, reason: 'Use the API.' },
        ],
      },
      source: 'team.yaml',
      loadFile: noFiles,
    });
    const ids = resolved.rules.map(({ rule }) => rule.id);
    expect(ids).toEqual([...(recommendedPack.rules ?? []).map((rule) => rule.id), 'team.no-psql']);
    const replaced = resolved.rules.find(({ rule }) => rule.id === 'tools.unknown')!;
    expect(replaced).toMatchObject({ source: 'team.yaml', rule: { effect: 'deny' } });
    expect(resolved.sources).toEqual(['pack:recommended', 'team.yaml']);
  });

  it('switches pack rules off by id, and refuses ids that do not exist', () => {
    const resolved = resolvePolicy({
      policy: { extends: 'recommended', disable: ['shell.git-force-push'] },
      source: 'p.yaml',
      loadFile: noFiles,
    });
    expect(resolved.rules.some(({ rule }) => rule.id === 'shell.git-force-push')).toBe(false);
    expect(() =>
      resolvePolicy({
        policy: { extends: 'recommended', disable: ['shell.nope'] },
        source: 'p.yaml',
        loadFile: noFiles,
      }),
    ).toThrow(/disable names rule "shell.nope"/);
  });

  it('follows extends chains through files and detects cycles', () => {
    const files: Record<string, Policy> = {
      '/p/base.yaml': { extends: 'strict', rules: [{ id: 'base.rule', effect: 'ask', reason: 'x' }] },
      '/p/loop-a.yaml': { extends: './loop-b.yaml' },
      '/p/loop-b.yaml': { extends: './loop-a.yaml' },
    };
    const loadFile = (file: string) => files[file] ?? noFiles();
    const resolved = resolvePolicy({ policy: { extends: './base.yaml' }, source: '/p/team.yaml', loadFile });
    expect(resolved.sources).toEqual(['pack:recommended', 'pack:strict', '/p/base.yaml', '/p/team.yaml']);
    expect(() =>
      resolvePolicy({ policy: { extends: './loop-a.yaml' }, source: '/p/team.yaml', loadFile }),
    ).toThrow(/extends itself/);
    expect(() =>
      resolvePolicy({ policy: { extends: 'recomended' }, source: '/p/team.yaml', loadFile }),
    ).toThrow(PolicyError);
  });

  it('keeps a pack deny in force when a user adds a broad allow', () => {
    const config = configFor({
      extends: 'recommended',
      rules: [
        { id: 'team.allow-shell', effect: 'allow', actions: ['shell.exec'], reason: 'We trust the shell.' },
      ],
    });
    expect(decide(bash('rm -rf /'), config)).toMatchObject({
      effect: 'deny',
      ruleId: 'shell.recursive-delete-outside-project',
    });
    expect(decide(bash('ls'), config)).toMatchObject({
      effect: 'allow',
      ruleId: 'team.allow-shell',
      isDefault: false,
    });
  });
});
