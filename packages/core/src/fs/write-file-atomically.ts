import { copyFileSync, existsSync, mkdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Writes a file atomically (temporary file + rename in the same directory), after copying the
 * previous version to `<file>.warden-backup` and keeping its permissions. Installers use it on
 * the agents' settings files, which must never be left half-written.
 */
export function writeFileAtomically(options: { file: string; text: string }): { backup?: string } {
  const { file } = options;
  mkdirSync(path.dirname(file), { recursive: true });
  let backup: string | undefined;
  let mode = 0o644;
  if (existsSync(file)) {
    mode = statSync(file).mode & 0o777;
    backup = `${file}.warden-backup`;
    copyFileSync(file, backup);
  }
  const temporary = `${file}.warden-${process.pid}-${Date.now()}.tmp`;
  writeFileSync(temporary, options.text, { mode });
  renameSync(temporary, file);
  return backup ? { backup } : {};
}
