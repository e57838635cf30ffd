import type { Finding } from '../finding.js';
import type { DetectorMatch } from './detector-match.js';
import type { DetectorFamily, DetectorPhase, DetectorSettings } from './detectors-settings.js';
import { scanInjection } from './injection/scan-injection.js';
import { scanPii } from './pii/scan-pii.js';
import { scanSecrets } from './secrets/scan-secrets.js';

/** The detector family of a finding id (`secret.x` -> secrets), or undefined for other findings. */
export function familyOf(findingId: string): DetectorFamily | undefined {
  if (findingId.startsWith('secret.')) return 'secrets';
  if (findingId.startsWith('pii.')) return 'pii';
  if (findingId.startsWith('injection.')) return 'injection';
  return undefined;
}

/** Runs the families the settings enable for this phase (a family whose action is `off` does not run). */
export function scanText(options: {
  text: string;
  phase: DetectorPhase;
  settings: DetectorSettings;
  families?: readonly DetectorFamily[];
}): DetectorMatch[] {
  const { text, phase, settings } = options;
  const runs = (family: DetectorFamily) =>
    settings[family].enabled &&
    settings[family].actions[phase] !== 'off' &&
    (!options.families || options.families.includes(family));
  const matches: DetectorMatch[] = [];
  if (text.length === 0) return matches;
  if (runs('secrets')) matches.push(...scanSecrets({ text }));
  if (runs('pii')) {
    // A secret's span is not also reported as personal data (a key can contain a card-like digit run).
    for (const match of scanPii({
      text,
      kinds: settings.pii.kinds,
      ...(settings.pii.defaultCountry ? { defaultCountry: settings.pii.defaultCountry } : {}),
    })) {
      if (!matches.some((other) => match.start < other.end && other.start < match.end)) matches.push(match);
    }
  }
  if (runs('injection')) matches.push(...scanInjection({ text }));
  return matches;
}

/** Findings of a text: one per id, naming the kind and never the matched text. */
export function detectText(options: {
  text: string;
  phase: DetectorPhase;
  settings: DetectorSettings;
  subject?: string;
}): Finding[] {
  const findings: Finding[] = [];
  for (const match of scanText(options)) {
    if (findings.some((finding) => finding.id === match.id)) continue;
    findings.push({
      id: match.id,
      message: `contains ${match.label}${match.encoding ? ` (${match.encoding}-encoded)` : ''}`,
      ...(options.subject ? { subject: options.subject } : {}),
    });
  }
  return findings;
}

/** Every string in a JSON value (a tool's output), depth-first, at most 64 levels deep. */
export function textsOf(value: unknown, depth = 0, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (value !== null && typeof value === 'object' && depth < 64) {
    for (const inner of Array.isArray(value) ? value : Object.values(value)) textsOf(inner, depth + 1, out);
  }
  return out;
}
