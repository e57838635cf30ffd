/**
 * How long an answer of the file system (where a path really leads, where the project policy
 * is) is reused. A long-lived process (the Agent SDK, the session server) decides thousands of
 * events a second, mostly about the same few paths; each answer costs several system calls. A
 * command hook lives for one event, so this changes nothing there.
 *
 * Two things bound how stale an answer can be: this lifetime, for changes made by other
 * processes (the user's shell, another agent), and `forgetLookups`, which the guard calls when
 * the agent's own tool may have changed the file system (before a tool that writes, runs a
 * command or calls a server, and after it ran): a symlink the agent swaps is seen at its next
 * tool call, as without the cache.
 */
export const LOOKUP_TTL_MS = 100;

/** Entries past this are dropped all at once (a process walking a huge tree must not grow without end). */
const MAX_ENTRIES = 4096;

export interface LookupCache<V> {
  /** The remembered answer, unless it is older than the lifetime or was forgotten. */
  get(key: string): V | undefined;
  set(key: string, value: V): void;
}

const caches = new Set<Map<string, unknown>>();

/** Drops every remembered answer of every lookup cache in this process. */
export function forgetLookups(): void {
  for (const cache of caches) cache.clear();
}

/**
 * A lookup cache whose entries live `LOOKUP_TTL_MS` and are dropped by `forgetLookups`, unless
 * `keepWhenToolsRun` (answers about Warden's own files, which the agent's tools are denied).
 */
export function createLookupCache<V>(options: { keepWhenToolsRun?: boolean } = {}): LookupCache<V> {
  const entries = new Map<string, { value: V; at: number }>();
  if (!options.keepWhenToolsRun) caches.add(entries as Map<string, unknown>);
  return {
    get(key) {
      const entry = entries.get(key);
      if (entry === undefined) return undefined;
      const age = Date.now() - entry.at;
      // A clock that went backwards counts as expired too.
      if (age >= 0 && age < LOOKUP_TTL_MS) return entry.value;
      entries.delete(key);
      return undefined;
    },
    set(key, value) {
      if (entries.size >= MAX_ENTRIES) entries.clear();
      entries.set(key, { value, at: Date.now() });
    },
  };
}
