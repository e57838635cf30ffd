import {
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';
import { checkPrivatePath } from '../fs/check-private-path.js';
import { shortHash } from './short-hash.js';

const MAGIC = 'WARDENV8';
const HEADER_BYTES = MAGIC.length + 16;
/** Temporary files older than this are leftovers of a process that died while writing. */
const STALE_TEMPORARY_MS = 60_000;

/**
 * What binds a cache to the exact bundle file it was made from: device, inode, size, and the
 * modification and change times in nanoseconds. Any rewrite of the bytes changes the change time
 * (which, unlike mtime, no one can set back), so a cache made from other bytes of the same length,
 * which V8 itself would accept, is never used.
 */
export function bundleIdentity(file: string): string {
  const stats = statSync(file, { bigint: true });
  return shortHash(`${stats.dev}:${stats.ino}:${stats.size}:${stats.mtimeNs}:${stats.ctimeNs}`);
}

/** A short, stable tag of the bundle's location: each adapter's hook gets its own cache file. */
function locationTag(file: string): string {
  return shortHash(path.resolve(file)).slice(0, 8);
}

/** Removes leftovers: this bundle's caches in the older naming, and temporary files of dead writers. */
function cleanCacheDir(cacheDir: string, base: string, target: string): void {
  const oldNaming = new RegExp(
    `^${base.replace(/\./g, '\\.')}-v\\d+\\.\\d+\\.\\d+-[^-]+-\\d+-\\d+\\.v8cache$`,
  );
  for (const name of readdirSync(cacheDir)) {
    const full = path.join(cacheDir, name);
    if (full === target) continue;
    try {
      if (oldNaming.test(name)) unlinkSync(full);
      else if (name.endsWith('.tmp') && Date.now() - statSync(full).mtimeMs > STALE_TEMPORARY_MS)
        unlinkSync(full);
    } catch {
      // Removed by another process meanwhile.
    }
  }
}

/** Writes the cache through a temporary file and a rename; the temporary never outlives a failure. */
function writeCacheAtomically(options: {
  cacheDir: string;
  target: string;
  header: Buffer;
  data: Buffer;
}): void {
  mkdirSync(options.cacheDir, { recursive: true, mode: 0o700 });
  const temporary = `${options.target}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    writeFileSync(temporary, Buffer.concat([options.header, options.data]), { mode: 0o600 });
    renameSync(temporary, options.target);
  } finally {
    try {
      unlinkSync(temporary);
    } catch {
      // Renamed into place (the usual case), or never created.
    }
  }
}

/** The lazy chunks built beside a bundle (`lazy-*.cjs`, see build/lazy-modules.ts). */
const LAZY_CHUNK = /^\.\/lazy-[\w.-]+\.cjs$/;
/** Chunks loaded through the code cache in this process, by file: each runs once, as with `require`. */
const loadedChunks = new Map<string, unknown>();

/**
 * The `require` a bundle loaded here gets: its lazy chunks (the detector rule data, the YAML
 * parser, …) load through the code cache as well, instead of being compiled from source on every
 * run that needs them; anything else is Node's own `require` from the bundle's place.
 */
function bundleRequire(options: { file: string; cacheDir: string }): NodeJS.Require {
  const plain = createRequire(options.file);
  const load = (specifier: string): unknown => {
    if (!LAZY_CHUNK.test(specifier)) return plain(specifier);
    const chunk = path.join(path.dirname(options.file), specifier);
    if (!loadedChunks.has(chunk))
      loadedChunks.set(chunk, requireWithCodeCache({ file: chunk, cacheDir: options.cacheDir }));
    return loadedChunks.get(chunk);
  };
  return Object.assign(load, {
    resolve: plain.resolve,
    cache: plain.cache,
    extensions: plain.extensions,
    main: plain.main,
  }) as NodeJS.Require;
}

/**
 * Loads a CommonJS bundle the way `require` would, but through `vm.Script` with a V8 code cache
 * written when the process exits, after the bundle has run. Node's own compile cache only holds
 * what V8 compiled before the module ran; a hook's cost is mostly functions compiled lazily on
 * their first call (parsing the input, the shell analysis, the decision, the audit append), and a
 * cache taken after a run holds those too.
 *
 * The cache lives in Warden's private home, and only a home that passes the ssh-style check is used
 * (a code cache is code). There is one cache file per bundle location (so the Claude Code and
 * Codex hooks do not evict each other), keyed by Node version and architecture; it starts with
 * the bundle file's identity (`bundleIdentity`), and a cache made from another file or other bytes
 * is ignored and replaced (V8 itself accepts any cache of a source of the same length). The bundle's
 * lazy chunks are loaded the same way when it asks for them, each with its own cache file. Any
 * problem falls back to a plain `require`.
 */
export function requireWithCodeCache(options: { file: string; cacheDir: string }): unknown {
  const { file, cacheDir } = options;
  try {
    const home = path.dirname(cacheDir);
    if (
      checkPrivatePath({ path: home, role: 'home' }) ||
      checkPrivatePath({ path: cacheDir, role: 'cache' })
    ) {
      return createRequire(file)(file);
    }
    const fingerprint = bundleIdentity(file);
    const source = readFileSync(file, 'utf8');
    const base = path.basename(file);
    const target = path.join(
      cacheDir,
      `${base}-${locationTag(file)}-${process.version}-${process.arch}.v8cache`,
    );
    let cachedData: Buffer | undefined;
    try {
      const cached = readFileSync(target);
      if (cached.subarray(0, HEADER_BYTES).toString('latin1') === `${MAGIC}${fingerprint}`) {
        cachedData = cached.subarray(HEADER_BYTES);
      }
    } catch {
      // No cache yet: this run writes it.
    }
    const script = new vm.Script(
      `(function (exports, require, module, __filename, __dirname) {${source}\n})`,
      { filename: file, ...(cachedData ? { cachedData } : {}) },
    );
    const module = { exports: {} as unknown };
    const run = script.runInThisContext() as (...args: unknown[]) => void;
    run(module.exports, bundleRequire({ file, cacheDir }), module, file, path.dirname(file));
    if (!cachedData || script.cachedDataRejected) {
      process.once('exit', () => {
        try {
          writeCacheAtomically({
            cacheDir,
            target,
            header: Buffer.from(`${MAGIC}${fingerprint}`, 'latin1'),
            data: script.createCachedData(),
          });
          cleanCacheDir(cacheDir, base, target);
        } catch {
          // The cache is an optimisation only.
        }
      });
    }
    return module.exports;
  } catch {
    return createRequire(file)(file);
  }
}
