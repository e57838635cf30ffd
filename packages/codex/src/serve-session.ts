import { createSessionTools, runSessionServer, type SessionExtraTool, type WardenConfig } from '@warden/core';
import packageJson from '../package.json' with { type: 'json' };
import type { AskBehaviour } from './adapter.js';
import { askFromArguments } from './ask-from-arguments.js';
import { createCodexSessionHandler, DEFAULT_SESSION_DEADLINE_MS } from './session-handler.js';

export interface ServeCodexSessionOptions {
  env?: NodeJS.ProcessEnv;
  /** The `--ask` install wrote into the server's arguments; `WARDEN_CODEX_ASK` wins over it. */
  askBehaviour?: AskBehaviour;
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
  /** Each call is decided within this many ms (default `WARDEN_HOOK_DEADLINE_MS`, else 10 s). */
  deadlineMs?: number;
  /** Diagnostics; default the server's stderr (Codex logs it). */
  log?: (message: string) => void;
  /** Offer the model Warden's read-only `policy_test` and `audit_query` tools (`--expose-tools`). */
  exposeTools?: boolean;
}

/**
 * How Codex would run what `policy_test` asks about. Codex has no file-read or fetch tool of its
 * own: it reads and fetches with shell commands, and writes with apply_patch.
 */
const CODEX_PROBES = {
  command: (command: string) => ({ name: 'Bash', input: { command } }),
  read: (file: string) => ({ name: 'Bash', input: { command: `cat -- ${shellWord(file)}` } }),
  write: (file: string) => ({
    name: 'apply_patch',
    input: { command: `*** Begin Patch\n*** Add File: ${file}\n+\n*** End Patch` },
  }),
  fetch: (url: string) => ({ name: 'Bash', input: { command: `curl -sL ${shellWord(url)}` } }),
};

function shellWord(word: string): string {
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/**
 * The read-only tools, told the session's id as soon as Codex's first hook call brings it (Codex
 * gives an MCP server no environment to learn it from).
 */
function sessionTools(options: {
  config: () => Promise<WardenConfig>;
  sessionId: () => string | undefined;
}): SessionExtraTool[] {
  const build = () => {
    const sessionId = options.sessionId();
    return createSessionTools({
      agent: 'codex',
      config: options.config,
      probes: CODEX_PROBES,
      ...(sessionId ? { sessionId } : {}),
    });
  };
  return build().map((tool) => ({
    ...tool,
    call: (args, context) =>
      build()
        .find((current) => current.name === tool.name)!
        .call(args, context),
  }));
}

/** The server answers a call itself this long after the decision's own deadline has passed. */
const SERVER_GRACE_MS = 2_000;

/**
 * `warden-codex serve-session`: the stdio MCP server Codex starts once per session for the
 * `mcp_tool` hooks of `install --transport mcp`. Resolves when Codex closes its input, and not
 * before: Codex never restarts a server that ends, and fails open for the rest of the session.
 */
export async function serveCodexSession(options: ServeCodexSessionOptions = {}): Promise<void> {
  const env = options.env ?? process.env;
  const deadlineMs =
    options.deadlineMs ?? (Number(env.WARDEN_HOOK_DEADLINE_MS) || DEFAULT_SESSION_DEADLINE_MS);
  const log = options.log ?? ((message: string) => process.stderr.write(`warden session: ${message}\n`));
  let sessionId: string | undefined;
  const handler = createCodexSessionHandler({
    env,
    deadlineMs,
    log: (message) => log(message.trimEnd()),
    ...(options.askBehaviour ? { askBehaviour: options.askBehaviour } : {}),
  });
  const decide: typeof handler = {
    ...handler,
    handle(args, context) {
      if (typeof args.session_id === 'string' && args.session_id !== '') sessionId = args.session_id;
      return handler.handle(args, context);
    },
  };
  const extraTools = options.exposeTools
    ? sessionTools({ config: () => handler.decider.config(), sessionId: () => sessionId })
    : [];
  await runSessionServer({
    serverName: 'warden',
    serverVersion: packageJson.version,
    decide,
    ...(extraTools.length > 0 ? { extraTools } : {}),
    // Core's decider answers by the failure policy at deadlineMs; the server's own deadline is the
    // backstop for a decision path that hangs outside it.
    deadlineMs: deadlineMs + SERVER_GRACE_MS,
    log,
    ...(options.input ? { input: options.input } : {}),
    ...(options.output ? { output: options.output } : {}),
  });
}

/**
 * The process around `serveCodexSession`. Stdout carries only JSON-RPC (stray console output goes
 * to stderr); an uncaught error is logged and the server goes on, because a server that exits
 * leaves the session unguarded (Codex does not restart it); it ends when its input closes or
 * Codex signals it.
 */
export function startCodexSessionProcess(options: {
  argv: readonly string[];
  env?: NodeJS.ProcessEnv;
}): void {
  const env = options.env ?? process.env;
  console.log = console.error;
  console.info = console.error;
  console.debug = console.error;
  const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));
  process.on('uncaughtException', (error) => {
    process.stderr.write(`warden session: uncaught: ${describe(error)}\n`);
  });
  process.on('unhandledRejection', (error) => {
    process.stderr.write(`warden session: unhandled: ${describe(error)}\n`);
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => process.exit(0));
  const askBehaviour = askFromArguments({ argv: options.argv });
  const exposeTools = options.argv.includes('--expose-tools');
  void serveCodexSession({ env, exposeTools, ...(askBehaviour ? { askBehaviour } : {}) }).then(
    () => process.exit(0),
    (error: unknown) => {
      process.stderr.write(`warden session: ${describe(error)}\n`);
      process.exit(1);
    },
  );
}
