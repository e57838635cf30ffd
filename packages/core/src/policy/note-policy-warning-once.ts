import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as z from 'zod/mini';

/** `$WARDEN_HOME/state/policy-warnings.json`: which sessions were told about the policy's warnings. */
export const POLICY_WARNING_STATE_FILE = path.join('state', 'policy-warnings.json');
/** Sessions remembered; an older one told again is the worst that can happen. */
const REMEMBERED_SESSIONS = 64;

const stateSchema = z.object({ digest: z.string(), sessions: z.array(z.string()) });

/**
 * Whether this session has still to be told about the policy's warnings (and notes that it has
 * now been told). The state names the warnings by digest, so a changed policy warns every
 * session again. Best effort: when the state cannot be read or written, the session is told
 * (telling twice beats never). Never throws.
 */
export function notePolicyWarningOnce(options: {
  home: string;
  session: string;
  warnings: readonly string[];
}): boolean {
  const file = path.join(options.home, POLICY_WARNING_STATE_FILE);
  const digest = createHash('sha256').update(options.warnings.join('\n')).digest('hex').slice(0, 32);
  let sessions: string[] = [];
  try {
    const parsed = stateSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (parsed.success && parsed.data.digest === digest) sessions = parsed.data.sessions;
  } catch {
    // No state yet, or unreadable: start afresh.
  }
  if (sessions.includes(options.session)) return false;
  const next = { digest, sessions: [...sessions, options.session].slice(-REMEMBERED_SESSIONS) };
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    writeFileSync(temporary, `${JSON.stringify(next)}\n`, { mode: 0o600 });
    renameSync(temporary, file);
  } catch {
    rmSync(temporary, { force: true });
  }
  return true;
}
