import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Runs a hook on typical inputs inside one process, so that the V8 code cache written when the
 * process exits covers the code they reach. Nothing is recorded in the user's audit log or sent
 * anywhere: the runs use a throwaway Warden home and no server.
 */
export async function primeCommandHook(options: {
  inputs: readonly unknown[];
  run: (options: { input: string; env: NodeJS.ProcessEnv }) => Promise<unknown>;
  env?: NodeJS.ProcessEnv;
}): Promise<void> {
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'warden-prime-'));
  const env: NodeJS.ProcessEnv = {
    ...(options.env ?? process.env),
    WARDEN_HOME: scratch,
    WARDEN_POLICY: '',
    WARDEN_SERVER_URL: '',
    AKTO_DATA_INGESTION_URL: '',
  };
  try {
    for (const input of options.inputs) await options.run({ input: JSON.stringify(input), env });
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * Runs `<hookScript> hook --prime` once after an install, so the first real hook call already
 * finds a code cache. Best effort: returns whether it worked, never throws.
 */
export function primeInstalledHook(options: { hookScript: string; env?: NodeJS.ProcessEnv }): boolean {
  const result = spawnSync(process.execPath, [options.hookScript, 'hook', '--prime'], {
    env: options.env ?? process.env,
    stdio: 'ignore',
    timeout: 30_000,
  });
  return result.status === 0;
}
