import { readFileSync } from 'node:fs';
import { PolicyError } from '../errors.js';
import { BUILTIN_PACKS } from '../packs/index.js';
import { parsePolicy } from './parse-policy.js';
import type { Policy } from './policy-schema.js';
import { type ResolvedPolicy, resolvePolicy } from './resolve-policy.js';

type Yaml = typeof import('yaml');

/** Reads and validates one policy file (YAML or JSON). Needs the `yaml` module, loaded lazily by callers. */
export function readPolicyFile(options: { file: string; yaml: Yaml }): Policy {
  let text: string;
  try {
    text = readFileSync(options.file, 'utf8');
  } catch (error) {
    throw new PolicyError({
      message: `cannot read the policy file (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
      file: options.file,
      cause: error,
    });
  }
  return parsePolicy({ text, file: options.file, yaml: options.yaml });
}

/**
 * Loads a policy from a file, or a built-in pack by name, with everything it extends.
 * The YAML parser is imported only when a file has to be read, so the built-in packs cost nothing.
 */
export async function loadPolicy(options: { file?: string; pack?: string }): Promise<ResolvedPolicy> {
  if (options.file) {
    const yaml = await import('yaml');
    const loadFile = (file: string) => readPolicyFile({ file, yaml });
    return resolvePolicy({ policy: loadFile(options.file), source: options.file, loadFile });
  }
  const name = options.pack ?? 'recommended';
  const pack = BUILTIN_PACKS[name];
  if (!pack)
    throw new PolicyError({
      message: `unknown pack "${name}" (built-in packs: ${Object.keys(BUILTIN_PACKS).join(', ')})`,
    });
  return resolvePolicy({
    policy: pack,
    source: `pack:${name}`,
    loadFile: () => {
      throw new PolicyError({ message: 'built-in packs extend only built-in packs' });
    },
  });
}
