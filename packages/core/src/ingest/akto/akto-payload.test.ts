import { describe, expect, it } from 'vitest';
import type { AktoSettings } from '../../config/server-settings.js';
import type { WardenEvent } from '../warden-protocol.js';
import { aktoQuery, toAktoRecord } from './akto-payload.js';

const settings: AktoSettings = {
  connector: undefined,
  connectorValue: undefined,
  contextSource: 'ENDPOINT',
  deviceId: 'dev-box',
  mcpIngestPath: '/mcp',
  nonMcpToolPathPrefix: '/tool',
  nonMcpIngestPath: undefined,
};

function event(overrides: Partial<WardenEvent>): WardenEvent {
  return {
    id: 'evt-1',
    ts: '2026-11-21T10:00:00.000Z',
    agent: 'claude-code',
    session: 'sess-123',
    hookEvent: 'PreToolUse',
    phase: 'tool_call',
    cwd: '/home/dev/work',
    host: { name: 'box', user: 'dev' },
    actions: [],
    decision: {
      effect: 'allow',
      policyEffect: 'allow',
      ruleId: 'default',
      reason: '',
      mode: 'enforce',
      findings: [],
    },
    ...overrides,
  };
}

describe('toAktoRecord', () => {
  it('sends a prompt like the Claude CLI hook: /v1/messages, {"body": prompt}, string fields, JSON-encoded sub-objects', () => {
    const record = toAktoRecord({
      event: event({ phase: 'prompt', hookEvent: 'UserPromptSubmit', prompt: '  fix the bug \n' }),
      settings,
    });
    expect(record.path).toBe('/v1/messages');
    expect(JSON.parse(record.requestPayload!)).toEqual({ body: 'fix the bug' });
    expect(JSON.parse(record.requestHeaders!)).toMatchObject({
      host: 'dev-box.ai-agent.claudecli',
      'x-claude-hook': 'UserPromptSubmit',
      'x-akto-installer-akto_session_id': 'sess-123',
      'x-akto-installer-session_id': 'sess-123',
      'x-request-id': 'evt-1',
    });
    expect(JSON.parse(record.tag!)).toEqual({
      'gen-ai': 'Gen AI',
      'ai-agent': 'claudecli',
      source: 'ENDPOINT',
    });
    expect(record).toMatchObject({
      method: 'POST',
      statusCode: '200',
      status: '200',
      type: 'HTTP/1.1',
      akto_account_id: '1000000',
      akto_vxlan_id: 'dev-box',
      is_pending: 'false',
      source: 'MIRRORING',
      contextSource: 'ENDPOINT',
      ip: 'dev',
      destIp: '127.0.0.1',
      time: String(Date.parse('2026-11-21T10:00:00.000Z')),
      direction: null,
    });
    for (const [key, value] of Object.entries(record)) {
      expect(value === null || typeof value === 'string', key).toBe(true);
    }
    // Every header value a string: one that is not empties the whole map on Akto's side.
    for (const value of Object.values(JSON.parse(record.requestHeaders!) as Record<string, unknown>)) {
      expect(typeof value).toBe('string');
    }
  });

  it('sends an MCP call as JSON-RPC on the MCP path, with the server in the host and a header', () => {
    const record = toAktoRecord({
      event: event({ tool: { name: 'mcp__github__create_issue', input: { title: 'x' } } }),
      settings,
    });
    expect(record.path).toBe('/mcp');
    expect(JSON.parse(record.requestPayload!)).toEqual({
      jsonrpc: '2.0',
      method: 'tools/call',
      params: { name: 'create_issue', arguments: { title: 'x' } },
      id: 1,
    });
    expect(JSON.parse(record.requestHeaders!)).toMatchObject({
      host: 'dev-box.claudecli.github',
      'x-mcp-server': 'github',
    });
    expect(JSON.parse(record.tag!)).toEqual({
      'mcp-server': 'MCP Server',
      'mcp-client': 'claudecli',
      source: 'ENDPOINT',
    });
  });

  it('sends MCP results wrapped as a JSON-RPC result', () => {
    const record = toAktoRecord({
      event: event({
        phase: 'tool_result',
        hookEvent: 'PostToolUse',
        tool: { name: 'mcp__db__query', input: 'select 1', response: 'one row' },
      }),
      settings,
    });
    expect(JSON.parse(record.requestPayload!).params.arguments).toEqual({ input: 'select 1' });
    expect(JSON.parse(record.responsePayload!)).toEqual({
      jsonrpc: '2.0',
      id: 1,
      result: { output: 'one row' },
    });
  });

  it('sends built-in tools on /tool/<name>, as Akto hooks do for calls and results', () => {
    const call = toAktoRecord({
      event: event({ tool: { name: 'Bash', input: { command: 'ls' } } }),
      settings,
    });
    expect(call.path).toBe('/tool/Bash');
    expect(JSON.parse(call.requestPayload!)).toEqual({ body: { command: 'ls' }, toolName: 'Bash' });
    const result = toAktoRecord({
      event: event({
        phase: 'tool_result',
        hookEvent: 'PostToolUse',
        tool: { name: 'Web Fetch!', input: { url: 'u' }, response: 'ok' },
      }),
      settings,
    });
    expect(result.path).toBe('/tool/Web-Fetch');
    expect(JSON.parse(result.requestPayload!)).toEqual({
      body: { toolName: 'Web Fetch!', toolArgs: { url: 'u' } },
    });
    expect(JSON.parse(result.responsePayload!)).toEqual({ body: { result: 'ok' } });
  });

  it('uses Codex names for Codex: /v1/responses, x-codex-hook, codexcli, tool_name tag', () => {
    const prompt = toAktoRecord({
      event: event({ agent: 'codex', phase: 'prompt', hookEvent: 'UserPromptSubmit', prompt: 'hi' }),
      settings,
    });
    expect(prompt.path).toBe('/v1/responses');
    expect(JSON.parse(prompt.requestHeaders!)).toMatchObject({
      host: 'dev-box.ai-agent.codexcli',
      'x-codex-hook': 'UserPromptSubmit',
    });
    const tool = toAktoRecord({
      event: event({ agent: 'codex', tool: { name: 'shell', input: {} } }),
      settings,
    });
    expect(JSON.parse(tool.tag!)).toMatchObject({ tool_name: 'shell' });
  });

  it('records a blocked event once, as a 403 with who blocked it and why', () => {
    const record = toAktoRecord({
      event: event({ tool: { name: 'Bash', input: { command: 'rm -rf /' } } }),
      settings,
      blocked: { reason: 'Recursive delete outside the project', by: 'Warden' },
    });
    expect(record.statusCode).toBe('403');
    expect(record.status).toBe('403');
    expect(JSON.parse(record.responseHeaders!)).toEqual({
      'x-claude-hook': 'PreToolUse',
      'x-blocked-by': 'Warden',
      'content-type': 'application/json',
    });
    expect(JSON.parse(JSON.parse(record.responsePayload!).body)).toEqual({
      'x-blocked-by': 'Warden',
      reason: 'Recursive delete outside the project',
    });
  });
});

describe('aktoQuery', () => {
  it('always names the connector and sets only the flags asked for', () => {
    expect(aktoQuery({ connector: 'claude_code_cli', guardrails: true })).toEqual({
      guardrails: 'true',
      akto_connector: 'claude_code_cli',
    });
    expect(aktoQuery({ connector: 'codex_cli', ingest: true })).toEqual({
      akto_connector: 'codex_cli',
      ingest_data: 'true',
    });
  });
});
