import { compilePattern } from '../compile-pattern.js';
import type { DetectorMatch } from '../detector-match.js';
import { createTextMemo } from '../text-memo.js';
import type { ExternalSecretRule } from './external-rule.js';
import { GITLEAKS_KEYWORDS } from './gitleaks-keywords.generated.js';
import type { GitleaksData } from './gitleaks-rules.generated.js';
import { createKeywordIndex, type KeywordIndex } from './keyword-index.js';
import { WARDEN_SECRET_RULES, type WardenSecretRule } from './warden-secret-rules.js';

/** A rule ready to run: its regex is compiled on first use, so a clean text compiles none. */
interface PreparedRule {
  id: string;
  label: string;
  keywords: readonly string[];
  source?: ExternalSecretRule;
  regex?: RegExp | null;
  allow?: { regex: RegExp; target: string }[];
  accept?: WardenSecretRule['accept'];
}

const WINDOW_BEFORE = 1024;
const WINDOW_AFTER = 2048;
/** Past this many hits of one keyword the rule just runs over the whole text. */
const MAX_HITS = 2000;
const MAX_DECODED_TOTAL = 512 * 1024;
const MAX_ENCODED_RUN = 64 * 1024;
/** Texts longer than this are not searched for secrets split into pieces (the joined copy costs memory). */
const MAX_JOINED_TEXT = 1024 * 1024;
/** How far around a joint of split pieces the joined text is scanned. */
const JOINT_REACH: readonly [number, number] = [512, 512];

function toFindingId(gitleaksId: string): string {
  return `secret.${gitleaksId.replaceAll('-', '_')}`;
}

let prepared:
  | {
      rules: PreparedRule[];
      keywords: KeywordIndex;
      /** The indices of the rules each keyword anchors, in rule order. */
      rulesByKeyword: Map<string, number[]>;
      globalAllow: RegExp[];
      globalStopwords: readonly string[];
    }
  | undefined;

/** gitleaks' rule data, once `loadDetectorRules` (or `provideGitleaksRules`) has brought it in. */
let gitleaksRules: GitleaksData | undefined;

/**
 * Hands the scanner gitleaks' rule data. The data (about 95 KB) lives in a chunk of its own that
 * `loadDetectorRules` loads only for a text that needs it, so a plain tool call never reads it.
 */
export function provideGitleaksRules(data: GitleaksData): void {
  gitleaksRules = data;
  prepared = undefined;
  for (const listener of ruleListeners) listener();
}

/** Whether gitleaks' rules are loaded (without them only Warden's own patterns run). */
export function gitleaksRulesLoaded(): boolean {
  return gitleaksRules !== undefined;
}

function prepare() {
  if (prepared) return prepared;
  const gitleaks: GitleaksData = gitleaksRules ?? { globalAllow: [], globalStopwords: [], rules: [] };
  const rules: PreparedRule[] = [
    ...WARDEN_SECRET_RULES.map((rule) => ({
      id: rule.id,
      label: rule.label,
      keywords: rule.keywords,
      regex: rule.pattern,
      accept: rule.accept,
    })),
    ...gitleaks.rules.map((rule) => ({
      id: toFindingId(rule.id),
      label: `a secret (gitleaks rule ${rule.id})`,
      keywords: rule.keywords,
      source: rule,
    })),
  ];
  const keywords = createKeywordIndex({ keywords: rules.flatMap((rule) => rule.keywords) });
  const rulesByKeyword = new Map<string, number[]>();
  rules.forEach((rule, index) => {
    for (const keyword of new Set(rule.keywords)) {
      const list = rulesByKeyword.get(keyword);
      if (list) list.push(index);
      else rulesByKeyword.set(keyword, [index]);
    }
  });
  const globalAllow = gitleaks.globalAllow.flatMap(
    (entry) => compilePattern(entry.pattern, entry.flags) ?? [],
  );
  prepared = { rules, keywords, rulesByKeyword, globalAllow, globalStopwords: gitleaks.globalStopwords };
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

/** Words that make a value a stand-in: `YOUR_API_KEY`, `<token>`, `sk-example-…`, `changeme`. */
const STAND_IN =
  /example|sample|dummy|placeholder|changeme|change_me|redacted|your[_-]?(?:api|token|key|secret|pass)|replace[_-]?me|insert[_-]?(?:your|key|token)|<[a-z_ -]+>|\bfake/i;
/** Elided or masked values: `ops_eyJ…`, `sk-…XXXX`, `xoxp-…-####`. */
const MASKED = /\.\.\.|…|#{4}|\*{4}|x{6}|X{6}/;
/** A group of characters repeated three times in a row: `1234-1234-1234`, `abcabcabc`. */
const REPEATED_GROUP = /(.{3,8})\1\1/;

/** The share of characters in ascending runs of three or more (`abc`, `123`, `klmnop`): typed, not generated. */
function sequentialShare(secret: string): number {
  const lower = secret.toLowerCase();
  let inRuns = 0;
  let run = 1;
  for (let index = 1; index <= lower.length; index++) {
    const ascending =
      index < lower.length &&
      lower.charCodeAt(index) === lower.charCodeAt(index - 1) + 1 &&
      /[a-z0-9]/.test(lower[index]!);
    if (ascending) run++;
    else {
      if (run >= 3) inRuns += run;
      run = 1;
    }
  }
  return secret.length === 0 ? 0 : inRuns / secret.length;
}

/** A checksum or commit id (md5, sha1, sha256 in hex): what a keyword-anchored generic rule most often takes for a key. */
const HEX_DIGEST = /^(?:[0-9a-f]{32}|[0-9a-f]{40}|[0-9a-f]{64})$/i;

/**
 * The classes of values that look like keys and are not (measured on gitleaks' own false-positive
 * samples, see bench/DETECTORS.md): stand-ins and documentation placeholders, elided or masked
 * values, and, for rules anchored only by a keyword (`generic`), hand-typed sequences (`abc123`,
 * `1234567890`, `1234-1234-1234`), checksums and commit ids. `after` is the text right after the value, where
 * a mask often continues (`xoxp-…-####`).
 */
export function isPlaceholder(options: { secret: string; after?: string; generic?: boolean }): boolean {
  const { secret } = options;
  if (secret.startsWith('-----BEGIN')) {
    // A key block with (almost) nothing in it is an example in documentation.
    const body = secret.replace(/-----(?:BEGIN|END)[^-]*-----/g, '').replace(/\s/g, '');
    return body.length < 6 || /^(?:[.x…]+|anything|redacted|your[\w-]*|\.\.\.)$/i.test(body);
  }
  if (STAND_IN.test(secret) || MASKED.test(secret)) return true;
  if (options.after !== undefined && /^[-_.]?(?:\.\.\.|…|#{3}|\*{3}|x{4}|X{4})/.test(options.after))
    return true;
  // A value in a service's exact format (prefix, length, alphabet) is strong evidence even when it
  // looks typed; a value that only sits beside a word like `token` is not.
  if (options.generic !== true) return false;
  return REPEATED_GROUP.test(secret) || sequentialShare(secret) >= 0.35 || HEX_DIGEST.test(secret);
}

/** Claims a token that grants access carries: who it is for, who issued it, when it expires. */
const AUTH_CLAIMS = [
  'iss',
  'sub',
  'aud',
  'exp',
  'iat',
  'nbf',
  'jti',
  'azp',
  'scope',
  'scp',
  'role',
  'roles',
  'email',
  'uid',
  'user',
  'user_id',
  'username',
  'sid',
  'session',
  'client_id',
  'tenant',
  'tid',
  'oid',
  'name',
];

/**
 * A JWT is a credential when its payload says whom or what it is for; a signed blob of data
 * (`{"confidence":0.8}`) is not. An undecodable payload counts as a credential (the safe side).
 */
function jwtCarriesClaims(token: string): boolean {
  const payload = token.split('.')[1] ?? '';
  let claims: unknown;
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return true;
  }
  if (claims === null || typeof claims !== 'object' || Array.isArray(claims)) return true;
  return AUTH_CLAIMS.some((claim) => Object.hasOwn(claims, claim));
}

function lineAround(text: string, start: number, end: number): string {
  const from = text.lastIndexOf('\n', start) + 1;
  const to = text.indexOf('\n', end);
  return text.slice(from, to < 0 ? text.length : Math.min(to, from + 4096));
}

function windowsFor(positions: number[], length: number): Array<[number, number]> {
  return windowsAround(positions, length, [WINDOW_BEFORE, WINDOW_AFTER]);
}

function windowsAround(
  positions: number[],
  length: number,
  [before, after]: readonly [number, number],
): Array<[number, number]> {
  positions.sort((a, b) => a - b);
  const windows: Array<[number, number]> = [];
  for (const position of positions) {
    const start = Math.max(0, position - before);
    const end = Math.min(length, position + after);
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
  const after = text.slice(span[1], span[1] + 8);
  // Warden's and gitleaks' JWT rules share the id; either way a token without claims is data.
  if (rule.id === 'secret.jwt' && !jwtCarriesClaims(secret)) return false;
  if (rule.accept) return rule.accept({ secret, match: match[0] });
  if (!source)
    return !isPlaceholder({ secret, after }) && !/(.)\1{7}/.test(secret) && shannonEntropy(secret) >= 3;
  if (isPlaceholder({ secret, after, generic: source.id === 'generic-api-key' })) return false;
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

interface DecodedRun {
  start: number;
  end: number;
  decoded: string;
  encoding: 'base64' | 'url' | 'hex';
}

/**
 * The base64, hex and URL-encoded runs of a text, decoded, within a total budget of decoded text
 * (a megabyte of base64 costs at most MAX_DECODED_TOTAL of scanning). Each yields its span in the text.
 */
function* decodedRuns(text: string): Generator<DecodedRun> {
  let budget = MAX_DECODED_TOTAL;
  const base64 = /[A-Za-z0-9+/_-]{24,}={0,2}/g;
  for (let run = base64.exec(text); run && budget > 0; run = base64.exec(text)) {
    const encoded = run[0];
    if (encoded.length > MAX_ENCODED_RUN) continue;
    // An even run of hex digits is hex (a hash decodes to binary and is dropped below).
    const hex = encoded.length % 2 === 0 && /^[0-9a-fA-F]+$/.test(encoded);
    const decoded = Buffer.from(
      encoded,
      hex ? 'hex' : encoded.includes('-') || encoded.includes('_') ? 'base64url' : 'base64',
    ).toString('latin1');
    budget -= decoded.length;
    if (!isMostlyPrintable(decoded)) continue;
    yield { start: run.index, end: run.index + encoded.length, decoded, encoding: hex ? 'hex' : 'base64' };
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
    let decoded: string;
    try {
      decoded = decodeURIComponent(text.slice(start, end).replaceAll('+', ' '));
    } catch {
      continue;
    }
    budget -= decoded.length;
    yield { start, end, decoded, encoding: 'url' };
  }
}

/** Secrets hidden in base64, hex or URL-encoded runs: the whole encoded run is the match. */
function scanEncoded(text: string, out: DetectorMatch[]): void {
  for (const run of decodedRuns(text)) {
    for (const inner of scan(run.decoded, 1)) {
      out.push({ ...inner, start: run.start, end: run.end, encoding: run.encoding });
      break;
    }
  }
}

/**
 * Where a string is built from pieces (`"AKIA" + "Q3ZP…"`, a quoted string continued on the next
 * line, a shell line continuation), the pieces joined, with each character's offset in the text.
 * Undefined when the text has no such joint.
 */
function isBlank(code: number): boolean {
  return code === 0x20 || code === 0x09;
}

/** The end of a joint starting at a closing quote (`" + "`, `"\n  "`, `' . '`), or -1. No regex: no backtracking. */
function jointEnd(text: string, quoteAt: number): number {
  const quote = text.charCodeAt(quoteAt);
  let index = quoteAt + 1;
  const skipBlanks = () => {
    while (index < text.length && index - quoteAt < 64 && isBlank(text.charCodeAt(index))) index++;
  };
  const skipOperator = () => {
    const char = text[index];
    if (char === '+' || char === '.') index++;
    else if (char === '|' && text[index + 1] === '|') index += 2;
  };
  skipBlanks();
  skipOperator();
  skipBlanks();
  if (text[index] === '\\') index++;
  if (text[index] === '\r') index++;
  if (text[index] === '\n') index++;
  skipBlanks();
  skipOperator();
  skipBlanks();
  // Two quotes with nothing between are an empty string, not a joint.
  if (index === quoteAt + 1 || text.charCodeAt(index) !== quote) return -1;
  return index + 1;
}

/** A joint starts at a quote or a backslash: a text with neither has none (most paths and commands). */
const JOINT_START = /["'`\\]/;

function joinedPieces(text: string): { joined: string; offsets: Int32Array; joints: number[] } | undefined {
  if (!JOINT_START.test(text)) return undefined;
  // Allocated at the first joint: most texts have none.
  let offsets: Int32Array | undefined;
  const joints: number[] = [];
  const parts: string[] = [];
  let length = 0;
  let from = 0;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    let end = -1;
    if (char === '"' || char === "'" || char === '`') end = jointEnd(text, index);
    else if (
      char === '\\' &&
      (text[index + 1] === '\n' || (text[index + 1] === '\r' && text[index + 2] === '\n'))
    ) {
      // A line continuation (shell, C, Python): the backslash, the line break and the next indent.
      end = index + (text[index + 1] === '\r' ? 3 : 2);
      while (end < text.length && isBlank(text.charCodeAt(end))) end++;
    }
    if (end < 0) continue;
    offsets ??= new Int32Array(text.length);
    for (let at = from; at < index; at++) offsets[length + at - from] = at;
    parts.push(text.slice(from, index));
    length += index - from;
    joints.push(length);
    from = end;
    index = end - 1;
  }
  if (from === 0 || !offsets) return undefined;
  for (let at = from; at < text.length; at++) offsets[length + at - from] = at;
  parts.push(text.slice(from));
  length += text.length - from;
  return { joined: parts.join(''), offsets: offsets.subarray(0, length), joints };
}

/**
 * Secrets split into pieces: found in the joined text around each joint (a secret is at most a few
 * hundred characters, so the rest of the text is not scanned twice), reported over the whole span
 * of the pieces.
 */
function scanJoined(text: string, out: DetectorMatch[]): void {
  if (text.length > MAX_JOINED_TEXT) return;
  const pieces = joinedPieces(text);
  if (!pieces) return;
  for (const [from, to] of windowsAround(pieces.joints, pieces.joined.length, JOINT_REACH)) {
    for (const inner of scan(pieces.joined.slice(from, to), 1)) {
      const start = pieces.offsets[from + inner.start]!;
      const end = pieces.offsets[from + inner.end - 1]! + 1;
      // A secret that was whole already is reported by the plain scan.
      if (end - start === inner.end - inner.start) continue;
      out.push({ ...inner, start, end });
    }
  }
}

/**
 * Keywords so common in ordinary text and commands (`key`, `they`, `task`, `ls.`) that they alone
 * do not make the rule data worth loading: with only these, a text must also hold a token-like run.
 */
const WEAK_KEYWORDS = new Set([
  'access',
  'api',
  'api-',
  'auth',
  'creds',
  'credential',
  'curl',
  'ey',
  'ext_',
  'fm1',
  'intra',
  'jira',
  'key',
  'linear',
  'live_',
  'okta',
  'passwd',
  'password',
  'pat.',
  's.',
  'sat.',
  'sc_',
  'secret',
  'sg.',
  'sk',
  'test_',
  'token',
]);
/** gitleaks' keywords and the weak ones, found in one pass (built on first use). */
let suggestIndex: KeywordIndex | undefined;
/** A run of token characters with a letter and a digit in it: what every weakly anchored secret has. */
const TOKEN_RUN = /[\w.=~+:-]{8,}/g;

function hasTokenRun(text: string): boolean {
  TOKEN_RUN.lastIndex = 0;
  for (let run = TOKEN_RUN.exec(text); run; run = TOKEN_RUN.exec(text)) {
    if (/\d/.test(run[0]) && /[A-Za-z]/.test(run[0])) return true;
  }
  return false;
}

function keywordsSuggestRules(text: string): boolean {
  suggestIndex ??= createKeywordIndex({ keywords: [...GITLEAKS_KEYWORDS, ...WEAK_KEYWORDS] });
  let weak = false;
  // A strong keyword decides at once; weak ones only with a token-like run in the text.
  const strong = suggestIndex.some(text.toLowerCase(), (keyword) => {
    if (!WEAK_KEYWORDS.has(keyword)) return true;
    weak = true;
    return false;
  });
  return strong || (weak && hasTokenRun(text));
}

/**
 * Whether gitleaks' rules could find anything in this text (its keywords, in the text or in an
 * encoded run of it): the cheap check that decides whether their data is loaded at all.
 */
export function secretRulesNeeded(options: { text: string }): boolean {
  const { text } = options;
  const known = needed.get(text);
  if (known !== undefined) return known;
  const answer = rulesNeeded(text);
  needed.set(text, answer);
  return answer;
}

/** The answer depends on the text alone (the keyword lists are fixed). */
const needed = createTextMemo<boolean>();

function rulesNeeded(text: string): boolean {
  if (keywordsSuggestRules(text)) return true;
  for (const run of decodedRuns(text)) if (keywordsSuggestRules(run.decoded)) return true;
  const pieces = text.length <= MAX_JOINED_TEXT ? joinedPieces(text) : undefined;
  return pieces !== undefined && keywordsSuggestRules(pieces.joined);
}

function scan(text: string, depth: number): DetectorMatch[] {
  const { rules, keywords, rulesByKeyword, globalAllow, globalStopwords } = prepare();
  const lower = text.toLowerCase();
  // Lower-casing some characters changes the length; then keyword offsets are not text offsets.
  const offsetsHold = lower.length === text.length;
  const hits = keywords.hits(lower, MAX_HITS);
  const out: DetectorMatch[] = [];
  if (hits.size > 0) {
    // The rules one of whose keywords occurs, in rule order (Warden's own first: they win overlaps).
    const anchored = new Set<number>();
    for (const keyword of hits.keys())
      for (const index of rulesByKeyword.get(keyword) ?? []) anchored.add(index);
    for (const index of [...anchored].sort((a, b) => a - b)) {
      const rule = rules[index]!;
      let positions: number[] | undefined = [];
      for (const keyword of rule.keywords) {
        if (!hits.has(keyword)) continue;
        const list = hits.get(keyword);
        if (!list || !offsetsHold) {
          positions = undefined;
          break;
        }
        positions.push(...list);
      }
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
  const more: DetectorMatch[] = [];
  scanEncoded(text, more);
  scanJoined(text, more);
  return withoutOverlaps([...plain, ...more]);
}

/**
 * Finds secrets in a text: Warden's own patterns, then gitleaks' rule set (as data, once
 * `loadDetectorRules` has loaded it). A keyword prefilter decides which rules run and where, so a
 * clean text costs one lower-casing and a few substring searches. Base64, hex and URL-encoded runs
 * are decoded once and scanned too, and so are strings split into concatenated or continued pieces.
 */
export function scanSecrets(options: { text: string }): DetectorMatch[] {
  const known = scanned.get(options.text);
  if (known !== undefined) return known.map((match) => ({ ...match }));
  const matches = scan(options.text, 0);
  scanned.set(
    options.text,
    matches.map((match) => ({ ...match })),
  );
  return matches;
}

/** What texts were found to hold; forgotten when more rules are loaded. */
const scanned = createTextMemo<DetectorMatch[]>();

/** Called when the rules change: what a text holds may differ now. */
export function onSecretRulesChange(listener: () => void): void {
  ruleListeners.push(listener);
}
const ruleListeners: Array<() => void> = [() => scanned.clear()];

/** Every rule id this scanner can report, for documentation and policy completion. */
export function secretRuleIds(): string[] {
  return prepare().rules.map((rule) => rule.id);
}
