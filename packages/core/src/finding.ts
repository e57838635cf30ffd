/**
 * Something a detector or the shell analyser noticed: `secret.private_key`, `shell.download_exec`,
 * `shell.unparseable`. Rules refer to findings by id (globs allowed: `secret.*`).
 */
export interface Finding {
  id: string;
  message: string;
  /** Where it was seen: a program name, a path, a field. Never the secret itself. */
  subject?: string;
}
