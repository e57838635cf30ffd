/** One of Warden's own secret patterns. They run before the external rules and win where both match. */
export interface WardenSecretRule {
  id: string;
  label: string;
  pattern: RegExp;
  /** Lower-case words one of which must be in the text for the pattern to run. */
  keywords: readonly string[];
}

// High-precision patterns only: a guard that cries wolf on every hex string gets switched off.
export const WARDEN_SECRET_RULES: readonly WardenSecretRule[] = [
  {
    id: 'secret.private_key',
    label: 'a private key',
    // The whole block is the secret; an unterminated block runs to the end of the text (bounded below).
    pattern:
      /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----(?:[^-]|-(?!----END))*(?:-----END [A-Z0-9 ]*-----)?/g,
    keywords: ['private key'],
  },
  {
    id: 'secret.aws_access_key',
    label: 'an AWS access key id',
    pattern: /\b(?:AKIA|ASIA|ABIA|ACCA)[0-9A-Z]{16}\b/g,
    keywords: ['akia', 'asia', 'abia', 'acca'],
  },
  {
    id: 'secret.github_token',
    label: 'a GitHub token',
    pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{60,255})\b/g,
    keywords: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_', 'github_pat_'],
  },
  {
    id: 'secret.gitlab_token',
    label: 'a GitLab token',
    pattern: /\bglpat-[A-Za-z0-9_-]{20,}\b/g,
    keywords: ['glpat-'],
  },
  {
    id: 'secret.slack_token',
    label: 'a Slack token',
    // Issued tokens carry the workspace's numeric id first.
    pattern: /\bxox[abposr]-\d{8,}-[A-Za-z0-9-]{10,}\b/g,
    keywords: ['xoxa-', 'xoxb-', 'xoxp-', 'xoxo-', 'xoxs-', 'xoxr-'],
  },
  {
    id: 'secret.anthropic_key',
    label: 'an Anthropic API key',
    // The issued format: a type and version, 93 characters and `AA`.
    pattern: /\bsk-ant-(?:api|admin|oat|sid)\d{2}-[A-Za-z0-9_-]{93}AA\b/g,
    keywords: ['sk-ant-'],
  },
  {
    id: 'secret.openai_key',
    label: 'an OpenAI API key',
    pattern: /\bsk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,}T3BlbkFJ[A-Za-z0-9_-]{20,}\b/g,
    keywords: ['t3blbkfj'],
  },
  {
    id: 'secret.stripe_key',
    label: 'a Stripe secret key',
    pattern: /\b(?:sk|rk)_live_[0-9A-Za-z]{24,}\b/g,
    keywords: ['sk_live_', 'rk_live_'],
  },
  {
    id: 'secret.npm_token',
    label: 'an npm token',
    pattern: /\bnpm_[A-Za-z0-9]{36}\b/g,
    keywords: ['npm_'],
  },
  {
    id: 'secret.jwt',
    label: 'a JSON Web Token',
    pattern: /\beyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\b/g,
    keywords: ['eyj'],
  },
];
