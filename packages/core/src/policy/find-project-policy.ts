import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { createLookupCache } from '../paths/lookup-cache.js';

export const PROJECT_POLICY_PATH = path.join('.warden', 'policy.yaml');

/**
 * The repository policy for a working directory: `.warden/policy.yaml` in the directory or a
 * parent, up to the repository root (the nearest directory holding `.git`). Outside a repository
 * the walk stops at the user's home. Warden's own home never counts as a project (`~/.warden` is
 * the user's policy, not a repository's).
 */
export function findProjectPolicy(options: {
  cwd: string;
  wardenHome: string;
  userHome: string;
}): { root: string; file: string } | undefined {
  return searchProjectPolicy(options);
}

/**
 * `findProjectPolicy` for the decision path: a long-lived process asks it for every event of the
 * same few directories, so the answer is reused for `LOOKUP_TTL_MS`. Commands that act on the
 * answer (`warden trust`, `status`) search afresh with `findProjectPolicy`.
 */
export function findProjectPolicyForEvent(options: {
  cwd: string;
  wardenHome: string;
  userHome: string;
}): { root: string; file: string } | undefined {
  const key = `${options.cwd}\0${options.wardenHome}\0${options.userHome}`;
  const known = found.get(key);
  if (known !== undefined) return known === NONE ? undefined : { ...known };
  const result = searchProjectPolicy(options);
  found.set(key, result ?? NONE);
  return result && { ...result };
}

const NONE = { root: '', file: '' };
/**
 * Kept when the agent's tools run: the files that decide the answer are Warden's own (a project's
 * `.warden/`, which the agent may not write) and the repository's `.git`, whose appearance only
 * ends the search sooner, exactly as it does at once without this cache. Changes show within
 * `LOOKUP_TTL_MS`.
 */
const found = createLookupCache<{ root: string; file: string }>({ keepWhenToolsRun: true });

function searchProjectPolicy(options: {
  cwd: string;
  wardenHome: string;
  userHome: string;
}): { root: string; file: string } | undefined {
  let directory = path.resolve(options.cwd);
  const wardenHome = path.resolve(options.wardenHome);
  const userHome = path.resolve(options.userHome);
  for (let depth = 0; depth < 64; depth++) {
    const file = path.join(directory, PROJECT_POLICY_PATH);
    if (path.dirname(file) !== wardenHome && isFile(file)) return { root: directory, file };
    if (existsSync(path.join(directory, '.git')) || directory === userHome) return undefined;
    const parent = path.dirname(directory);
    if (parent === directory) return undefined;
    directory = parent;
  }
  return undefined;
}

function isFile(file: string): boolean {
  try {
    // No exception for the usual answer, "no such file": this runs for every directory up to the
    // repository's root on every event.
    return statSync(file, { throwIfNoEntry: false })?.isFile() ?? false;
  } catch {
    return false;
  }
}
