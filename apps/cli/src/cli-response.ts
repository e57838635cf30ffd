/** What a command hands back: printed by bin.ts, asserted by tests. */
export interface CliResponse {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/** Documented exit codes (README): the same meaning in every command. */
export const EXIT = {
  ok: 0,
  /** A check failed, or something was found (a deny, a broken log, an agent not enforcing). */
  failed: 1,
  /** The command line is wrong: unknown command, flag or value. */
  usage: 2,
  /** The environment is wrong: a file missing or unreadable, a server unreachable, a package missing. */
  environment: 3,
} as const;

export type ErrorCode = 'usage' | 'failed' | 'environment';

const CODE_OF_EXIT: Record<number, ErrorCode> = { 1: 'failed', 2: 'usage', 3: 'environment' };

/**
 * An error, in the one shape every command uses: `warden: <message>` on stderr, or with `--json`
 * `{"error":{"code","message"}}` on stdout (and nothing else).
 */
export function fail(message: string, exitCode: number = EXIT.failed, json = false): CliResponse {
  if (json) {
    return {
      stdout: `${JSON.stringify({ error: { code: CODE_OF_EXIT[exitCode] ?? 'failed', message } })}\n`,
      stderr: '',
      exitCode,
    };
  }
  return { stdout: '', stderr: `warden: ${message}\n`, exitCode };
}

/** A result: JSON only with `--json`, else the text. */
export function respond(options: {
  json: boolean;
  data: unknown;
  text: string;
  exitCode?: number;
  /** Text goes to stderr (a failure report). */
  toStderr?: boolean;
}): CliResponse {
  const exitCode = options.exitCode ?? EXIT.ok;
  if (options.json) return { stdout: `${JSON.stringify(options.data, null, 2)}\n`, stderr: '', exitCode };
  const text = options.text.endsWith('\n') || options.text === '' ? options.text : `${options.text}\n`;
  return options.toStderr ? { stdout: '', stderr: text, exitCode } : { stdout: text, stderr: '', exitCode };
}

/** 1536 -> "1.5 KiB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
