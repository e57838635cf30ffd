// An HTTP service that runs a Claude agent for each request, with Warden guarding it in-process.
// Every audit record says which user, client IP and tenant the agent acted for.
//
//   ANTHROPIC_API_KEY=... node examples/guarded-agent-server.ts
//   curl -s localhost:8787/run -H 'x-user-id: alice' -H 'x-tenant: acme' -d 'List the files here.'

import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Options, SDKResultMessage } from '@anthropic-ai/claude-agent-sdk';
import { wardenHooks } from '@warden/agent-sdk';

type Query = typeof import('@anthropic-ai/claude-agent-sdk').query;

/** The SDK is the app's own dependency; say what to install rather than fail on a bare import error. */
async function loadQuery(): Promise<Query> {
  try {
    return (await import('@anthropic-ai/claude-agent-sdk')).query;
  } catch (error) {
    throw new Error('This example needs the Claude Agent SDK: npm install @anthropic-ai/claude-agent-sdk', {
      cause: error,
    });
  }
}

export interface GuardedAgentServerOptions {
  /** The directory the agent works in. */
  cwd: string;
  /** Passed to the SDK as is (it replaces the agent's environment). Default: this process's. */
  env?: Options['env'];
  /** Warden's home (audit log). Default: `$WARDEN_HOME`, else `~/.warden`. */
  wardenHome?: string;
  /** The agent's HOME, when `env` gives it one of its own. */
  agentHome?: string;
  port?: number;
}

export interface AgentRun {
  /** The agent's final answer, or the SDK's message when Warden blocked the prompt. */
  answer: string;
  /** Tool calls Warden (or the SDK) refused. */
  denied: string[];
}

async function readBody(request: IncomingMessage): Promise<string> {
  let body = '';
  for await (const chunk of request) {
    body += chunk;
    if (body.length > 100_000) throw new Error('prompt too long');
  }
  return body;
}

export async function startGuardedAgentServer(options: GuardedAgentServerOptions): Promise<Server> {
  const query = await loadQuery();

  const runAgent = async (prompt: string, request: IncomingMessage): Promise<AgentRun> => {
    // Built per request: the context is this request's. Compiling the recommended pack takes
    // well under a millisecond (see `pnpm bench`).
    const hooks = wardenHooks({
      policy: 'recommended',
      home: options.wardenHome,
      userHome: options.agentHome,
      context: {
        userId: String(request.headers['x-user-id'] ?? 'anonymous'),
        clientIp: request.socket.remoteAddress,
        tenant: request.headers['x-tenant'] === undefined ? undefined : String(request.headers['x-tenant']),
        labels: { route: '/run' },
      },
    });
    const abortController = new AbortController();
    const timer = setTimeout(() => abortController.abort(), 120_000);
    try {
      let result: SDKResultMessage | undefined;
      for await (const message of query({
        prompt,
        options: {
          cwd: options.cwd,
          env: options.env,
          settingSources: [],
          // Warden is the gate here; the SDK's own prompts have no user to ask on a server.
          permissionMode: 'bypassPermissions',
          allowDangerouslySkipPermissions: true,
          abortController,
          hooks,
        },
      })) {
        if (message.type === 'result') result = message;
      }
      return {
        answer: result && 'result' in result ? result.result : '',
        denied: (result?.permission_denials ?? []).map((denial) => denial.tool_name),
      };
    } finally {
      clearTimeout(timer);
    }
  };

  const server = createServer((request, response) => {
    if (request.method !== 'POST' || request.url !== '/run') {
      response.writeHead(404).end();
      return;
    }
    readBody(request)
      .then((prompt) => runAgent(prompt, request))
      .then((run) => {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify(run));
      })
      .catch((error: unknown) => {
        response.writeHead(500, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ error: String(error) }));
      });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  return server;
}

if (import.meta.main) {
  const server = await startGuardedAgentServer({
    cwd: process.cwd(),
    port: Number(process.env.PORT ?? 8787),
  });
  console.log(`Guarded agent on http://127.0.0.1:${(server.address() as AddressInfo).port}/run`);
}
