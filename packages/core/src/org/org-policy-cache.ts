import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { formatIssue } from '../format-issue.js';
import {
  ORG_POLICY_CACHE_FILE,
  type OrgPolicyCache,
  orgPolicyCacheSchema,
} from '../ingest/warden-protocol.js';

/** Where the device keeps the last `GET /v1/policy` answer: `$WARDEN_HOME/org-policy.json`. */
export function orgPolicyCachePath(options: { home: string }): string {
  return path.join(options.home, ORG_POLICY_CACHE_FILE);
}

export type OrgPolicyCacheRead =
  | { status: 'missing' }
  | { status: 'ok'; cache: OrgPolicyCache }
  /** The file is there but cannot be used: it is ignored, and the reason is reported. */
  | { status: 'invalid'; error: string };

/**
 * Reads the cached org policy answer. A file that is not JSON or not a v1 answer is reported,
 * never thrown: the hook goes on with the local policy and says why the org's is not applied.
 */
export function readOrgPolicyCache(options: { home: string }): OrgPolicyCacheRead {
  const file = orgPolicyCachePath(options);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { status: 'missing' };
    return { status: 'invalid', error: `${file}: cannot be read (${(error as NodeJS.ErrnoException).code})` };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { status: 'invalid', error: `${file}: not JSON (${(error as Error).message})` };
  }
  const parsed = orgPolicyCacheSchema.safeParse(value);
  if (!parsed.success)
    return { status: 'invalid', error: `${file}: ${formatIssue(parsed.error.issues[0]!)}` };
  return { status: 'ok', cache: parsed.data };
}

/** Replaces the cache in one step (temporary file + rename), readable by the user only. */
export function writeOrgPolicyCache(options: { home: string; cache: OrgPolicyCache }): void {
  const file = orgPolicyCachePath(options);
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const temporary = `${file}.${process.pid}-${Date.now()}.tmp`;
  try {
    writeFileSync(temporary, `${JSON.stringify(options.cache, null, 2)}\n`, { mode: 0o600 });
    renameSync(temporary, file);
  } catch (error) {
    if (existsSync(temporary)) rmSync(temporary, { force: true });
    throw error;
  }
}
