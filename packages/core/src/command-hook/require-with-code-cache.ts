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

/**
 * Loads a CommonJS bundle the way `require` would, but through `vm.Script` with a V8 code cache
 * written when the process exits, after the bundle has run. Node's own compile cache only holds
 * what V8 compiled before the module ran; a hook's cost is mostly functions compiled lazily on
 * their first call (parsing the input, the shell analysis, the decision, the audit append), and a
 * cache taken after a run holds those too. The cache lives in Warden's private home (a code cache
 * is not something to read from a directory other users can write), keyed by the Node version
 * and the bundle's size and mtime; V8 itself rejects a cache that does not match the source.
 * Any problem falls back to a plain `require`.
 */
export function requireWithCodeCache(options: { file: string; cacheDir: string }): unknown {
  const { file, cacheDir } = options;
  let cacheFile: string | undefined;
  try {
    const stats = statSync(file);
    const prefix = `${path.basename(file)}-`;
    cacheFile = path.join(
      cacheDir,
      `${prefix}${process.version}-${process.arch}-${stats.size}-${Math.floor(stats.mtimeMs)}.v8cache`,
    );
    let cachedData: Buffer | undefined;
    try {
      cachedData = readFileSync(cacheFile);
    } catch {
      // No cache yet: this run writes it.
    }
    const source = readFileSync(file, 'utf8');
    const script = new vm.Script(
      `(function (exports, require, module, __filename, __dirname) {${source}\n})`,
      {
        filename: file,
        cachedData,
      },
    );
    const module = { exports: {} as unknown };
    const run = script.runInThisContext() as (...args: unknown[]) => void;
    run(module.exports, createRequire(file), module, file, path.dirname(file));
    if (!cachedData || script.cachedDataRejected) {
      const target = cacheFile;
      process.once('exit', () => {
        try {
          mkdirSync(cacheDir, { recursive: true, mode: 0o700 });
          const temporary = `${target}.${process.pid}.tmp`;
          writeFileSync(temporary, script.createCachedData(), { mode: 0o600 });
          renameSync(temporary, target);
          // Caches of earlier versions of the bundle are of no use any more.
          for (const name of readdirSync(cacheDir)) {
            if (
              name.startsWith(prefix) &&
              name.endsWith('.v8cache') &&
              path.join(cacheDir, name) !== target
            ) {
              unlinkSync(path.join(cacheDir, name));
            }
          }
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
