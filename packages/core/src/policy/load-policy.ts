import { readFileSync } from 'node:fs';
import { PolicyError } from '../errors.js';
import { BUILTIN_PACKS } from '../packs/index.js';
// Static, not lazy: a lazy bundle would carry its own copy of linear-regex.ts, without the engine.
import { checkPolicyRegexes } from './check-policy-regexes.js';
import { keepProtections } from './keep-protections.js';
import { loadRegexEngine, rulesUseRegex } from './linear-regex.js';
import type { Policy } from './policy-schema.js';
import { type ResolvedPolicy, resolvePolicy } from './resolve-policy.js';

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
export async function loadPolicy(options: { file?: string; pack?: string }): Promise<ResolvedPolicy> {
  if (options.file) {
    const [yaml, { parsePolicy }] = await Promise.all([import('yaml'), import('./parse-policy.js')]);
    const loadFile = (file: string): Policy => parsePolicy({ text: readText(file), file, yaml });
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
