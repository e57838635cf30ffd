import { existsSync, readFileSync } from 'node:fs';
import { parse, patch } from '@decimalturn/toml-patch';
import { writeFileAtomically } from '@warden/core';
import * as z from 'zod/mini';
import { CodexConfigFileError } from './codex-config-file-error.js';

// Codex's config.toml, read and edited only by install, uninstall and status (never by the hook:
// the TOML library stays out of the hook's start-up). Edits go through toml-patch, which changes
// the one value and keeps the user's comments, order and formatting byte for byte.

const hookStateSchema = z.looseObject({
  enabled: z.optional(z.boolean()),
  trusted_hash: z.optional(z.string()),
});
export type HookState = z.infer<typeof hookStateSchema>;

/** Only the parts Warden reads are validated; everything else is kept as it is. */
const codexConfigSchema = z.looseObject({
  features: z.optional(
    z.looseObject({ hooks: z.optional(z.unknown()), codex_hooks: z.optional(z.unknown()) }),
  ),
  hooks: z.optional(z.looseObject({ state: z.optional(z.record(z.string(), hookStateSchema)) })),
  projects: z.optional(z.record(z.string(), z.looseObject({ trust_level: z.optional(z.string()) }))),
});
export type CodexConfig = z.infer<typeof codexConfigSchema>;

export interface CodexConfigDocument {
  file: string;
  exists: boolean;
  text: string;
  config: CodexConfig;
}

export function readCodexConfig(file: string): CodexConfigDocument {
  if (!existsSync(file)) return { file, exists: false, text: '', config: {} };
  const text = readFileSync(file, 'utf8');
  let value: unknown;
  try {
    value = parse(text);
  } catch (error) {
    throw new CodexConfigFileError({
      file,
      message: `not valid TOML (${(error as Error).message.split('\n')[0]}).`,
      cause: error,
    });
  }
  const result = codexConfigSchema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new CodexConfigFileError({
      file,
      message: `${issue.path.join('.') || 'root'}: ${issue.message}.`,
      cause: result.error,
    });
  }
  return { file, exists: true, text, config: result.data };
}

/** The `[features]` hook flags as written in the file (`hooks`, and the older alias `codex_hooks`). */
export function hookFeatureFlags(config: CodexConfig): { hooks?: boolean; codexHooks?: boolean } {
  const features = config.features ?? {};
  return {
    ...(typeof features.hooks === 'boolean' ? { hooks: features.hooks } : {}),
    ...(typeof features.codex_hooks === 'boolean' ? { codexHooks: features.codex_hooks } : {}),
  };
}

/**
 * Sets `[features] <key> = true` and nothing else: a missing file is created, an existing one
 * keeps every other byte. Returns whether the file changed.
 */
export function enableHooksFeature(options: {
  document: CodexConfigDocument;
  key: 'hooks' | 'codex_hooks';
}): { changed: boolean; backup?: string } {
  const { document, key } = options;
  if (document.config.features?.[key] === true) return { changed: false };
  const updated = structuredClone(parse(document.text)) as Record<string, unknown>;
  const features = (
    typeof updated.features === 'object' && updated.features !== null ? updated.features : {}
  ) as Record<string, unknown>;
  updated.features = { ...features, [key]: true };
  let text = patch(document.text, updated);
  if (!text.endsWith('\n')) text += '\n';
  return { changed: true, ...writeFileAtomically({ file: document.file, text }) };
}

/** `[hooks.state."<key>"]` entries: what the user trusted (or disabled) in Codex's /hooks. */
export function hookStates(config: CodexConfig): Record<string, HookState> {
  return config.hooks?.state ?? {};
}

/** Whether Codex loads `<project>/.codex` at all: only for projects the user trusted. */
export function projectTrustLevel(options: { config: CodexConfig; projectDir: string }): string | undefined {
  return options.config.projects?.[options.projectDir]?.trust_level;
}
