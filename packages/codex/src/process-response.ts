import { writeSync } from 'node:fs';

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
 * Writes a hook or CLI answer and exits with its code. Plain writes to the descriptors:
 * `process.stdout` would load the streams machinery, a few milliseconds on every hook run.
 */
export function finishProcess(response: { stdout: string; stderr: string; exitCode: number }): void {
  if (response.stderr) writeAll(2, response.stderr);
  if (response.stdout) writeAll(1, response.stdout);
  process.exit(response.exitCode);
}
