import { describe, expect, it } from 'vitest';
import { decide } from '../decide.js';
import { bash, configFor } from '../test-helpers.js';
import { SHELL_CORPUS } from './__fixtures__/shell-corpus.js';
import { CLASS_CORPUS } from './__fixtures__/shell-corpus-classes.js';
import { GENERALISE_DANGEROUS, GENERALISE_EVERYDAY } from './__fixtures__/shell-corpus-generalise.js';

const PROJECT = '/home/u/project';
const HOME = '/home/u';

describe('shell corpus for generalisation', () => {
  const config = configFor({ extends: 'recommended' }, 'enforce', HOME);

  it('holds hundreds of fresh commands, none repeated here or from the other corpora', () => {
    expect(GENERALISE_DANGEROUS.length).toBeGreaterThanOrEqual(400);
    expect(GENERALISE_EVERYDAY.length).toBeGreaterThanOrEqual(200);
    const all = [...GENERALISE_DANGEROUS, ...GENERALISE_EVERYDAY];
    expect(new Set(all).size).toBe(all.length);
    const others = new Set([...SHELL_CORPUS, ...CLASS_CORPUS].map((entry) => entry.command));
    expect(all.filter((command) => others.has(command))).toEqual([]);
  });

  for (const command of GENERALISE_DANGEROUS) {
    it(`stops ${JSON.stringify(command).slice(0, 100)}`, () => {
      const decision = decide(bash(command, { cwd: PROJECT }), config);
      expect({ command, effect: decision.effect === 'allow' ? 'allow' : 'stopped' }).toEqual({
        command,
        effect: 'stopped',
      });
    });
  }

  for (const command of GENERALISE_EVERYDAY) {
    it(`allows ${JSON.stringify(command).slice(0, 100)}`, () => {
      const decision = decide(bash(command, { cwd: PROJECT }), config);
      expect({ command, effect: decision.effect, rule: decision.ruleId }).toEqual({
        command,
        effect: 'allow',
        rule: 'default',
      });
    });
  }
});
