import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { claudeEnvironment } from './claude-environment.ts';

export type ClaudePermissionMode =
  | 'default'
  | 'acceptEdits'
  | 'bypassPermissions'
  | 'plan'
  | 'dontAsk'
  | 'auto';

export interface RunClaudeOptions {
  prompt: string;
  /** The scripted server's URL (`server.url`). */
  baseUrl: string;
  /** The project directory Claude Code works in. */
  cwd: string;
  /** A throwaway HOME; user-scope hooks go in `<home>/.claude/settings.json`. */
  home: string;
  /** Defaults to `bypassPermissions`, so tool calls run unless a hook stops them. */
  permissionMode?: ClaudePermissionMode;
  /** Appended after the default arguments, e.g. `['--settings', file]`. */
  extraArgs?: string[];
  /** Added to the clean environment; an `undefined` value removes a default variable. */
  extraEnv?: Record<string, string | undefined>;
  /** Hard limit for the whole run; the process group is killed when it is reached. Defaults to 45 s. */
  timeoutMs?: number;
  /** Path to the `claude` executable; by default it is resolved from `process.cwd()`. */
  claudePath?: string;
}

/** One line of `--output-format stream-json` output. */
export interface ClaudeStreamMessage {
  type: string;
  subtype?: string;
  [key: string]: unknown;
}

export interface RunClaudeResult {
  /** `null` when the process was killed by a signal (for example on timeout). */
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  stdout: string;
  stderr: string;
  /** Every stdout line that parsed as JSON, in order. */
  messages: ClaudeStreamMessage[];
  /** The `result` field of the final `result` message, if there was one. */
  resultText: string | undefined;
}

// After a kill, how long to wait for the process and its pipes before giving up on them.
const killGraceMs = 2_000;

/**
 * Runs the real Claude Code CLI headless (`claude -p`) against a scripted server, in a clean
 * environment and a process group of its own, so a hung run can be killed with everything it started.
 */
export async function runClaude(options: RunClaudeOptions): Promise<RunClaudeResult> {
  const claudePath = options.claudePath ?? resolveClaudeCodeBinary({ resolveFrom: process.cwd() });
  const claudeArgs = [
    '-p',
    options.prompt,
    '--output-format',
    'stream-json',
    '--verbose',
    '--permission-mode',
    options.permissionMode ?? 'bypassPermissions',
    ...(options.extraArgs ?? []),
  ];
  // Before 2.x the package's bin was a JavaScript file; run that with the current Node.
  const isScript = /\.[cm]?js$/.test(claudePath);
  const command = isScript ? process.execPath : claudePath;
  const args = isScript ? [claudePath, ...claudeArgs] : claudeArgs;

  const child = spawn(command, args, {
    cwd: options.cwd,
    env: claudeEnvironment({ baseUrl: options.baseUrl, home: options.home, extraEnv: options.extraEnv }),
    // A new process group: on timeout we can kill Claude Code together with its shells and hooks.
    detached: true,
    // Claude Code appends piped stdin to the prompt; /dev/null gives it an immediate, empty EOF.
    stdio: ['ignore', 'pipe', 'pipe'],
  });

  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const closed = new Promise<void>((resolve) => child.once('close', () => resolve()));

  const timeoutMs = options.timeoutMs ?? 45_000;
  let timedOut = false;
  const timers: NodeJS.Timeout[] = [];
  let exit: { code: number | null; signal: NodeJS.Signals | null };
  try {
    exit = await new Promise((resolve, reject) => {
      child.once('error', (error) => {
        reject(new Error(`could not start Claude Code at ${claudePath}: ${error.message}`, { cause: error }));
      });
      child.once('exit', (code, signal) => resolve({ code, signal }));
      timers.push(
        setTimeout(() => {
          timedOut = true;
          killProcessGroup({ child, signal: 'SIGTERM' });
          timers.push(setTimeout(() => killProcessGroup({ child, signal: 'SIGKILL' }), killGraceMs));
          // Even a process that survives SIGKILL (stuck in the kernel) must not hang the test.
          timers.push(setTimeout(() => resolve({ code: null, signal: 'SIGKILL' }), 2 * killGraceMs));
        }, timeoutMs),
      );
    });
  } finally {
    for (const timer of timers) clearTimeout(timer);
  }

  // Background shells or hooks may outlive Claude Code and keep its pipes open; they belong to the
  // group we created, so end them and wait (boundedly) for the last output.
  killProcessGroup({ child, signal: 'SIGKILL' });
  await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, killGraceMs).unref())]);
  child.stdout?.destroy();
  child.stderr?.destroy();

  const messages: ClaudeStreamMessage[] = [];
  for (const line of stdout.split('\n')) {
    const message = parseStreamLine(line);
    if (message !== undefined) messages.push(message);
  }
  const result = messages.findLast((message) => message.type === 'result');
  return {
    exitCode: exit.code,
    signal: exit.signal,
    timedOut,
    stdout,
    stderr,
    messages,
    resultText: typeof result?.result === 'string' ? result.result : undefined,
  };
}

export interface ResolveClaudeCodeBinaryOptions {
  /** A directory inside the package whose `@anthropic-ai/claude-code` dependency should be used. */
  resolveFrom: string;
}

/**
 * Finds the `claude` executable of the `@anthropic-ai/claude-code` package visible from a directory,
 * through the package's own `bin` entry, so each adapter tests the version it pins.
 */
export function resolveClaudeCodeBinary(options: ResolveClaudeCodeBinaryOptions): string {
  // createRequire needs a file name; it does not have to exist.
  const require = createRequire(join(options.resolveFrom, 'noop.js'));
  let manifestPath: string;
  try {
    manifestPath = require.resolve('@anthropic-ai/claude-code/package.json');
  } catch (error) {
    throw new Error(
      `@anthropic-ai/claude-code is not installed for ${options.resolveFrom}; add it as a devDependency ` +
        `(pnpm add -D @anthropic-ai/claude-code@2.1.330) or pass claudePath`,
      { cause: error },
    );
  }
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
    bin?: string | Record<string, string>;
  };
  const bin = typeof manifest.bin === 'string' ? manifest.bin : manifest.bin?.claude;
  if (bin === undefined) throw new Error(`${manifestPath} declares no "claude" bin`);
  return join(dirname(manifestPath), bin);
}

function killProcessGroup(options: { child: ChildProcess; signal: NodeJS.Signals }): void {
  if (options.child.pid === undefined) return;
  try {
    // The negative pid addresses the group the detached child leads, and only that group.
    process.kill(-options.child.pid, options.signal);
  } catch {
    // ESRCH: the group is already gone.
  }
}

function parseStreamLine(line: string): ClaudeStreamMessage | undefined {
  const trimmed = line.trim();
  if (!trimmed.startsWith('{')) return undefined;
  try {
    const value = JSON.parse(trimmed) as unknown;
    if (
      typeof value === 'object' &&
      value !== null &&
      typeof (value as { type?: unknown }).type === 'string'
    ) {
      return value as ClaudeStreamMessage;
    }
  } catch {
    // Not every line is guaranteed to be JSON (for example a crash message); skip it.
  }
  return undefined;
}
