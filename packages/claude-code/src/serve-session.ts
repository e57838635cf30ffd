import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  createSessionTools,
  DEFAULT_HOOK_DEADLINE_MS,
  resolveWardenHome,
  runSessionServer,
  type SessionExtraTool,
} from '@warden/core';
import { PACKAGE_VERSION } from './package-id.js';
import { createClaudeCodeSessionHandler } from './session-handler.js';

export interface ServeSessionOptions {
  env?: NodeJS.ProcessEnv;
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
  /** Default `WARDEN_HOOK_DEADLINE_MS`, else 10 s: well below the 30 s the hook entries give. */
  deadlineMs?: number;
  /** Read-only tools for the model (policy_test, audit_query); none by default. */
  extraTools?: readonly SessionExtraTool[];
  /** Offer the model Warden's read-only `policy_test` and `audit_query` tools (`--expose-tools`). */
  exposeTools?: boolean;
}

/** How Claude Code would call the tools `policy_test` asks about. */
const CLAUDE_CODE_PROBES = {
  command: (command: string) => ({ name: 'Bash', input: { command } }),
  read: (file: string) => ({ name: 'Read', input: { file_path: file } }),
  write: (file: string) => ({ name: 'Write', input: { file_path: file, content: '' } }),
  fetch: (url: string) => ({ name: 'WebFetch', input: { url, prompt: '' } }),
};

/** Where a running session server says who it is: `$WARDEN_HOME/run/claude-code-<session>.pid`. */
export function sessionPidFile(options: { env?: NodeJS.ProcessEnv; sessionId?: string }): string {
  const env = options.env ?? process.env;
  const session = (options.sessionId ?? env.CLAUDE_CODE_SESSION_ID ?? `pid-${process.pid}`).replace(
    /[^A-Za-z0-9_.-]/g,
    '_',
  );
  return path.join(resolveWardenHome({ env }), 'run', `claude-code-${session}.pid`);
}

/**
 * `warden-claude-code serve-session`: the stdio MCP server Claude Code starts once per session
 * for Warden's `mcp_tool` hooks. Resolves when Claude Code closes its input.
 */
export async function serveSession(options: ServeSessionOptions = {}): Promise<void> {
  const env = options.env ?? process.env;
  const deadlineMs = options.deadlineMs ?? (Number(env.WARDEN_HOOK_DEADLINE_MS) || DEFAULT_HOOK_DEADLINE_MS);
  const handler = createClaudeCodeSessionHandler({ env, deadlineMs });
  const extraTools = [
    ...(options.extraTools ?? []),
    ...(options.exposeTools
      ? createSessionTools({
          agent: 'claude-code',
          config: () => handler.decider.config(),
          probes: CLAUDE_CODE_PROBES,
          cwd: env.CLAUDE_PROJECT_DIR || process.cwd(),
          ...(env.CLAUDE_CODE_SESSION_ID ? { sessionId: env.CLAUDE_CODE_SESSION_ID } : {}),
        })
      : []),
  ];
  // Tests and operators find the server's pid here (to stop it, or to see that it runs).
  let pidFile: string | undefined;
  try {
    pidFile = sessionPidFile({ env });
    mkdirSync(path.dirname(pidFile), { recursive: true, mode: 0o700 });
    writeFileSync(pidFile, `${process.pid}\n`, { mode: 0o600 });
  } catch {
    pidFile = undefined;
  }
  try {
    await runSessionServer({
      serverName: 'warden',
      serverVersion: PACKAGE_VERSION,
      decide: handler,
      deadlineMs,
      ...(options.input ? { input: options.input } : {}),
      ...(options.output ? { output: options.output } : {}),
      ...(extraTools.length ? { extraTools } : {}),
    });
  } finally {
    if (pidFile) rmSync(pidFile, { force: true });
  }
}

/**
 * The process around `serveSession`: stdout carries only JSON-RPC (stray console output goes to
 * stderr), an uncaught error is logged and the server goes on (a dead server costs the session
 * its guard until the next call restarts it), and Claude Code's SIGINT at session end exits.
 */
export function startSessionProcess(options: { argv: readonly string[]; env?: NodeJS.ProcessEnv }): void {
  const env = options.env ?? process.env;
  console.log = console.error;
  console.info = console.error;
  console.debug = console.error;
  process.on('uncaughtException', (error) => {
    process.stderr.write(
      `warden session: uncaught: ${error instanceof Error ? error.message : String(error)}\n`,
    );
  });
  process.on('unhandledRejection', (error) => {
    process.stderr.write(
      `warden session: unhandled: ${error instanceof Error ? error.message : String(error)}\n`,
    );
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      try {
        rmSync(sessionPidFile({ env }), { force: true });
      } catch {
        // nothing to clean
      }
      process.exit(0);
    });
  }
  const unknown = options.argv.filter((arg) => arg !== '--expose-tools');
  if (unknown.length > 0)
    process.stderr.write(`warden session: ignoring unknown options: ${unknown.join(' ')}\n`);
  void serveSession({ env, exposeTools: options.argv.includes('--expose-tools') }).then(
    () => process.exit(0),
    (error: unknown) => {
      process.stderr.write(`warden session: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
