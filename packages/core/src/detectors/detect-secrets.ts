import type { Finding } from '../finding.js';
import { scanPii } from './pii/scan-pii.js';
import { redactText } from './redact-text.js';
import { onSecretRulesChange, scanSecrets } from './secrets/scan-secrets.js';
import { WARDEN_SECRET_RULES } from './secrets/warden-secret-rules.js';
import { createTextMemo } from './text-memo.js';

/** Warden's own secret patterns (the gitleaks rule set runs beside them in `scanSecrets`). */
export const SECRET_PATTERNS = WARDEN_SECRET_RULES;

/** Finds secrets in text. Findings name the kind of secret, never the secret. */
export function detectSecrets(options: { text: string; subject?: string }): Finding[] {
  const findings: Finding[] = [];
  for (const match of scanSecrets({ text: options.text })) {
    if (findings.some((finding) => finding.id === match.id)) continue;
    findings.push({
      id: match.id,
      message: `contains ${match.label}${match.encoding ? ` (${match.encoding}-encoded)` : ''}`,
      ...(options.subject ? { subject: options.subject } : {}),
    });
  }
  return findings;
}

/** Personal data that a checksum confirms: never written to the audit log or sent to a server. */
const RECORDED_PII_KINDS = ['card', 'iban', 'national_id'] as const;

/**
 * Replaces every secret in the text with a marker naming its kind, and the personal data a
 * checksum confirms (payment cards, IBANs, national ids) too: this is what the audit log and the
 * server receive, whatever the policy's actions (a warned card number is still not recorded).
 */
export function redactSecrets(text: string): string {
  const known = redacted.get(text);
  if (known !== undefined) return known;
  const matches = scanSecrets({ text });
  for (const match of scanPii({ text, kinds: RECORDED_PII_KINDS }))
    if (!matches.some((other) => match.start < other.end && other.start < match.end)) matches.push(match);
  const result = redactText({ text, matches });
  redacted.set(text, result);
  return result;
}

/** Texts as recorded: the same few (session, directory, tool names, reasons) come in every record. */
const redacted = createTextMemo<string>();
onSecretRulesChange(() => redacted.clear());
