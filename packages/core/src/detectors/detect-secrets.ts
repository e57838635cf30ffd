import type { Finding } from '../finding.js';

interface SecretPattern {
  id: string;
  label: string;
  pattern: RegExp;
}

// High-precision patterns only: a guard that cries wolf on every hex string gets switched off.
export const SECRET_PATTERNS: readonly SecretPattern[] = [
  {
    id: 'secret.private_key',
    label: 'a private key',
    pattern: /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----/g,
  },
  {
    id: 'secret.aws_access_key',
    label: 'an AWS access key id',
    pattern: /\b(?:AKIA|ASIA|ABIA|ACCA)[0-9A-Z]{16}\b/g,
  },
  {
    id: 'secret.github_token',
    label: 'a GitHub token',
    pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{60,255})\b/g,
  },
  { id: 'secret.gitlab_token', label: 'a GitLab token', pattern: /\bglpat-[A-Za-z0-9_-]{20,}\b/g },
  { id: 'secret.slack_token', label: 'a Slack token', pattern: /\bxox[abposr]-[A-Za-z0-9-]{10,}\b/g },
  { id: 'secret.anthropic_key', label: 'an Anthropic API key', pattern: /\bsk-ant-[A-Za-z0-9_-]{20,}\b/g },
  {
    id: 'secret.openai_key',
    label: 'an OpenAI API key',
    pattern: /\bsk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,}T3BlbkFJ[A-Za-z0-9_-]{20,}\b/g,
  },
  { id: 'secret.google_api_key', label: 'a Google API key', pattern: /\bAIza[0-9A-Za-z_-]{35}\b/g },
  { id: 'secret.stripe_key', label: 'a Stripe secret key', pattern: /\b(?:sk|rk)_live_[0-9A-Za-z]{24,}\b/g },
  { id: 'secret.npm_token', label: 'an npm token', pattern: /\bnpm_[A-Za-z0-9]{36}\b/g },
  {
    id: 'secret.jwt',
    label: 'a JSON Web Token',
    pattern: /\beyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\b/g,
  },
];

const MAX_SCAN = 1_000_000;

/** Finds secrets in text. Findings name the kind of secret, never the secret. */
export function detectSecrets(options: { text: string; subject?: string }): Finding[] {
  const text = options.text.length > MAX_SCAN ? options.text.slice(0, MAX_SCAN) : options.text;
  const findings: Finding[] = [];
  for (const { id, label, pattern } of SECRET_PATTERNS) {
    pattern.lastIndex = 0;
    if (pattern.test(text)) {
      findings.push({
        id,
        message: `contains ${label}`,
        ...(options.subject ? { subject: options.subject } : {}),
      });
    }
  }
  return findings;
}

/** Replaces every secret in the text with a marker naming its kind. */
export function redactSecrets(text: string): string {
  let result = text;
  for (const { id, pattern } of SECRET_PATTERNS) {
    pattern.lastIndex = 0;
    if (id === 'secret.private_key') {
      result = result.replace(
        /-----BEGIN ((?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?)-----[\s\S]*?(?:-----END \1-----|$)/g,
        '[REDACTED:secret.private_key]',
      );
    } else {
      result = result.replace(pattern, `[REDACTED:${id}]`);
    }
  }
  return result;
}
