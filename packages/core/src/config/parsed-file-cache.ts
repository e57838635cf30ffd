import { mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import packageJson from '../../package.json' with { type: 'json' };
import { shortHash } from '../command-hook/short-hash.js';
import { checkPrivatePath } from '../fs/check-private-path.js';

/** Bumped whenever what a cached value means changes without a new Warden version. */
const CACHE_FORMAT = 1;

/** What a cache entry holds: a config file's validated settings, or one policy file's validated policy. */
export type ParsedFileKind = 'config' | 'policy';

interface CacheHeader {
  format: number;
  version: string;
  kind: ParsedFileKind;
  file: string;
  /** shortHash of the body: a torn or damaged body is recognised before it is parsed. */
  check: string;
}

function cacheFile(cacheDir: string, kind: ParsedFileKind, file: string): string {
  return path.join(cacheDir, `${kind}-${shortHash(path.resolve(file))}.parsed.json`);
}

/**
 * The cache directory to use under Warden's home, or undefined when it must not be used: a
 * home or cache directory that is not private to the user (the ssh rule, as for the code cache).
 */
export function parsedFileCacheDir(home: string): string | undefined {
  const cacheDir = path.join(home, 'cache');
  if (checkPrivatePath({ path: home, role: 'home' }) || checkPrivatePath({ path: cacheDir, role: 'cache' }))
    return undefined;
  return cacheDir;
}

/**
 * The value parsed and validated from exactly this `text` of `file` by this Warden version, or
 * undefined. The key is the file's whole content, compared byte for byte with the text the entry
 * was made from (policy files are small, and no hash can then make another text pass for this
 * one), plus the file's path, the entry kind, Warden's version and the cache format. Any doubt
 * (unreadable, torn, another version, a checksum or content mismatch, a file that is not private)
 * reads as a miss, so the caller parses the file again: a damaged cache never changes a decision.
 */
export function readParsedFile<T>(options: {
  cacheDir: string | undefined;
  kind: ParsedFileKind;
  file: string;
  text: string;
}): T | undefined {
  if (!options.cacheDir) return undefined;
  try {
    const target = cacheFile(options.cacheDir, options.kind, options.file);
    const raw = readFileSync(target, 'utf8');
    const newline = raw.indexOf('\n');
    if (newline < 0) return undefined;
    const header = JSON.parse(raw.slice(0, newline)) as Partial<CacheHeader>;
    const body = raw.slice(newline + 1);
    if (
      header.format !== CACHE_FORMAT ||
      header.version !== packageJson.version ||
      header.kind !== options.kind ||
      header.file !== path.resolve(options.file) ||
      header.check !== shortHash(body)
    )
      return undefined;
    const entry = JSON.parse(body) as { text?: unknown; value?: unknown };
    if (entry.text !== options.text || entry.value === undefined) return undefined;
    // Written by someone else (or made writable by others): not taken as ours.
    if (checkPrivatePath({ path: target, role: 'cache' })) return undefined;
    return entry.value as T;
  } catch {
    return undefined;
  }
}

/**
 * Stores what `text` of `file` parsed and validated to. Only values that passed validation are
 * stored (a file with an error is parsed again each time, so its message stays exact). Written
 * privately through a temporary file and a rename; failing to write is not an error.
 */
export function writeParsedFile(options: {
  cacheDir: string | undefined;
  kind: ParsedFileKind;
  file: string;
  text: string;
  value: unknown;
}): void {
  if (!options.cacheDir) return;
  const target = cacheFile(options.cacheDir, options.kind, options.file);
  const temporary = `${target}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    mkdirSync(options.cacheDir, { recursive: true, mode: 0o700 });
    const body = JSON.stringify({ text: options.text, value: options.value });
    const header: CacheHeader = {
      format: CACHE_FORMAT,
      version: packageJson.version,
      kind: options.kind,
      file: path.resolve(options.file),
      check: shortHash(body),
    };
    writeFileSync(temporary, `${JSON.stringify(header)}\n${body}`, { mode: 0o600 });
    renameSync(temporary, target);
  } catch {
    // The cache is an optimisation only.
  } finally {
    try {
      unlinkSync(temporary);
    } catch {
      // Renamed into place, or never created.
    }
  }
}
