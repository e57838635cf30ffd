import type * as z from 'zod/mini';

/**
 * Words for a zod issue. zod/mini ships no messages of its own (its locales cost start-up
 * time), so the wording lives here: short, and naming what was expected.
 */
export function formatIssue(issue: z.core.$ZodIssue): string {
  const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  const raw = issue as unknown as Record<string, unknown>;
  switch (issue.code) {
    case 'invalid_type':
      return `${where}expected ${String(raw.expected)}${raw.input === undefined ? ' (missing)' : ''}`;
    case 'invalid_value': {
      const values = (raw.values as unknown[] | undefined) ?? [];
      return `${where}expected ${values.map((value) => JSON.stringify(value)).join(' or ')}`;
    }
    case 'unrecognized_keys': {
      const keys = (raw.keys as string[] | undefined) ?? [];
      return `${where}unknown key${keys.length === 1 ? '' : 's'} ${keys.map((key) => `"${key}"`).join(', ')}`;
    }
    case 'too_small':
      return `${where}must not be empty`;
    case 'invalid_union':
      return `${where}does not match any allowed form`;
    case 'invalid_format':
      return `${where}${issue.message && issue.message !== 'Invalid input' ? issue.message : `expected the ${String(raw.format)} format`}`;
    default:
      return `${where}${issue.message || 'invalid'}`;
  }
}
