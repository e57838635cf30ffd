import { createRequire } from 'node:module';
import path from 'node:path';
import type { ParseArgsConfig } from 'node:util';
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
  // Loaded on use: importing `node:util` as an ES module builds its namespace, and that alone loads
  // Node's stream and net modules when stdio are pipes; core's importers must not pay for that.
  // Node 22.0-22.2 lack getBuiltinModule (engines says >=22): a require from anywhere loads a built-in.
  const { parseArgs } = (process.getBuiltinModule?.('node:util') ??
    createRequire(path.join(process.cwd(), 'index.js'))('node:util')) as typeof import('node:util');
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
