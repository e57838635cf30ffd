import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as z from 'zod/mini';
import { sha256Hex } from '../audit/sha256.js';
import { writeFileAtomically } from '../fs/write-file-atomically.js';

/** Kept in Warden's home, never in the repository: a repository cannot trust itself. */
export const TRUSTED_PROJECTS_FILE = 'trusted-projects.json';

function buildTrustedProjectsSchema() {
  const trustedProjectSchema = z.object({
    root: z.string(),
    /** sha256 of the policy file when it was trusted: a changed policy is untrusted again. */
    sha256: z.string(),
    trustedAt: z.string(),
  });
  return z.object({ v: z.literal(1), projects: z.array(trustedProjectSchema) });
}
// Built on first use: a hook builds it only where a project policy and a trust file exist.
let trustedProjectsSchema: ReturnType<typeof buildTrustedProjectsSchema> | undefined;
export type TrustedProject = z.infer<ReturnType<typeof buildTrustedProjectsSchema>>['projects'][number];

export function readTrustedProjects(options: { wardenHome: string }): TrustedProject[] {
  const file = path.join(options.wardenHome, TRUSTED_PROJECTS_FILE);
  if (!existsSync(file)) return [];
  try {
    trustedProjectsSchema ??= buildTrustedProjectsSchema();
    const parsed = trustedProjectsSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    // An unreadable trust file trusts nothing: the safe reading.
    return parsed.success ? parsed.data.projects : [];
  } catch {
    return [];
  }
}

export function policyDigest(text: string): string {
  return sha256Hex(text);
}

/** Whether the project at `root` is trusted with exactly this policy text. */
export function projectTrust(options: {
  wardenHome: string;
  root: string;
  text: string;
}): 'trusted' | 'changed' | 'untrusted' {
  const entry = readTrustedProjects(options).find((project) => project.root === path.resolve(options.root));
  if (!entry) return 'untrusted';
  return entry.sha256 === policyDigest(options.text) ? 'trusted' : 'changed';
}

/** Records (or with `trust: false` removes) the user's trust in a project's current policy. */
export function setProjectTrust(options: {
  wardenHome: string;
  root: string;
  text?: string;
  trust: boolean;
}): { file: string; changed: boolean } {
  const root = path.resolve(options.root);
  const file = path.join(options.wardenHome, TRUSTED_PROJECTS_FILE);
  const projects = readTrustedProjects(options);
  const kept = projects.filter((project) => project.root !== root);
  const next = options.trust
    ? [...kept, { root, sha256: policyDigest(options.text ?? ''), trustedAt: new Date().toISOString() }]
    : kept;
  const changed = JSON.stringify(next) !== JSON.stringify(projects);
  if (changed) {
    mkdirSync(options.wardenHome, { recursive: true, mode: 0o700 });
    writeFileAtomically({ file, text: `${JSON.stringify({ v: 1, projects: next }, null, 2)}\n` });
  }
  return { file, changed };
}
