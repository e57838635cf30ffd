import { expect, it } from 'vitest';
import { type DecideConfig, decide } from '../../decide.js';
import { bash, configFor } from '../../test-helpers.js';
import { analyzeShell } from '../analyze-shell.js';
import { describeCommand } from '../command-semantics.js';

/** Findings and targets of one command line of a single program, for the modules' tests. */
export function describeLine(line: string): { findings: string[]; targets: string[]; subcommand?: string } {
  const [program, ...args] = splitWords(line);
  const description = describeCommand({ program: program!.slice(program!.lastIndexOf('/') + 1), args });
  return {
    findings: description.findings.map((finding) => finding.id),
    targets: description.targets.map((target) => `${target.access}:${target.path}`),
    ...(description.subcommand !== undefined ? { subcommand: description.subcommand } : {}),
  };
}

/**
 * One command line through the whole engine: the programs the analysis finds, its findings
 * (beside the informational `shell.inline_code`), the targets it names and the recommended pack's
 * decision.
 */
export interface ProgramCase {
  command: string;
  effect: 'allow' | 'ask' | 'deny';
  /** Exactly the findings (order free); empty for an everyday command. */
  findings?: string[];
  /** Programs that must be among the analysed commands; the first word when left out. */
  programs?: string[];
  /** `access:resolved-path` entries that must be among the targets. */
  targets?: string[];
  /** The rule that decides, when it matters. */
  rule?: string;
}

export const CASE_HOME = '/home/u';
export const CASE_PROJECT = '/home/u/project';
let config: DecideConfig | undefined;

/** Declares one test per case: programs, findings, targets and the recommended pack's effect. */
export function itDecides(cases: readonly ProgramCase[]): void {
  for (const entry of cases) {
    const findings = entry.findings ?? [];
    const what = findings.length > 0 ? findings.join(', ') : 'no finding';
    it(`${entry.effect}s ${JSON.stringify(entry.command).slice(0, 90)} (${what})`, () => {
      config ??= configFor({ extends: 'recommended' }, 'enforce', CASE_HOME);
      const analysis = analyzeShell({ command: entry.command, cwd: CASE_PROJECT, home: CASE_HOME });
      const programs = analysis.commands.map((command) => command.program);
      for (const program of entry.programs ?? [entry.command.split(' ')[0]!])
        expect(programs).toContain(program);
      const found = [...new Set(analysis.findings.map((finding) => finding.id))]
        .filter((id) => id !== 'shell.inline_code')
        .sort();
      expect(found).toEqual([...findings].sort());
      if (entry.targets) {
        const targets = analysis.commands.flatMap((command) =>
          command.targets.map((target) => `${target.access}:${target.resolved}`),
        );
        expect(targets).toEqual(expect.arrayContaining(entry.targets));
      }
      const decision = decide(bash(entry.command, { cwd: CASE_PROJECT }), config);
      expect(decision.effect).toBe(entry.effect);
      if (entry.rule) expect(decision.ruleId).toBe(entry.rule);
    });
  }
}

/** Splits a test line into words, with single and double quotes (no expansions). */
function splitWords(line: string): string[] {
  const words: string[] = [];
  let current = '';
  let quote: string | undefined;
  let started = false;
  for (const char of line) {
    if (quote) {
      if (char === quote) quote = undefined;
      else current += char;
    } else if (char === '"' || char === "'") {
      quote = char;
      started = true;
    } else if (/\s/.test(char)) {
      if (started) words.push(current);
      current = '';
      started = false;
    } else {
      current += char;
      started = true;
    }
  }
  if (started) words.push(current);
  return words;
}
