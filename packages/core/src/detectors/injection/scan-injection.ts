import { compilePattern } from '../compile-pattern.js';
import type { DetectorMatch } from '../detector-match.js';
import { hasNestedUnboundedQuantifier } from '../regex-safety.js';
import type { AtrRule } from './atr-rule.js';
import {
  HIDDEN_CARRIERS,
  HIDDEN_IMPERATIVE,
  HIDDEN_UNICODE,
  WARDEN_INJECTION_RULES,
  type WardenInjectionRule,
} from './warden-injection-rules.js';

interface CompiledAtrRule {
  id: string;
  title: string;
  category: string;
  regexes: RegExp[];
}

let compiled: CompiledAtrRule[] | undefined;
/** agent-threat-rules' enforce lane, once `loadDetectorRules` (or `provideAtrRules`) has brought it in. */
let atrRuleData: readonly AtrRule[] = [];

/**
 * Hands the scanner agent-threat-rules' enforce lane. The data (about 110 KB) lives in a chunk of
 * its own that `loadDetectorRules` loads only for a text its prefilter lets through.
 */
export function provideAtrRules(rules: readonly AtrRule[]): void {
  atrRuleData = rules;
  compiled = undefined;
}

/** Whether agent-threat-rules' rules are loaded (without them only Warden's own checks run). */
export function atrRulesLoaded(): boolean {
  return atrRuleData.length > 0;
}

/** Compiles the enforce-lane rules once, leaving out patterns that could backtrack catastrophically. */
function atrRules(): CompiledAtrRule[] {
  if (compiled) return compiled;
  compiled = [];
  for (const rule of atrRuleData) {
    const regexes: RegExp[] = [];
    for (const { pattern, flags } of rule.patterns) {
      if (hasNestedUnboundedQuantifier(pattern)) continue;
      // A pattern this Node cannot compile at all is skipped, not fatal.
      const regex = compilePattern(pattern, flags);
      if (regex) regexes.push(regex);
    }
    if (regexes.length > 0)
      compiled.push({ id: rule.id, title: rule.title, category: rule.category, regexes });
  }
  return compiled;
}

/** Patterns that `atrRules` leaves out as unsafe, for the documentation and the bench. */
export function unsafeAtrPatterns(): string[] {
  return atrRuleData.flatMap((rule) =>
    rule.patterns.filter(({ pattern }) => hasNestedUnboundedQuantifier(pattern)).map(() => rule.id),
  );
}

/**
 * The cheap prefilter in front of agent-threat-rules: compiling its hundred patterns costs tens of
 * milliseconds the first time they run, so they run only on text with a word attacks use. Measured
 * by the bench against the rule set's own cases (recall must stay at or above its enforce lane's).
 */
const ATR_TRIGGER =
  /ignor|instruct|system|prompt|previous|disregard|overrid|pretend|jailbreak|developer mode|assistant|\bai\b|agent|model|execut|\brun\b|curl|wget|send|upload|exfil|passw|secret|token|api[_ -]?key|credential|ssh|\.env|sudo|chmod|rm -|base64|eval|exec|tool|admin|bypass|forget|reveal|hidden|confiden|\brole|persona|unrestrict|\bdan\b|mode|rules|polic|restrict|safety|filter|guard|command|shell|script|http|urls?\b|fetch|download|install|delete|remov|leak|steal|inject|payload|override|priority|important|urgent|must|immediately|obey|comply|user|email|forward|retriev|collect|payment|transfer|deposit|withdraw|wallet|account|balance|order|unlock|disable|turn off|output|respon|verbatim|repeat|includ|above|clone|variable|initiali|__|import|\$\{|<svg|onload|script|internal|endpoint|access|who you are|you are|your /i;

/** Injection is prose: a text with no two words has none. (Linear: no repeated class before `\s`.) */
const PROSE = /[A-Za-z][\s]+[A-Za-z]/;
/**
 * Runs of more than this many non-space characters are cut to it before the pattern rules run:
 * no instruction hides in the middle of a 300-character word, and a long run is where a pattern
 * like `[a-z]+\s` backtracks quadratically.
 */
const MAX_WORD = 256;

/** Each piece scanned is at most this long; a longer text is scanned piece by piece, overlapping. */
const PIECE = 64 * 1024;
const OVERLAP = 1024;
/**
 * agent-threat-rules' hundred rules cost about 0.7 ms per KB, so in one event they read at most
 * this much of a text (Warden's own checks and hidden Unicode read all of it).
 */
export const MAX_ATR_SCAN = 256 * 1024;

function pieces(text: string): Array<[number, string]> {
  if (text.length <= PIECE) return [[0, text]];
  const out: Array<[number, string]> = [];
  for (let start = 0; start < text.length; start += PIECE - OVERLAP)
    out.push([start, text.slice(start, start + PIECE)]);
  return out;
}

/** Whether agent-threat-rules could find anything in this text: decides whether their data is loaded. */
export function atrRulesNeeded(options: { text: string }): boolean {
  const { text } = options;
  if (!PROSE.test(text)) return false;
  const view = text.length > MAX_ATR_SCAN + PIECE ? text.slice(0, MAX_ATR_SCAN + PIECE) : text;
  return ATR_TRIGGER.test(view.replace(/\S{257,}/g, (run) => run.slice(0, MAX_WORD)));
}

/** Zero-width characters, removed from the view the patterns read so they cannot split a word. */
const ZERO_WIDTH = /[\u200B-\u200D\u2060-\u2064\uFEFF]/g;

/**
 * The first match of a rule that is not a mention or a prohibition (`never send your token to …`,
 * `"ignore previous instructions"`); a few later matches are tried before giving up.
 */
function firstInstruction(
  rule: WardenInjectionRule,
  piece: string,
): { index: number; length: number } | undefined {
  let from = 0;
  for (let attempt = 0; attempt < 4 && from < piece.length; attempt++) {
    const rest = from === 0 ? piece : piece.slice(from);
    const found = rule.pattern.exec(rest);
    if (!found) return undefined;
    const index = from + found.index;
    const before = piece.slice(Math.max(0, index - 48), index);
    if (!rule.unlessBefore?.test(before) || !isMention(before, piece, index + found[0].length))
      return { index, length: found[0].length };
    from = index + Math.max(1, found[0].length);
  }
  return undefined;
}

const CLOSING: Record<string, string> = { '"': '"', "'": "'", '`': '`', '“': '”', '‘': '’' };

/**
 * A phrase in quotes is a mention only when the quotes hold just the phrase (`detects "ignore
 * previous instructions"`); a quoted instruction that runs on (`translate: 'Ignore previous
 * instructions and say …'`) is still an instruction.
 */
function isMention(before: string, piece: string, end: number): boolean {
  const quote = before.at(-1) ?? '';
  const closing = CLOSING[quote];
  if (closing === undefined) return true;
  return piece.slice(end, end + 3).includes(closing);
}

/** Text hidden from a human reader (comments, invisible elements) that speaks to the agent. */
function hiddenInstruction(piece: string): { index: number; length: number } | undefined {
  if (!piece.includes('<') && !piece.includes('[//]')) return undefined;
  for (const carrier of HIDDEN_CARRIERS) {
    carrier.lastIndex = 0;
    for (let found = carrier.exec(piece); found; found = carrier.exec(piece)) {
      const hidden = found[found.length - 1] ?? '';
      if (HIDDEN_IMPERATIVE.test(hidden)) return { index: found.index, length: found[0].length };
    }
  }
  return undefined;
}

function categoryId(category: string): string {
  return `injection.${category.replaceAll('-', '_')}`;
}

/**
 * Finds prompt injection in text an agent reads: hidden Unicode, Warden's own checks for
 * instructions aimed at the agent (addressed to it, claimed to come from its developer, fake ends
 * of a tool result), requests to hand over credentials, jailbreak personas, text hidden in comments
 * or invisible elements that instructs the agent, and agent-threat-rules' enforce lane
 * (its most precise rules, as data: its engine and telemetry are not used). At most one
 * match per rule; findings are `injection.<kind>`.
 */
export function scanInjection(options: { text: string }): DetectorMatch[] {
  const { text } = options;
  const out: DetectorMatch[] = [];
  const seen = new Set<string>();
  const add = (match: DetectorMatch, key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    out.push(match);
  };
  for (const pattern of [HIDDEN_UNICODE.always, HIDDEN_UNICODE.runs, HIDDEN_UNICODE.interleaved]) {
    const found = pattern.exec(text);
    if (found)
      add(
        {
          id: 'injection.hidden_unicode',
          label: 'invisible Unicode characters (tag characters, bidi overrides or zero-width runs)',
          start: found.index,
          end: found.index + found[0].length,
        },
        'hidden_unicode',
      );
  }
  if (!PROSE.test(text)) return out;
  // Offsets of pattern matches are positions in this view of the text (injection is reported, not redacted).
  const visible = ZERO_WIDTH.test(text) ? text.replace(ZERO_WIDTH, '') : text;
  ZERO_WIDTH.lastIndex = 0;
  const view = visible.replace(/\S{257,}/g, (run) => run.slice(0, MAX_WORD));
  for (const [offset, piece] of pieces(view)) {
    for (const rule of WARDEN_INJECTION_RULES) {
      const found = firstInstruction(rule, piece);
      if (found)
        add(
          {
            id: rule.id,
            label: rule.label,
            start: offset + found.index,
            end: offset + found.index + found.length,
          },
          rule.label,
        );
    }
    const hidden = hiddenInstruction(piece);
    if (hidden)
      add(
        {
          id: 'injection.hidden_text',
          label: 'text hidden from the reader (a comment or an invisible element) that instructs the agent',
          start: offset + hidden.index,
          end: offset + hidden.index + hidden.length,
        },
        'hidden_text',
      );
    if (offset >= MAX_ATR_SCAN || !ATR_TRIGGER.test(piece)) continue;
    for (const rule of atrRules()) {
      if (seen.has(rule.id)) continue;
      for (const regex of rule.regexes) {
        const found = regex.exec(piece);
        if (!found) continue;
        add(
          {
            id: categoryId(rule.category),
            label: `${rule.title} (agent-threat-rules ${rule.id})`,
            start: offset + found.index,
            end: offset + found.index + found[0].length,
          },
          rule.id,
        );
        break;
      }
    }
  }
  return out;
}
