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
  mcp_servers: z.optional(z.record(z.string(), z.unknown())),
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

/** A stdio MCP server as Codex's `[mcp_servers.<name>]` declares it (the keys Warden writes). */
export const mcpServerSchema = z.looseObject({
  command: z.string(),
  args: z.optional(z.array(z.string())),
  env: z.optional(z.record(z.string(), z.string())),
});
export type McpServer = z.infer<typeof mcpServerSchema>;

/** `[mcp_servers.<name>]` as written, or undefined when absent or not a stdio server Warden can read. */
export function mcpServer(options: { config: CodexConfig; name: string }): McpServer | undefined {
  const result = mcpServerSchema.safeParse(options.config.mcp_servers?.[options.name]);
  return result.success ? result.data : undefined;
}

function tomlString(value: string): string {
  // JSON's string escapes are all valid in a TOML basic string.
  return JSON.stringify(value);
}

function serverTable(options: { name: string; server: McpServer; comment?: string }): string {
  const { server } = options;
  const lines = [
    `[mcp_servers.${options.name}]`,
    ...(options.comment ? [`# ${options.comment}`] : []),
    `command = ${tomlString(server.command)}`,
    ...(server.args ? [`args = [${server.args.map(tomlString).join(', ')}]`] : []),
    ...(server.env && Object.keys(server.env).length > 0
      ? [
          `env = { ${Object.entries(server.env)
            .map(
              ([key, value]) =>
                `${/^[A-Za-z0-9_-]+$/.test(key) ? key : tomlString(key)} = ${tomlString(value)}`,
            )
            .join(', ')} }`,
        ]
      : []),
  ];
  return `${lines.join('\n')}\n`;
}

function sameServer(left: unknown, right: McpServer): boolean {
  return JSON.stringify(left) === JSON.stringify(structuredClone(right));
}

/**
 * Writes `[mcp_servers.<name>]` as its own table at the end of config.toml, replacing an earlier
 * entry of that name, and keeps every other byte. Returns whether the file changed.
 */
export function setMcpServer(options: {
  document: CodexConfigDocument;
  name: string;
  server: McpServer;
  comment?: string;
}): { changed: boolean; backup?: string } {
  const { document, name, server } = options;
  const current = document.config.mcp_servers?.[name];
  if (current !== undefined && sameServer(current, server)) return { changed: false };
  let text = current === undefined ? document.text : removedServerText({ text: document.text, name });
  if (text !== '' && !text.endsWith('\n')) text += '\n';
  let next = `${text}${text.trim() === '' ? '' : '\n'}${serverTable(options)}`;
  let parsed: Record<string, unknown> | undefined;
  try {
    parsed = parse(next) as Record<string, unknown>;
  } catch {
    parsed = undefined;
  }
  const written = (parsed?.mcp_servers as Record<string, unknown> | undefined)?.[name];
  if (!parsed || !sameServer(written, server)) {
    // The file declares mcp_servers in a form a table cannot be appended to (an inline table):
    // let toml-patch put the entry where that form allows.
    const updated = structuredClone(parse(text)) as Record<string, unknown>;
    const servers = (
      typeof updated.mcp_servers === 'object' && updated.mcp_servers !== null ? updated.mcp_servers : {}
    ) as Record<string, unknown>;
    updated.mcp_servers = { ...servers, [name]: structuredClone(server) };
    next = patch(text, updated);
    if (!next.endsWith('\n')) next += '\n';
  }
  return { changed: true, ...writeFileAtomically({ file: document.file, text: next }) };
}

function removedServerText(options: { text: string; name: string }): string {
  const updated = structuredClone(parse(options.text)) as Record<string, unknown>;
  const servers = updated.mcp_servers as Record<string, unknown> | undefined;
  if (!servers || !(options.name in servers)) return options.text;
  delete servers[options.name];
  if (Object.keys(servers).length === 0) delete updated.mcp_servers;
  return patch(options.text, updated);
}

/** Removes `[mcp_servers.<name>]` (and nothing else). Returns whether the file changed. */
export function removeMcpServer(options: { document: CodexConfigDocument; name: string }): {
  changed: boolean;
  backup?: string;
} {
  const { document, name } = options;
  if (document.config.mcp_servers?.[name] === undefined) return { changed: false };
  const text = removedServerText({ text: document.text, name });
  return { changed: true, ...writeFileAtomically({ file: document.file, text }) };
}
