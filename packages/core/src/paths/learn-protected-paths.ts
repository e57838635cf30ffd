import path from 'node:path';
import type { CompiledPolicy } from '../policy/compile-policy.js';
import { type ProtectedPaths, resolveProtectedPaths } from './resolve-protected-paths.js';

const learned = new Map<string, ProtectedPaths>();
const MAX_REMEMBERED = 16;

/**
 * The protected places for a decision, learned once per configuration and project (a session
 * server decides many events with one configuration): every policy file any layer was read from,
 * plus what `resolveProtectedPaths` finds in Warden's home and the environment.
 */
export function learnProtectedPaths(options: {
  wardenHome: string;
  userHome: string;
  cwd: string;
  policies: readonly CompiledPolicy[];
}): ProtectedPaths {
  const policyFiles = [
    ...new Set(
      options.policies.flatMap((policy) => policy.sources).filter((source) => path.isAbsolute(source)),
    ),
  ].sort();
  const key = JSON.stringify([options.wardenHome, options.userHome, options.cwd, policyFiles]);
  let paths = learned.get(key);
  if (!paths) {
    paths = resolveProtectedPaths({
      wardenHome: options.wardenHome,
      userHome: options.userHome,
      cwd: options.cwd,
      policyFiles,
    });
    if (learned.size >= MAX_REMEMBERED) learned.delete(learned.keys().next().value!);
    learned.set(key, paths);
  }
  return paths;
}
