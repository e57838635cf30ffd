import { existsSync, readFileSync } from 'node:fs';
import { writeFileAtomically } from '@warden/core';
import * as z from 'zod/mini';
import { CodexConfigFileError } from './codex-config-file-error.js';

// Handlers and groups are loose: Codex ignores keys it does not know there (verified with 0.169),
// and another tool's keys must survive a Warden install untouched.
export const hookHandlerSchema = z.looseObject({
  type: z.string(),
  command: z.optional(z.string()),
  timeout: z.optional(z.number()),
  async: z.optional(z.boolean()),
  statusMessage: z.optional(z.string()),
  /** `mcp_tool` handlers: the `[mcp_servers]` name, its tool, and the arguments template. */
  server: z.optional(z.string()),
  tool: z.optional(z.string()),
  input: z.optional(z.unknown()),
});
export type HookHandler = z.infer<typeof hookHandlerSchema>;

export const matcherGroupSchema = z.looseObject({
  matcher: z.optional(z.string()),
  hooks: z.array(hookHandlerSchema),
});
export type MatcherGroup = z.infer<typeof matcherGroupSchema>;

/**
 * `hooks.json`. The root is strict because Codex's is: one unknown root key (even `$schema`) and
 * Codex skips the whole file with only a warning, so every hook in it, Warden's included, is off.
 */
export const hooksFileSchema = z.strictObject({
  description: z.optional(z.string()),
  hooks: z.optional(z.record(z.string(), z.array(matcherGroupSchema))),
});
export type HooksFile = z.infer<typeof hooksFileSchema>;

/** Reads hooks.json; a missing or empty file is an empty one, an invalid one is refused with the reason. */
export function readHooksFile(file: string): HooksFile {
  if (!existsSync(file)) return {};
  const text = readFileSync(file, 'utf8');
  if (text.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new CodexConfigFileError({
      file,
      message: `not valid JSON (${(error as Error).message}).`,
      cause: error,
    });
  }
  const result = hooksFileSchema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const where = issue.path.join('.') || 'root';
    throw new CodexConfigFileError({
      file,
      message: `${where}: ${issue.message}. Codex accepts only "description" and "hooks" (event name -> [{matcher, hooks}]) at the root and ignores the whole file otherwise.`,
      cause: result.error,
    });
  }
  return result.data;
}

export function writeHooksFile(options: { file: string; hooksFile: HooksFile }): { backup?: string } {
  return writeFileAtomically({ file: options.file, text: `${JSON.stringify(options.hooksFile, null, 2)}\n` });
}
