import { type ParseArgsConfig, parseArgs } from 'node:util';
import type * as z from 'zod/mini';
import { formatIssue } from '../format-issue.js';

/**
 * Reads a command's flags with `node:util` parseArgs (strict: unknown flags are errors) and
 * validates them with a zod schema, so the adapters' installers report bad flags the same way.
 * `showUsage` is set for flags the command does not have, where the usage text helps.
 */
export function parseCommandOptions<T>(options: {
  args: string[];
  flags: NonNullable<ParseArgsConfig['options']>;
  schema: z.ZodMiniType<T>;
}): { success: true; data: T } | { success: false; message: string; showUsage: boolean } {
  let values: unknown;
  try {
    values = parseArgs({ args: options.args, options: options.flags, strict: true }).values;
  } catch (error) {
    return { success: false, message: (error as Error).message, showUsage: true };
  }
  const parsed = options.schema.safeParse(values);
  if (parsed.success) return { success: true, data: parsed.data };
  return { success: false, message: `--${formatIssue(parsed.error.issues[0]!)}`, showUsage: false };
}
