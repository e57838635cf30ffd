import { describe, expect, it } from 'vitest';
import { DEFAULT_FAILURE } from '../config/load-config.js';
import { type DecideConfig, decide } from '../decide.js';
import type { GuardEvent } from '../guard-event.js';
import { compilePolicy } from '../policy/compile-policy.js';
import { resolvePolicy } from '../policy/resolve-policy.js';
import { SHELL_CORPUS } from './__fixtures__/shell-corpus.js';
import { analyzeShell } from './analyze-shell.js';

const PROJECT = '/work/proj';
const HOME = '/home/u';
// Findings that describe rather than warn: an allowed command may carry them.
const INFORMATIONAL = new Set(['shell.inline_code']);

function recommended(): DecideConfig {
  const resolved = resolvePolicy({
    policy: { extends: 'recommended' },
    source: 'shell-corpus',
    loadFile: () => {
      throw new Error('no files in this test');
    },
  });
  return {
    policy: compilePolicy({
      rules: resolved.rules,
      mode: 'enforce',
      failure: 'closed',
      defaultEffect: resolved.defaultEffect ?? 'allow',
      sources: resolved.sources,
      home: HOME,
    }),
    mode: 'enforce',
    failure: { ...DEFAULT_FAILURE },
    home: `${HOME}/.warden`,
    userHome: HOME,
  };
}

function bash(command: string, cwd: string): GuardEvent {
  return {
    id: 'corpus',
    agent: 'claude-code',
    hookEvent: 'PreToolUse',
    phase: 'tool_call',
    session: 'corpus',
    cwd,
    timestamp: '2026-11-21T10:00:00.000Z',
    tool: { name: 'Bash', input: { command } },
  };
}

describe('shell corpus', () => {
  const config = recommended();

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

      const decision = decide(bash(entry.command, cwd), config);
      expect({ effect: decision.effect, ruleId: decision.ruleId }).toEqual({
        effect: entry.effect,
        ruleId: entry.rule ?? 'default',
      });
    });
  }
});
