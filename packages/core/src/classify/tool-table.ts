import type { Action } from '../action.js';

export interface ClassifyToolOptions {
  name: string;
  input: unknown;
  cwd: string;
  home: string;
}

/** Maps one agent's tool call to Warden actions. One table per agent, all in core. */
export type ToolTable = (options: ClassifyToolOptions) => Action[];

export function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

export function stringField(record: Record<string, unknown>, key: string): string | undefined {
  const value = record[key];
  return typeof value === 'string' ? value : undefined;
}

/** `mcp__server__tool` and `mcp__plugin_x_server__tool` -> server and tool. */
export function parseMcpToolName(name: string): { server: string; tool: string } | undefined {
  const match = /^mcp__(.+?)__(.+)$/.exec(name);
  return match ? { server: match[1]!, tool: match[2]! } : undefined;
}

export function urlResources(url: string | undefined): { url?: string; host?: string } {
  if (!url) return {};
  try {
    return { url, host: new URL(url).hostname.toLowerCase() };
  } catch {
    // Not a URL the agent could fetch as given; keep it for the record and for `matches`.
    return { url };
  }
}
