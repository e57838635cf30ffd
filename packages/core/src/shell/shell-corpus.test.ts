import { describe, expect, it } from 'vitest';
import { decide } from '../decide.js';
import { bash, configFor } from '../test-helpers.js';
import { SHELL_CORPUS } from './__fixtures__/shell-corpus.js';
import { analyzeShell } from './analyze-shell.js';

const PROJECT = '/work/proj';
const HOME = '/home/u';
// Findings that describe rather than warn: an allowed command may carry them.
const INFORMATIONAL = new Set(['shell.inline_code']);

describe('shell corpus', () => {
  const config = configFor({ extends: 'recommended' }, 'enforce', HOME);

  it('holds at least 400 commands, dangerous and benign', () => {
    expect(SHELL_CORPUS.length).toBeGreaterThanOrEqual(400);
    expect(SHELL_CORPUS.filter((entry) => entry.effect === 'allow').length).toBeGreaterThanOrEqual(150);
    expect(SHELL_CORPUS.filter((entry) => entry.effect !== 'allow').length).toBeGreaterThanOrEqual(200);
    expect(new Set(SHELL_CORPUS.map((entry) => entry.command)).size).toBe(SHELL_CORPUS.length);
  });

  for (const entry of SHELL_CORPUS) {
    it(`${entry.effect} ${JSON.stringify(entry.command).slice(0, 100)}`, () => {
      const cwd = entry.cwd ?? PROJECT;
      const analysis = analyzeShell({ command: entry.command, cwd, home: HOME });
      const programs = analysis.commands.map((command) => command.program);
      for (const program of entry.programs ?? []) expect(programs).toContain(program);
      const findings = analysis.findings.map((finding) => finding.id);
      for (const finding of entry.findings ?? []) expect(findings).toContain(finding);
      if (entry.effect === 'allow') expect(findings.filter((id) => !INFORMATIONAL.has(id))).toEqual([]);

      const decision = decide(bash(entry.command, { cwd }), config);
      expect({ effect: decision.effect, ruleId: decision.ruleId }).toEqual({
        effect: entry.effect,
        ruleId: entry.rule ?? 'default',
      });
    });
  }
});
