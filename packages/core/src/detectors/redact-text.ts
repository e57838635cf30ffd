import type { DetectorMatch } from './detector-match.js';

/** The marker a redacted span is replaced by; it names the kind, never the value. */
export function redactionMarker(id: string): string {
  return `[REDACTED:${id}]`;
}

/** Replaces each match (non-overlapping, any order) in the text by its marker. */
export function redactText(options: { text: string; matches: readonly DetectorMatch[] }): string {
  if (options.matches.length === 0) return options.text;
  const sorted = [...options.matches].sort((a, b) => a.start - b.start);
  let result = '';
  let cursor = 0;
  for (const match of sorted) {
    if (match.start < cursor) continue;
    result += options.text.slice(cursor, match.start) + redactionMarker(match.id);
    cursor = match.end;
  }
  return result + options.text.slice(cursor);
}
