import { spawnSync } from 'node:child_process';
import { readRegisteredServer } from './register-session-server.js';
import { renderClaudeCodeSessionTemplate } from './session-input.js';

export interface ProbeSessionServerOptions {
  /** The hook input to send (a canary such as a PreToolUse of `rm -rf ~`), as Claude Code would send it. */
  input: Record<string, unknown>;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Default 15 s. */
  timeoutMs?: number;
}

export interface ProbeSessionServerResult {
  /** The server is registered in Claude Code's user config. */
  registered: boolean;
  /** It started and answered the MCP handshake. */
  started: boolean;
  /** The hook output text it answered for the input (what Claude Code would read), if any. */
  text?: string;
  /** What went wrong, for the user. */
  detail?: string;
}

/**
 * Starts the session server the way Claude Code would (the command registered under
 * `mcpServers.warden`), sends the handshake and one hook call, and returns its answer: what
 * `warden doctor` needs to prove that the `mcp_tool` hooks enforce.
 */
export function probeSessionServer(options: ProbeSessionServerOptions): ProbeSessionServerResult {
  const env = options.env ?? process.env;
  const entry = readRegisteredServer({ env });
  if (!entry || typeof entry.command !== 'string')
    return {
      registered: false,
      started: false,
      detail: 'no "warden" MCP server in Claude Code\'s user config',
    };
  const args = Array.isArray(entry.args) ? entry.args.map(String) : [];
  const serverEnv = {
    ...env,
    ...(typeof entry.env === 'object' && entry.env !== null ? (entry.env as Record<string, string>) : {}),
  };
  const lines = [
    {
      jsonrpc: '2.0',
      id: 0,
      method: 'initialize',
      params: { protocolVersion: '2025-11-25', capabilities: {} },
    },
    { jsonrpc: '2.0', method: 'notifications/initialized' },
    {
      jsonrpc: '2.0',
      id: 1,
      method: 'tools/call',
      params: { name: 'decide', arguments: renderClaudeCodeSessionTemplate({ input: options.input }) },
    },
  ];
  const result = spawnSync(entry.command, args, {
    input: `${lines.map((line) => JSON.stringify(line)).join('\n')}\n`,
    env: serverEnv,
    cwd: options.cwd ?? process.cwd(),
    encoding: 'utf8',
    timeout: options.timeoutMs ?? 15_000,
  });
  if (result.error)
    return { registered: true, started: false, detail: `the server could not run: ${result.error.message}` };
  const answers = new Map<unknown, Record<string, unknown>>();
  for (const line of (result.stdout ?? '').split('\n')) {
    try {
      const value = JSON.parse(line) as Record<string, unknown>;
      answers.set(value.id, value);
    } catch {
      // Not JSON-RPC: reported below if nothing usable came.
    }
  }
  const stderr = (result.stderr ?? '').trim().split('\n')[0] ?? '';
  if (!answers.has(0))
    return {
      registered: true,
      started: false,
      detail: `the server did not answer the MCP handshake (exit ${result.status ?? result.signal})${stderr ? `: ${stderr}` : ''}`,
    };
  const call = answers.get(1)?.result as
    | { content?: Array<{ text?: unknown }>; isError?: boolean }
    | undefined;
  const text = call?.content?.[0]?.text;
  if (typeof text !== 'string' || call?.isError)
    return { registered: true, started: true, detail: 'the server gave no usable answer to the hook call' };
  return { registered: true, started: true, text };
}
