/**
 * One thing a detector found in a text, with where it is, so it can be redacted. Offsets are
 * UTF-16 code unit indices into the scanned string. Matches never leave the process: findings
 * carry the id and a description, never the matched text.
 */
export interface DetectorMatch {
  /** Finding id: `secret.aws_access_key`, `pii.card`, `injection.hidden_unicode`. */
  id: string;
  /** What was found, in words (`an AWS access key id`). */
  label: string;
  start: number;
  end: number;
  /** How the text was encoded where it was found (`base64`, `url`), when it was not plain. */
  encoding?: 'base64' | 'url' | 'hex';
}
