/**
 * Remembers what a pure function of a text returned, for the texts a long-lived process sees over
 * and over: the detectors scan a tool input, then the audit record redacts the same strings, and
 * the session id, working directory, tool names and reasons repeat in every record. Bounded in
 * entries and in characters kept (oldest dropped first); texts longer than `maxText` are not kept.
 * `clear` is for when the function's answer changes (more rules loaded).
 */
export interface TextMemo<V> {
  get(text: string): V | undefined;
  set(text: string, value: V): void;
  clear(): void;
}

export function createTextMemo<V>(
  options: { maxEntries?: number; maxText?: number; maxTotal?: number } = {},
): TextMemo<V> {
  const maxEntries = options.maxEntries ?? 512;
  const maxText = options.maxText ?? 16 * 1024;
  const maxTotal = options.maxTotal ?? 1024 * 1024;
  const entries = new Map<string, V>();
  let total = 0;
  return {
    get: (text) => (text.length > maxText ? undefined : entries.get(text)),
    set(text, value) {
      if (text.length > maxText || entries.has(text)) return;
      entries.set(text, value);
      total += text.length;
      for (const oldest of entries.keys()) {
        if (entries.size <= maxEntries && total <= maxTotal) break;
        entries.delete(oldest);
        total -= oldest.length;
      }
    },
    clear() {
      entries.clear();
      total = 0;
    },
  };
}
