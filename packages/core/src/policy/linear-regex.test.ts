import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createConfig } from '../config/create-config.js';
import { decide } from '../decide.js';
import { PolicyError } from '../errors.js';
import { configFor, toolEvent } from '../test-helpers.js';
import { loadPolicy } from './load-policy.js';

// `(a+)+$` backtracks exponentially in V8: 2^n steps on n `a`s followed by a character that
// fails the match. At n = 34 that is hours on a backtracking engine; a linear one answers at once.
const CATASTROPHIC = '^(a+)+$';
const EVIL_COMMAND = `echo ${'a'.repeat(34)}!`;

function policyFile(text: string): string {
  const directory = mkdtempSync(path.join(os.tmpdir(), 'warden-regex-'));
  const file = path.join(directory, 'policy.yaml');
  writeFileSync(file, text);
  return file;
}

describe('policy regular expressions', () => {
  it('match a catastrophic-backtracking expression against a hostile command in linear time', () => {
    const config = configFor({
      rules: [
        {
          id: 'evil',
          effect: 'deny',
          actions: ['shell.exec'],
          when: { matches: [CATASTROPHIC] },
          reason: 'r',
        },
        {
          id: 'echo',
          effect: 'ask',
          actions: ['shell.exec'],
          when: { matches: ['ECHO\\s+a{3}'] },
          reason: 'r',
        },
      ],
    });
    const decision = decide(toolEvent('Bash', { command: EVIL_COMMAND }), config);
    // The catastrophic expression does not match (the `!`); the case-insensitive one does.
    expect(decision.trace.map((entry) => entry.ruleId)).toEqual(['echo']);
    expect(decide(toolEvent('Bash', { command: 'a'.repeat(40) }), config).ruleId).toBe('evil');
  });

  it('refuses at load an expression a linear-time engine cannot run, naming file, line and rule', async () => {
    const file = policyFile(
      [
        'rules:',
        '  - id: ok',
        '    effect: deny',
        '    reason: r',
        '    when: { matches: ["rm\\\\s+-rf"] }',
        '  - id: lookahead',
        '    effect: deny',
        '    reason: r',
        '    when:',
        '      matches:',
        '        - "curl"',
        '        - "(?=x)y"',
        '',
      ].join('\n'),
    );
    const error = await loadPolicy({ file }).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(PolicyError);
    const policyError = error as PolicyError;
    expect(policyError.file).toBe(file);
    expect(policyError.line).toBe(12);
    expect(policyError.ruleId).toBe('lookahead');
    expect(policyError.message).toContain('cannot run in linear time');
    expect(policyError.message).toContain('when.matches[1]');
  });

  it('refuses backreferences in an in-memory policy when the config is built', () => {
    const policy = {
      rules: [{ id: 'b', effect: 'deny' as const, when: { matches: ['(a)\\1'] }, reason: 'r' }],
    };
    expect(() => createConfig({ policy, userHome: '/home/dev', home: '/home/dev/.warden' })).toThrow(
      /rule "b".*cannot run in linear time/,
    );
  });

  it('loads a file policy with expressions and uses them', async () => {
    const file = policyFile(
      'rules:\n  - id: m\n    effect: deny\n    reason: r\n    when: { matches: ["(a+)+$"] }\n',
    );
    const resolved = await loadPolicy({ file });
    expect(resolved.rules.map(({ rule }) => rule.id)).toEqual(['m']);
  });
});
