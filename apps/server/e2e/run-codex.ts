import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The Codex CLI 0.169.0 from npm (a devDependency of this package). */
export const CODEX_BIN = fileURLToPath(new URL('../node_modules/.bin/codex', import.meta.url));

export interface RunCodexResult {
  exitCode: number | null;
  timedOut: boolean;
  stdout: string;
  stderr: string;
}

/**
 * `codex exec` headless, in a clean environment: PATH, HOME, CODEX_HOME, the scripted
 * provider's dummy key, and what the test adds (nothing of the developer's own set-up).
 */
export function runCodex(options: {
  prompt: string;
  cwd: string;
  home: string;
  codexHome: string;
  extraEnv?: Record<string, string>;
  timeoutMs?: number;
}): Promise<RunCodexResult> {
  const child = spawn(
    CODEX_BIN,
    ['exec', '--skip-git-repo-check', '--json', '--sandbox', 'danger-full-access', options.prompt],
    {
      cwd: options.cwd,
      env: {
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        HOME: options.home,
        CODEX_HOME: options.codexHome,
        MOCK_API_KEY: 'dummy',
        ...options.extraEnv,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
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
      resolve({ exitCode, timedOut, stdout, stderr });
    });
  });
}
