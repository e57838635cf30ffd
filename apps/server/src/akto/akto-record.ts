import { createHash } from 'node:crypto';
import type { Phase } from '@warden/core';
import * as z from 'zod/mini';

const field = z.optional(z.nullable(z.union([z.string(), z.number(), z.boolean()])));

/** The mirrored-HTTP record Akto's hook scripts send (every field a string, some JSON-encoded). */
export const aktoRecordSchema = z.looseObject({
  path: field,
  requestHeaders: field,
  responseHeaders: field,
  method: field,
  requestPayload: z.union([z.string(), z.number(), z.boolean()]),
  responsePayload: field,
  ip: field,
  time: field,
  statusCode: field,
  status: field,
  akto_account_id: field,
  akto_vxlan_id: field,
  contextSource: field,
  tag: field,
});
export type AktoRecord = z.infer<typeof aktoRecordSchema>;

const CONNECTOR_AGENTS: Record<string, string> = {
  claude_code_cli: 'claude-code',
  codex_cli: 'codex',
  claude_agent_sdk: 'agent-sdk',
};

/** JSON in a string, or the value itself; never throws. */
function decode(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (value === undefined || value === null) return undefined;
  return JSON.stringify(value);
}

export interface AktoInteraction {
  id: string;
  agent: string;
  device: string;
  user: string | undefined;
  session: string;
  hookEvent: string;
  phase: Phase;
  ts: string;
  tool?: { name: string; input: unknown; response?: unknown; mcpServer?: string };
  prompt?: string;
  output?: string;
  /** The hook reported a block it had already applied (the second, "blocked" record). */
  blocked: boolean;
  blockedReason?: string;
  connector: string;
}

/** Reads Akto's record into what Warden stores and decides on. */
export function readAktoRecord(options: {
  record: AktoRecord;
  connector: string;
  rawBody: string;
}): AktoInteraction {
  const { record } = options;
  const headers = Object.fromEntries(
    Object.entries(asRecord(decode(record.requestHeaders))).map(([key, value]) => [
      key.toLowerCase(),
      String(value),
    ]),
  );
  const responseHeaders = Object.fromEntries(
    Object.entries(asRecord(decode(record.responseHeaders))).map(([key, value]) => [
      key.toLowerCase(),
      String(value),
    ]),
  );
  const hookHeader = Object.keys(headers).find((key) => /^x-[a-z]+-hook$/.test(key));
  const hookEvent =
    (hookHeader ? headers[hookHeader] : undefined) ??
    responseHeaders[hookHeader ?? 'x-claude-hook'] ??
    'unknown';
  const host = headers.host ?? '';
  const vxlan = record.akto_vxlan_id;
  const device =
    typeof vxlan === 'string' && vxlan && vxlan !== '0'
      ? vxlan
      : host.includes('.') && !/\.(com|ai|net|org)$/.test(host)
        ? (host.split('.')[0] as string)
        : host || 'unknown';
  const session =
    headers['x-akto-installer-akto_session_id'] ??
    headers['x-akto-installer-session_id'] ??
    headers['x-session-id'] ??
    'akto';
  const path = typeof record.path === 'string' ? record.path : '';
  const requestPayload = asRecord(decode(record.requestPayload));
  const responsePayload = decode(record.responsePayload);
  const status = String(record.statusCode ?? record.status ?? '200');
  const blocked = status === '403' || responseHeaders['x-blocked-by'] !== undefined;
  const post = /^Post/i.test(hookEvent);
  const stop = /^(Stop|SubagentStop|AfterAgent)$/i.test(hookEvent);
  const time = Number(record.time);
  const ts = Number.isFinite(time) && time > 0 ? new Date(time).toISOString() : new Date().toISOString();
  const interaction: AktoInteraction = {
    id: `akto-${createHash('sha256').update(options.rawBody).digest('hex').slice(0, 32)}`,
    agent: CONNECTOR_AGENTS[options.connector] ?? (options.connector || 'akto'),
    device,
    user: typeof record.ip === 'string' ? record.ip : undefined,
    session,
    hookEvent,
    phase: 'prompt',
    ts,
    blocked,
    connector: options.connector,
  };
  if (blocked) {
    const body = asRecord(decode(asRecord(responsePayload).body));
    const reason = body.reason ?? asRecord(responsePayload).reason;
    if (typeof reason === 'string') interaction.blockedReason = reason;
  }

  if (requestPayload.jsonrpc !== undefined || path === '/mcp') {
    const params = asRecord(requestPayload.params);
    const server = headers['x-mcp-server'] ?? host.split('.').slice(2).join('.') ?? 'unknown';
    const name = typeof params.name === 'string' ? params.name : 'unknown';
    interaction.phase = post ? 'tool_result' : 'tool_call';
    interaction.tool = {
      name: `mcp__${server}__${name}`,
      input: params.arguments ?? {},
      mcpServer: server,
      ...(post ? { response: asRecord(responsePayload).result ?? responsePayload } : {}),
    };
  } else if (
    path.startsWith('/tool/') ||
    typeof requestPayload.toolName === 'string' ||
    asRecord(requestPayload.body).toolName !== undefined
  ) {
    const inner = asRecord(requestPayload.body);
    const name = String(
      requestPayload.toolName ?? inner.toolName ?? path.slice('/tool/'.length) ?? 'unknown',
    );
    interaction.phase = post ? 'tool_result' : 'tool_call';
    interaction.tool = {
      name,
      input: post ? (inner.toolArgs ?? {}) : (requestPayload.body ?? {}),
      ...(post ? { response: asRecord(asRecord(responsePayload).body).result ?? responsePayload } : {}),
    };
  } else if (stop) {
    interaction.phase = 'response';
    interaction.output = text(asRecord(responsePayload).body ?? responsePayload) ?? '';
    const prompt = text(requestPayload.body);
    if (prompt) interaction.prompt = prompt;
  } else {
    interaction.phase = 'prompt';
    interaction.prompt = text(requestPayload.body ?? record.requestPayload) ?? '';
  }
  return interaction;
}
