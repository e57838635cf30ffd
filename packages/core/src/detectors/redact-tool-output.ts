import { scanText } from './detect-text.js';
import type { DetectorFamily, DetectorSettings } from './detectors-settings.js';
import { redactText } from './redact-text.js';

/**
 * A copy of a tool's output (any JSON value) with every match of the given families replaced by
 * its marker in every string, keeping the shape, so an agent accepts it as the tool's output.
 * Returns the ids redacted; an output with nothing to redact comes back as `undefined`.
 */
export function redactToolOutput(options: {
  value: unknown;
  families: readonly DetectorFamily[];
  settings: DetectorSettings;
}): { value: unknown; ids: string[] } | undefined {
  const ids = new Set<string>();
  const walk = (value: unknown, depth: number): unknown => {
    if (typeof value === 'string') {
      const matches = scanText({
        text: value,
        phase: 'tool_result',
        settings: options.settings,
        families: options.families,
      }).filter((match) => !match.id.startsWith('injection.'));
      if (matches.length === 0) return value;
      for (const match of matches) ids.add(match.id);
      return redactText({ text: value, matches });
    }
    if (depth > 64 || value === null || typeof value !== 'object') return value;
    if (Array.isArray(value)) return value.map((item) => walk(item, depth + 1));
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, walk(inner, depth + 1)]));
  };
  const redacted = walk(options.value, 0);
  return ids.size > 0 ? { value: redacted, ids: [...ids].sort() } : undefined;
}
