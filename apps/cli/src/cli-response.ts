/** What a command hands back: printed by bin.ts, asserted by tests. */
export interface CliResponse {
  stdout: string;
  stderr: string;
  exitCode: number;
}

export function fail(message: string, exitCode = 1): CliResponse {
  return { stdout: '', stderr: `warden: ${message}\n`, exitCode };
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
