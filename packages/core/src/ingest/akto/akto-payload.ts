import { parseMcpToolName } from '../../classify/tool-table.js';
import type { AktoSettings } from '../../config/server-settings.js';
import type { WardenEvent } from '../warden-protocol.js';

// The wire format of Akto's guardrail hooks (POST /api/http-proxy with one mirrored HTTP
// interaction), so Warden can replace those hooks with no change on the Akto server.

export const AKTO_PROXY_PATH = '/api/http-proxy';

const CONNECTOR_BY_AGENT: Record<string, string> = {
  'claude-code': 'claude_code_cli',
  codex: 'codex_cli',
  'agent-sdk': 'claude_agent_sdk',
};

const CONNECTOR_VALUE: Record<string, string> = {
  claude_code_cli: 'claudecli',
  codex_cli: 'codexcli',
  gemini_cli: 'geminicli',
  kiro_cli: 'kirocli',
  claude_agent_sdk: 'claude_agent_sdk',
};

export function aktoConnector(settings: AktoSettings, agent: string): string {
  return settings.connector ?? CONNECTOR_BY_AGENT[agent] ?? agent;
}

function connectorValue(settings: AktoSettings, connector: string): string {
  return settings.connectorValue ?? CONNECTOR_VALUE[connector] ?? connector;
}

/** As the Akto server normalises it: lower case, anything outside `[a-z0-9.-:]` becomes `-`. */
function hostLabel(value: string): string {
  return value.toLowerCase().replace(/[^a-z0-9.\-:]/g, '-');
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `Bash` -> `/tool/Bash`: the name with runs of other characters turned into one `-`. */
function toolPath(settings: AktoSettings, name: string): string {
  if (settings.nonMcpIngestPath) return settings.nonMcpIngestPath;
  const normalized = name
    .replace(/[^A-Za-z0-9._~-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-+|-+$/g, '');
  return `${settings.nonMcpToolPathPrefix.replace(/\/+$/, '')}/${normalized || 'unknown'}`;
}

/** Every header value a string: one non-string value makes Akto's server drop the whole map. */
function headerJson(headers: Record<string, string | undefined>): string {
  const clean: Record<string, string> = {};
  for (const [key, value] of Object.entries(headers)) if (value !== undefined) clean[key] = String(value);
  return JSON.stringify(clean);
}

export interface AktoRecordOptions {
  event: WardenEvent;
  settings: AktoSettings;
  /** For ingestion of a blocked event: the record says 403 and who blocked it. */
  blocked?: { reason: string; by: string };
}

/** One event as Akto's `/api/http-proxy` body: string fields, sub-objects JSON-encoded as strings. */
export function toAktoRecord(options: AktoRecordOptions): Record<string, string | null> {
  const { event, settings } = options;
  const connector = aktoConnector(settings, event.agent);
  const value = connectorValue(settings, connector);
  const hookHeader = event.agent === 'codex' ? 'x-codex-hook' : 'x-claude-hook';
  const mcp = event.tool ? parseMcpToolName(event.tool.name) : undefined;
  const mcpServer = mcp?.server ?? event.tool?.mcpServer;
  const chatPath = event.agent === 'codex' ? '/v1/responses' : '/v1/messages';

  let path: string;
  let requestPayload: unknown;
  let responsePayload: unknown = {};
  let tag: Record<string, string>;
  if (event.tool && (event.phase === 'tool_call' || event.phase === 'tool_result')) {
    const input = event.tool.input;
    if (mcp) {
      path = settings.mcpIngestPath;
      requestPayload = {
        jsonrpc: '2.0',
        method: 'tools/call',
        params: { name: mcp.tool, arguments: isPlainObject(input) ? input : { input } },
        id: 1,
      };
      if (event.phase === 'tool_result') {
        const response = event.tool.response;
        responsePayload = {
          jsonrpc: '2.0',
          id: 1,
          result: isPlainObject(response) ? response : { output: response },
        };
      }
      tag = { 'mcp-server': 'MCP Server', 'mcp-client': value, source: settings.contextSource };
    } else {
      path = toolPath(settings, event.tool.name);
      if (event.phase === 'tool_call') {
        requestPayload = { body: input, toolName: event.tool.name };
      } else {
        requestPayload = { body: { toolName: event.tool.name, toolArgs: input } };
        responsePayload = { body: { result: event.tool.response } };
      }
      tag = { 'gen-ai': 'Gen AI', 'ai-agent': value, source: settings.contextSource };
      if (event.agent === 'codex') tag.tool_name = event.tool.name;
    }
  } else if (event.phase === 'prompt') {
    path = chatPath;
    requestPayload = { body: (event.prompt ?? '').trim() };
    tag = { 'gen-ai': 'Gen AI', 'ai-agent': value, source: settings.contextSource };
  } else if (event.phase === 'response') {
    path = chatPath;
    requestPayload = { body: '' };
    responsePayload = { body: event.output ?? '' };
    tag = { 'gen-ai': 'Gen AI', 'ai-agent': value, source: settings.contextSource };
  } else {
    path = `/v1/hooks/${event.hookEvent}`;
    requestPayload = { body: event.meta ?? {} };
    tag = { 'gen-ai': 'Gen AI', hook: event.hookEvent, 'ai-agent': value, source: settings.contextSource };
  }

  const host = hostLabel(
    mcpServer ? `${settings.deviceId}.${value}.${mcpServer}` : `${settings.deviceId}.ai-agent.${value}`,
  );
  const messageId = [event.meta?.prompt_id, event.meta?.turn_id].find((id) => typeof id === 'string') as
    | string
    | undefined;
  const requestHeaders = headerJson({
    host,
    [hookHeader]: event.hookEvent,
    'content-type': 'application/json',
    ...(mcpServer ? { 'x-mcp-server': mcpServer } : {}),
    'x-akto-installer-session_id': event.session,
    'x-akto-installer-akto_session_id': event.session,
    'x-akto-installer-cwd': event.cwd,
    'x-akto-installer-hook_event_name': event.hookEvent,
    ...(messageId ? { 'x-akto-installer-akto_message_id': messageId } : {}),
    // The event id: the same event sent twice can be recognised.
    'x-request-id': event.id,
  });

  let status = '200';
  let responseHeaders = headerJson({ [hookHeader]: event.hookEvent });
  if (options.blocked) {
    status = '403';
    responseHeaders = headerJson({
      [hookHeader]: event.hookEvent,
      'x-blocked-by': options.blocked.by,
      'content-type': 'application/json',
    });
    responsePayload = {
      body: JSON.stringify({ 'x-blocked-by': options.blocked.by, reason: options.blocked.reason }),
    };
  }
  const time = Date.parse(event.ts);
  const tagJson = JSON.stringify(tag);
  return {
    path,
    requestHeaders,
    responseHeaders,
    method: 'POST',
    requestPayload: JSON.stringify(requestPayload),
    responsePayload: JSON.stringify(responsePayload),
    ip: event.host?.user ?? 'unknown',
    destIp: '127.0.0.1',
    time: String(Number.isFinite(time) ? time : Date.now()),
    statusCode: status,
    type: 'HTTP/1.1',
    status,
    akto_account_id: '1000000',
    akto_vxlan_id: settings.deviceId,
    is_pending: 'false',
    source: 'MIRRORING',
    direction: null,
    process_id: null,
    socket_id: null,
    daemonset_id: null,
    enabled_graph: null,
    tag: tagJson,
    metadata: tagJson,
    contextSource: settings.contextSource,
  };
}

/** The query string of a call: `guardrails` / `response_guardrails` for a verdict, `ingest_data` to record. */
export function aktoQuery(options: {
  connector: string;
  guardrails?: boolean;
  responseGuardrails?: boolean;
  ingest?: boolean;
}): Record<string, string> {
  return {
    ...(options.guardrails ? { guardrails: 'true' } : {}),
    ...(options.responseGuardrails ? { response_guardrails: 'true' } : {}),
    akto_connector: options.connector,
    ...(options.ingest ? { ingest_data: 'true' } : {}),
  };
}
