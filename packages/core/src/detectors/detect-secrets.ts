import type { Finding } from '../finding.js';
import { redactText } from './redact-text.js';
import { scanSecrets } from './secrets/scan-secrets.js';
import { WARDEN_SECRET_RULES } from './secrets/warden-secret-rules.js';

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

/** Replaces every secret in the text with a marker naming its kind. */
export function redactSecrets(text: string): string {
  return redactText({ text, matches: scanSecrets({ text }) });
}
