import { appendFileSync } from 'node:fs';
import path from 'node:path';

export interface CodexHookTrustEntry {
  /** The `[hooks.state."<key>"]` key Codex records trust under. */
  key: string;
  /** The hook's current hash, as `status()` of `@warden/codex` reports it. */
  hash: string;
}

export interface TrustCodexHooksOptions {
  codexHome: string;
  /** What to trust: `status({ env, detection }).trust` of `@warden/codex`. */
  trust: readonly CodexHookTrustEntry[];
}

/**
 * Does what the user's review in Codex's /hooks records: appends a `[hooks.state."<key>"]` table
 * with `trusted_hash` for each hook to `config.toml`. Codex skips untrusted hooks silently, so an
 * e2e test that wants Warden to run must trust its hooks this way (there is no bypass flag).
 */
export function trustCodexHooks(options: TrustCodexHooksOptions): void {
  const tables = options.trust.map(
    (entry) => `\n[hooks.state.${JSON.stringify(entry.key)}]\ntrusted_hash = ${JSON.stringify(entry.hash)}\n`,
  );
  appendFileSync(path.join(options.codexHome, 'config.toml'), tables.join(''));
}
