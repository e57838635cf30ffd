import { spawn } from 'node:child_process';

export interface RunCodexOptions {
  /** The `codex` binary (each package resolves its own `@openai/codex` devDependency). */
  codexPath: string;
  prompt: string;
  cwd: string;
  home: string;
  codexHome: string;
  /** Extra `codex exec` arguments. */
  args?: string[];
  /** Variables the test adds to the clean environment (a Warden server's URL and token). */
  extraEnv?: Record<string, string>;
  timeoutMs?: number;
}

export interface RunCodexResult {
  exitCode: number | null;
  timedOut: boolean;
  stdout: string;
  stderr: string;
  /** The `--json` event stream, one object per line. */
  events: Array<Record<string, unknown>>;
}

/**
 * Runs `codex exec` headless with a clean environment: only PATH, HOME, CODEX_HOME, the dummy
 * API key of the scripted provider and what the test adds, so nothing of the developer's own
 * Codex set-up leaks in.
 */
export function runCodex(options: RunCodexOptions): Promise<RunCodexResult> {
  const args = [
    'exec',
    '--skip-git-repo-check',
    '--json',
    '--sandbox',
    'danger-full-access',
    ...(options.args ?? []),
    options.prompt,
  ];
  const child = spawn(options.codexPath, args, {
    cwd: options.cwd,
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: options.home,
      CODEX_HOME: options.codexHome,
      MOCK_API_KEY: 'dummy',
      ...options.extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill('SIGKILL');
  }, options.timeoutMs ?? 90_000);
  return new Promise((resolve, reject) => {
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('close', (exitCode) => {
      clearTimeout(timer);
      const events = stdout
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .flatMap((line) => {
          try {
            return [JSON.parse(line) as Record<string, unknown>];
          } catch {
            return [];
          }
        });
      resolve({ exitCode, timedOut, stdout, stderr, events });
    });
  });
}
