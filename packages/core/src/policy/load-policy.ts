import { readFileSync } from 'node:fs';
import { readParsedFile, writeParsedFile } from '../config/parsed-file-cache.js';
import { PolicyError } from '../errors.js';
import { BUILTIN_PACKS } from '../packs/index.js';
// Static, not lazy: a lazy bundle would carry its own copy of linear-regex.ts, without the engine.
import { checkPolicyRegexes } from './check-policy-regexes.js';
import { keepProtections } from './keep-protections.js';
import { loadRegexEngine, rulesUseRegex } from './linear-regex.js';
import type { Policy } from './policy-schema.js';
import { type ResolvedPolicy, resolvePolicy } from './resolve-policy.js';

/** Thrown by the cache-only loader when a file of the chain is not cached with its current content. */
const CACHE_MISS = Symbol('cache miss');

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new PolicyError({
      message: `cannot read the policy file (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
      file,
      cause: error,
    });
  }
}

/**
 * Loads a policy from a file, or a built-in pack by name, with everything it extends. A file
 * with no protections keeps the recommended pack's unless it acknowledges it (keepProtections).
 * The YAML parser and the policy schema are imported only when a file has to be read, so a
 * hook running a built-in pack does not pay for them.
 */
export async function loadPolicy(options: {
  file?: string;
  pack?: string;
  /** Where parsed policy files are cached (`parsedFileCacheDir`); default: no cache. */
  cacheDir?: string | undefined;
}): Promise<ResolvedPolicy> {
  if (options.file) {
    const { cacheDir } = options;
    const texts = new Map<string, string>();
    const textOf = (file: string): string => {
      let text = texts.get(file);
      if (text === undefined) {
        text = readText(file);
        texts.set(file, text);
      }
      return text;
    };
    // First from the cache alone: when every file of the chain (the policy and what it extends)
    // is there with the same content, neither the YAML parser nor the schema is loaded.
    const fromCache = (file: string): Policy => {
      const cached = readParsedFile<Policy>({ cacheDir, kind: 'policy', file, text: textOf(file) });
      if (!cached) throw CACHE_MISS;
      return cached;
    };
    try {
      const policy = fromCache(options.file);
      const resolved = keepProtections({
        resolved: resolvePolicy({ policy, source: options.file, loadFile: fromCache }),
        policy,
        source: options.file,
      });
      if (rulesUseRegex(resolved.rules)) await loadRegexEngine();
      return resolved;
    } catch (error) {
      if (error !== CACHE_MISS) throw error;
    }
    const [yaml, { parsePolicy }] = await Promise.all([import('yaml'), import('./parse-policy.js')]);
    const parsed = new Map<string, Policy>();
    const loadFile = (file: string): Policy => {
      const policy = parsePolicy({ text: textOf(file), file, yaml });
      parsed.set(file, policy);
      return policy;
    };
    const policy = loadFile(options.file);
    const resolved = keepProtections({
      resolved: resolvePolicy({ policy, source: options.file, loadFile }),
      policy,
      source: options.file,
    });
    // Only a policy with `matches` loads the regular expression engine (hook start-up).
    if (rulesUseRegex(resolved.rules)) {
      await loadRegexEngine();
      checkPolicyRegexes({ rules: resolved.rules, yaml });
    }
    // Cached only once the whole chain is valid, its expressions included.
    for (const [file, policy] of parsed)
      writeParsedFile({ cacheDir, kind: 'policy', file, text: textOf(file), value: policy });
    return resolved;
  }
  const name = options.pack ?? 'recommended';
  const pack = BUILTIN_PACKS[name];
  if (!pack) {
    throw new PolicyError({
      message: `unknown pack "${name}" (built-in packs: ${Object.keys(BUILTIN_PACKS).join(', ')})`,
    });
  }
  return resolvePolicy({
    policy: pack,
    source: `pack:${name}`,
    loadFile: () => {
      throw new PolicyError({ message: 'built-in packs extend only built-in packs' });
    },
  });
}
