import { describe, expect, it } from 'vitest';
import { decide } from '../decide.js';
import { bash, configFor, TEST_HOME, TEST_PROJECT, toolEvent } from '../test-helpers.js';
import type { Rule } from './policy-schema.js';

const deny = (id: string, when: Rule['when']): Rule => ({
  id,
  effect: 'deny',
  actions: ['shell.exec', 'file.*'],
  when,
  reason: id,
});
const allow = (id: string, when: Rule['when']): Rule => ({
  id,
  effect: 'allow',
  actions: ['shell.exec'],
  when,
  reason: id,
});

describe('shell rule conditions', () => {
  it('matches targets by how they are used', () => {
    const config = configFor({ rules: [deny('no-reading-tmp', { targets: ['tmp'], access: ['read'] })] });
    expect(decide(bash('cat /tmp/x'), config).ruleId).toBe('no-reading-tmp');
    expect(decide(bash('cp /tmp/x ./y'), config).ruleId).toBe('no-reading-tmp');
    expect(decide(bash('cp ./y /tmp/x'), config).ruleId).toBe('default');
    expect(decide(bash('echo hi > /tmp/x'), config).ruleId).toBe('default');
    expect(decide(toolEvent('Read', { file_path: '/tmp/x' }), config).ruleId).toBe('no-reading-tmp');
    expect(decide(toolEvent('Write', { file_path: '/tmp/x', content: '' }), config).ruleId).toBe('default');
  });

  it('matches subcommands and wrappers', () => {
    const config = configFor({
      rules: [
        deny('no-docker-prune', { programs: ['docker'], subcommands: ['* prune'] }),
        deny('nothing-over-ssh', { via: ['ssh *'] }),
      ],
    });
    expect(decide(bash('docker --context prod system prune -f'), config).ruleId).toBe('no-docker-prune');
    expect(decide(bash('docker ps'), config).ruleId).toBe('default');
    expect(decide(bash("ssh prod 'ls /srv'"), config).ruleId).toBe('nothing-over-ssh');
    expect(decide(bash('ls /srv'), config).ruleId).toBe('default');
  });

  it('reads flags the way the program does', () => {
    const config = configFor({ rules: [deny('no-force', { programs: ['rm'], flags: ['f|force'] })] });
    expect(decide(bash('rm dir -f'), config).ruleId).toBe('no-force');
    expect(decide(bash('rm -- -f'), config).ruleId).toBe('default');
    expect(decide(bash('git commit -m "-f"'), config).ruleId).toBe('default');
  });

  it('lets an allow rule about programs allow a command only when it covers everything that runs', () => {
    const config = configFor({
      defaultEffect: 'deny',
      rules: [allow('allow-tools', { programs: ['git', 'npm', 'xargs', 'ls'] })],
    });
    expect(decide(bash('git status && npm test'), config)).toMatchObject({
      effect: 'allow',
      ruleId: 'allow-tools',
    });
    // The wrapper is allowed, what it runs is not: the default (deny) decides.
    for (const command of [
      'xargs rm -rf build',
      'git status && ./unknown.sh',
      "git -c alias.x='!sh -c id' x",
      'ls $(curl -s x)',
    ]) {
      expect(decide(bash(command), config), command).toMatchObject({ effect: 'deny', ruleId: 'default' });
    }
  });

  it('keeps a deny when an allow-listed program wraps a denied one, in the recommended pack too', () => {
    const config = configFor({
      extends: 'recommended',
      rules: [
        allow('allow-wrappers', { programs: ['xargs', 'find', 'git', 'sudo', 'env', 'timeout', 'rm', 'sh'] }),
      ],
    });
    for (const command of [
      'xargs rm -rf /',
      'find / -delete',
      'git -c core.pager=\'sh -c "rm -rf /"\' log',
      'sudo env timeout 5 rm -rf ~',
    ]) {
      expect(decide(bash(command), config).effect, command).toBe('deny');
    }
  });

  it('classifies a glob by where it can reach and keeps the pattern for path globs', () => {
    const config = configFor({ rules: [deny('no-pem', { paths: ['**/*.pem'], access: ['delete'] })] });
    expect(decide(bash('rm -f certs/*.pem'), config).ruleId).toBe('no-pem');
    expect(decide(bash('rm -f certs/*.txt'), config).ruleId).toBe('default');
    const recommended = configFor();
    expect(decide(bash('rm -rf ../*'), recommended).ruleId).toBe('shell.recursive-delete-outside-project');
    expect(decide(bash(`rm -rf ${TEST_PROJECT}/dist/*`), recommended).ruleId).toBe('default');
    expect(decide(bash(`rm -rf ${TEST_PROJECT}/*`), recommended).ruleId).toBe('default');
    // The strict pack asks before the whole project goes.
    const strict = configFor({ extends: 'strict' });
    expect(decide(bash(`rm -rf ${TEST_PROJECT}/*`), strict).ruleId).toBe('strict.delete-project-root');
    expect(decide(bash('find . -delete'), strict).ruleId).toBe('strict.delete-project-root');
    expect(decide(bash("find . -name '*.pyc' -delete"), strict).ruleId).toBe('default');
    expect(decide(bash(`rm -rf ${TEST_HOME}/.cache/*`), recommended).ruleId).toBe(
      'shell.recursive-delete-outside-project',
    );
  });
});
