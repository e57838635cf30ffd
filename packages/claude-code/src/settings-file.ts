import { existsSync, readFileSync } from 'node:fs';
import { writeFileAtomically } from '@warden/core';
import * as z from 'zod/mini';

const handlerSchema = z.looseObject({ type: z.optional(z.string()), command: z.optional(z.string()) });
const matcherGroupSchema = z.looseObject({ matcher: z.optional(z.string()), hooks: z.array(handlerSchema) });

/** Only the parts of settings.json that Warden touches are validated; everything else is kept as is. */
export const settingsSchema = z.looseObject({
  hooks: z.optional(z.record(z.string(), z.array(matcherGroupSchema))),
});
export type Settings = z.infer<typeof settingsSchema>;
export type MatcherGroup = z.infer<typeof matcherGroupSchema>;

export class SettingsFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SettingsFileError';
  }
}

/** Reads a settings file; a missing file is empty settings, an invalid one is refused with the reason. */
export function readSettingsFile(file: string): Settings {
  if (!existsSync(file)) return {};
  const text = readFileSync(file, 'utf8');
  if (text.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new SettingsFileError(
      `${file} is not valid JSON (${(error as Error).message}). Fix or remove it first; Warden did not change it.`,
    );
  }
  const result = settingsSchema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new SettingsFileError(
      `${file}: ${issue.path.join('.') || 'root'}: ${issue.message}. Claude Code expects "hooks" to map event names to lists of {matcher, hooks}. Warden did not change the file.`,
    );
  }
  return result.data;
}

/** Writes settings atomically, after saving the previous file as `<file>.warden-backup`. */
export function writeSettingsFile(options: { file: string; settings: Settings }): { backup?: string } {
  return writeFileAtomically({ file: options.file, text: `${JSON.stringify(options.settings, null, 2)}\n` });
}
