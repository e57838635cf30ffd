import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import * as z from 'zod/mini';
import { writeFileAtomically } from '../fs/write-file-atomically.js';

/** `warden suspend` writes it; while it exists every decision is a deny. */
export const SUSPENSION_FILE = 'suspended.json';

// Built on first use: nearly every hook run finds no suspension file and never needs it.
let suspensionFileSchema: z.ZodMiniType<{ since: string; reason?: string | undefined }> | undefined;

/** The local suspension, if any. An unreadable file still suspends: it was meant to. */
export function readSuspension(home: string): { suspended?: { since: string; reason?: string } } {
  const file = path.join(home, SUSPENSION_FILE);
  if (!existsSync(file)) return {};
  try {
    suspensionFileSchema ??= z.object({ since: z.string(), reason: z.optional(z.string()) });
    const parsed = suspensionFileSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (parsed.success) return { suspended: parsed.data };
  } catch {
    // fall through
  }
  return { suspended: { since: 'an unreadable suspended.json' } };
}

export function writeSuspension(options: { home: string; suspend: boolean; reason?: string }): boolean {
  const file = path.join(options.home, SUSPENSION_FILE);
  const was = existsSync(file);
  if (!options.suspend) {
    rmSync(file, { force: true });
    return was;
  }
  const value = { since: new Date().toISOString(), ...(options.reason ? { reason: options.reason } : {}) };
  writeFileAtomically({ file, text: `${JSON.stringify(value, null, 2)}\n` });
  rmSync(`${file}.warden-backup`, { force: true });
  return !was;
}
