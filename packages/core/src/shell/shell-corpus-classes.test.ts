import { describe, expect, it } from 'vitest';
import { decide } from '../decide.js';
import { bash, configFor } from '../test-helpers.js';
import { SHELL_CORPUS } from './__fixtures__/shell-corpus.js';
import { CLASS_CORPUS } from './__fixtures__/shell-corpus-classes.js';
import { analyzeShell } from './analyze-shell.js';

const PROJECT = '/work/proj';
const HOME = '/home/u';
const INFORMATIONAL = new Set(['shell.inline_code']);

describe('shell corpus by class of danger', () => {
  const config = configFor({ extends: 'recommended' }, 'enforce', HOME);

  it('holds at least 300 fresh commands, dangerous and everyday, none repeated from the first corpus', () => {
    expect(CLASS_CORPUS.length).toBeGreaterThanOrEqual(300);
    expect(CLASS_CORPUS.filter((entry) => entry.effect === 'allow').length).toBeGreaterThanOrEqual(100);
    expect(CLASS_CORPUS.filter((entry) => entry.effect !== 'allow').length).toBeGreaterThanOrEqual(200);
    expect(new Set(CLASS_CORPUS.map((entry) => entry.command)).size).toBe(CLASS_CORPUS.length);
    const first = new Set(SHELL_CORPUS.map((entry) => entry.command));
    expect(CLASS_CORPUS.filter((entry) => first.has(entry.command)).map((entry) => entry.command)).toEqual(
      [],
    );
  });

  for (const entry of CLASS_CORPUS) {
    it(`${entry.effect} ${JSON.stringify(entry.command).slice(0, 100)}`, () => {
      const cwd = entry.cwd ?? PROJECT;
      const analysis = analyzeShell({ command: entry.command, cwd, home: HOME });
      const programs = analysis.commands.map((command) => command.program);
      for (const program of entry.programs) expect(programs).toContain(program);
      const findings = [...new Set(analysis.findings.map((finding) => finding.id))].filter(
        (id) => !INFORMATIONAL.has(id),
      );
      expect(findings.sort()).toEqual([...entry.findings].sort());
      const decision = decide(bash(entry.command, { cwd }), config);
      expect({ effect: decision.effect, ruleId: decision.ruleId }).toEqual({
        effect: entry.effect,
        ruleId: entry.rule ?? 'default',
      });
    });
  }
});
