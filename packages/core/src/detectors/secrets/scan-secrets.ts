import { compilePattern } from '../compile-pattern.js';
import type { DetectorMatch } from '../detector-match.js';
import type { ExternalSecretRule } from './external-rule.js';
import { gitleaksData } from './gitleaks-rules.generated.js';
import { WARDEN_SECRET_RULES } from './warden-secret-rules.js';

/** A rule ready to run: its regex is compiled on first use, so a clean text compiles none. */
interface PreparedRule {
  id: string;
  label: string;
  keywords: readonly string[];
  source?: ExternalSecretRule;
  regex?: RegExp | null;
  allow?: { regex: RegExp; target: string }[];
}

const WINDOW_BEFORE = 1024;
const WINDOW_AFTER = 2048;
/** Past this many hits of one keyword the rule just runs over the whole text. */
const MAX_HITS = 2000;
const MAX_DECODED_TOTAL = 512 * 1024;
const MAX_ENCODED_RUN = 64 * 1024;

function toFindingId(gitleaksId: string): string {
  return `secret.${gitleaksId.replaceAll('-', '_')}`;
}

let prepared:
  | { rules: PreparedRule[]; keywords: string[]; globalAllow: RegExp[]; globalStopwords: readonly string[] }
  | undefined;

function prepare() {
  if (prepared) return prepared;
  const gitleaks = gitleaksData();
  const rules: PreparedRule[] = [
    ...WARDEN_SECRET_RULES.map((rule) => ({
      id: rule.id,
      label: rule.label,
      keywords: rule.keywords,
      regex: rule.pattern,
    })),
    ...gitleaks.rules.map((rule) => ({
      id: toFindingId(rule.id),
      label: `a secret (gitleaks rule ${rule.id})`,
      keywords: rule.keywords,
      source: rule,
    })),
  ];
  const keywords = [...new Set(rules.flatMap((rule) => rule.keywords))];
  const globalAllow = gitleaks.globalAllow.flatMap(
    (entry) => compilePattern(entry.pattern, entry.flags) ?? [],
  );
  prepared = { rules, keywords, globalAllow, globalStopwords: gitleaks.globalStopwords };
  return prepared;
}

function compile(rule: PreparedRule): RegExp | null {
  if (rule.regex !== undefined) return rule.regex;
  const source = rule.source!;
  // `d` gives capture group offsets, so only the secret itself is redacted. A pattern this Node
  // cannot compile at all is skipped, not fatal.
  rule.regex = compilePattern(source.pattern, `${source.flags}gd`);
  rule.allow = (source.allow ?? []).flatMap((entry) => {
    const regex = compilePattern(entry.pattern, entry.flags);
    return regex ? [{ regex, target: entry.target }] : [];
  });
  return rule.regex;
}

/** Shannon entropy in bits per character. */
export function shannonEntropy(text: string): number {
  if (text.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const char of text) counts.set(char, (counts.get(char) ?? 0) + 1);
  let entropy = 0;
  for (const count of counts.values()) {
    const p = count / text.length;
    entropy -= p * Math.log2(p);
  }
  return entropy;
}

/**
 * Documentation placeholders that Warden's own patterns would otherwise take for keys:
 * `AKIAIOSFODNN7EXAMPLE`, `ghp_xxxxxxxx…`, `sk-ant-…XXXX`. gitleaks' rules bring their own allowlists.
 */
function isPlaceholder(secret: string): boolean {
  if (secret.startsWith('-----BEGIN')) {
    // A key block with (almost) nothing in it is an example in documentation.
    const body = secret.replace(/-----(?:BEGIN|END)[^-]*-----/g, '').replace(/\s/g, '');
    return body.length < 6 || /^(?:[.x…]+|anything|redacted|your[\w-]*|\.\.\.)$/i.test(body);
  }
  return /EXAMPLE|(?:x{6}|X{6}|#{4})|(.)\1{7}/.test(secret) || shannonEntropy(secret) < 3;
}

function lineAround(text: string, start: number, end: number): string {
  const from = text.lastIndexOf('\n', start) + 1;
  const to = text.indexOf('\n', end);
  return text.slice(from, to < 0 ? text.length : Math.min(to, from + 4096));
}

/** Where each keyword occurs (lower-cased text); `undefined` when it occurs too often to list. */
function keywordHits(lower: string, keywords: readonly string[]): Map<string, number[] | undefined> {
  const hits = new Map<string, number[] | undefined>();
  for (const keyword of keywords) {
    let index = lower.indexOf(keyword);
    if (index < 0) continue;
    const positions: number[] = [];
    while (index >= 0 && positions.length < MAX_HITS) {
      positions.push(index);
      index = lower.indexOf(keyword, index + keyword.length);
    }
    hits.set(keyword, index >= 0 ? undefined : positions);
  }
  return hits;
}

function windowsFor(positions: number[], length: number): Array<[number, number]> {
  positions.sort((a, b) => a - b);
  const windows: Array<[number, number]> = [];
  for (const position of positions) {
    const start = Math.max(0, position - WINDOW_BEFORE);
    const end = Math.min(length, position + WINDOW_AFTER);
    const last = windows[windows.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else windows.push([start, end]);
  }
  return windows;
}

function secretSpan(match: RegExpExecArray, rule: PreparedRule): [number, number] {
  const indices = match.indices;
  const whole: [number, number] = [match.index, match.index + match[0].length];
  if (!indices) return whole;
  const group = rule.source?.secretGroup;
  if (group !== undefined) return indices[group] ?? whole;
  for (let index = 1; index < indices.length; index++) {
    const span = indices[index];
    if (span && span[1] > span[0]) return span;
  }
  return whole;
}

function accepted(options: {
  rule: PreparedRule;
  text: string;
  match: RegExpExecArray;
  span: [number, number];
  globalAllow: RegExp[];
  globalStopwords: readonly string[];
}): boolean {
  const { rule, text, match, span } = options;
  const source = rule.source;
  const secret = text.slice(span[0], span[1]);
  if (!source) return !isPlaceholder(secret);
  if (source.entropy !== undefined && shannonEntropy(secret) < source.entropy) return false;
  if (options.globalAllow.some((regex) => regex.test(secret))) return false;
  const lowerSecret = secret.toLowerCase();
  if (options.globalStopwords.some((word) => lowerSecret.includes(word))) return false;
  if (source.stopwords?.some((word) => lowerSecret.includes(word))) return false;
  for (const { regex, target } of rule.allow ?? []) {
    const subject =
      target === 'match'
        ? match[0]
        : target === 'line'
          ? lineAround(text, match.index, match.index + match[0].length)
          : secret;
    if (regex.test(subject)) return false;
  }
  return true;
}

function runRule(options: {
  rule: PreparedRule;
  regex: RegExp;
  text: string;
  windows: Array<[number, number]> | undefined;
  globalAllow: RegExp[];
  globalStopwords: readonly string[];
  out: DetectorMatch[];
}): void {
  const { rule, regex, text, out } = options;
  const windows = options.windows ?? [[0, text.length]];
  for (const [from, to] of windows) {
    const slice = from === 0 && to === text.length ? text : text.slice(from, to);
    regex.lastIndex = 0;
    for (let match = regex.exec(slice); match; match = regex.exec(slice)) {
      if (match[0].length === 0) {
        regex.lastIndex++;
        continue;
      }
      const span = secretSpan(match, rule);
      if (
        !accepted({
          rule,
          text: slice,
          match,
          span,
          globalAllow: options.globalAllow,
          globalStopwords: options.globalStopwords,
        })
      )
        continue;
      out.push({ id: rule.id, label: rule.label, start: from + span[0], end: from + span[1] });
    }
  }
}

/** Keeps the first of overlapping matches: Warden's own rules come first, so they win. */
function withoutOverlaps(matches: DetectorMatch[]): DetectorMatch[] {
  const kept: DetectorMatch[] = [];
  for (const match of matches) {
    if (kept.some((other) => match.start < other.end && other.start < match.end)) continue;
    kept.push(match);
  }
  return kept.sort((a, b) => a.start - b.start);
}

function isMostlyPrintable(text: string): boolean {
  if (text.length === 0) return false;
  let printable = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if ((code >= 0x20 && code < 0x7f) || code === 0x0a || code === 0x0d || code === 0x09) printable++;
  }
  return printable / text.length > 0.9;
}

/** Secrets hidden in base64 or URL-encoded runs: the whole encoded run is the match. */
function scanEncoded(text: string, out: DetectorMatch[]): void {
  let budget = MAX_DECODED_TOTAL;
  const base64 = /[A-Za-z0-9+/_-]{24,}={0,2}/g;
  for (let run = base64.exec(text); run && budget > 0; run = base64.exec(text)) {
    const encoded = run[0];
    if (encoded.length > MAX_ENCODED_RUN) continue;
    const decoded = Buffer.from(
      encoded,
      encoded.includes('-') || encoded.includes('_') ? 'base64url' : 'base64',
    ).toString('latin1');
    budget -= decoded.length;
    if (!isMostlyPrintable(decoded)) continue;
    for (const inner of scan(decoded, 1)) {
      out.push({ ...inner, start: run.index, end: run.index + encoded.length, encoding: 'base64' });
      break;
    }
  }
  if (!text.includes('%')) return;
  // Found from each %XX outwards, not by one regex: `[...]*%XX` backtracks quadratically on long runs.
  const percentEscape = /%[0-9A-Fa-f]{2}/g;
  const inRun = (code: number) => /[A-Za-z0-9._~+=&:/%-]/.test(String.fromCharCode(code));
  for (let hit = percentEscape.exec(text); hit && budget > 0; hit = percentEscape.exec(text)) {
    let start = hit.index;
    while (start > 0 && inRun(text.charCodeAt(start - 1))) start--;
    let end = hit.index + 3;
    while (end < text.length && inRun(text.charCodeAt(end))) end++;
    percentEscape.lastIndex = end;
    if (end - start > MAX_ENCODED_RUN) continue;
    const run = text.slice(start, end);
    let decoded: string;
    try {
      decoded = decodeURIComponent(run.replaceAll('+', ' '));
    } catch {
      continue;
    }
    budget -= decoded.length;
    for (const inner of scan(decoded, 1)) {
      out.push({ ...inner, start, end, encoding: 'url' });
      break;
    }
  }
}

function scan(text: string, depth: number): DetectorMatch[] {
  const { rules, keywords, globalAllow, globalStopwords } = prepare();
  const lower = text.toLowerCase();
  // Lower-casing some characters changes the length; then keyword offsets are not text offsets.
  const offsetsHold = lower.length === text.length;
  const hits = keywordHits(lower, keywords);
  const out: DetectorMatch[] = [];
  if (hits.size > 0) {
    for (const rule of rules) {
      let positions: number[] | undefined = [];
      let found = false;
      for (const keyword of rule.keywords) {
        if (!hits.has(keyword)) continue;
        found = true;
        const list = hits.get(keyword);
        if (!list || !offsetsHold) {
          positions = undefined;
          break;
        }
        positions.push(...list);
      }
      if (!found) continue;
      const regex = compile(rule);
      if (!regex) continue;
      runRule({
        rule,
        regex,
        text,
        windows: positions && windowsFor(positions, text.length),
        globalAllow,
        globalStopwords,
        out,
      });
    }
  }
  const plain = withoutOverlaps(out);
  if (depth > 0) return plain;
  const encoded: DetectorMatch[] = [];
  scanEncoded(text, encoded);
  return withoutOverlaps([...plain, ...encoded]);
}

/**
 * Finds secrets in a text: Warden's own patterns, then gitleaks' rule set (as data). A keyword
 * prefilter decides which rules run and where, so a clean text costs one lower-casing and a few
 * substring searches. Base64 and URL-encoded runs are decoded once and scanned too.
 */
export function scanSecrets(options: { text: string }): DetectorMatch[] {
  return scan(options.text, 0);
}

/** Every rule id this scanner can report, for documentation and policy completion. */
export function secretRuleIds(): string[] {
  return prepare().rules.map((rule) => rule.id);
}
