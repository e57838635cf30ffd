/** An allowlist entry of an external rule: a match whose `target` matches `pattern` is not a secret. */
export interface ExternalAllow {
  pattern: string;
  flags: string;
  /** What the pattern is tested on: the secret, the whole match or its line. */
  target: string;
}

/** A secret rule taken as data from a maintained rule set (gitleaks), already turned into JavaScript syntax. */
export interface ExternalSecretRule {
  id: string;
  description: string;
  pattern: string;
  flags: string;
  /** Lower-case words one of which must be in the text for the rule to run (the prefilter). */
  keywords: readonly string[];
  /** The capture group holding the secret; by default the first group that matched, or the whole match. */
  secretGroup?: number;
  /** Minimum Shannon entropy (bits per character) of the secret. */
  entropy?: number;
  allow?: readonly ExternalAllow[];
  stopwords?: readonly string[];
}
