import { writeSync } from 'node:fs';
import type { CommandHookResponse } from '../adapter.js';

function writeAll(descriptor: number, text: string): void {
  const buffer = Buffer.from(text, 'utf8');
  let offset = 0;
  while (offset < buffer.length) {
    try {
      offset += writeSync(descriptor, buffer, offset);
    } catch (error) {
      // A non-blocking pipe that is momentarily full: try again; anything else cannot be reported anywhere.
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') return;
    }
  }
}

/**
 * Writes a command's answer and exits with its code. Plain writes to the descriptors:
 * `process.stdout` would load the streams machinery, a few milliseconds on every hook run.
 */
export function finishProcess(response: CommandHookResponse): void {
  if (response.stderr) writeAll(2, response.stderr);
  if (response.stdout) writeAll(1, response.stdout);
  process.exit(response.exitCode);
}

/**
 * The last line of defence of a hook entry point, for a bug that escaped every other handler:
 * exit 2 blocks wherever the event can block, unless the failure policy is explicitly open.
 */
export function finishAfterCrash(options: { error: unknown; env?: NodeJS.ProcessEnv }): void {
  const env = options.env ?? process.env;
  const reason = `Warden could not evaluate this hook: ${String(options.error)}\n`;
  finishProcess({
    stdout: '',
    stderr: reason,
    exitCode: env.WARDEN_FAILURE?.trim().toLowerCase() === 'open' ? 0 : 2,
  });
}
