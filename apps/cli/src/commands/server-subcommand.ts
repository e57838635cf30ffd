import { Writable } from 'node:stream';
import { type CliResponse, EXIT, fail } from '../cli-response.js';
import type { CommandContext } from '../command-context.js';

type RunServerCommand = (options: {
  argv: string[];
  env: NodeJS.ProcessEnv;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}) => Promise<number>;

/** node:sqlite announces itself as experimental on Node 22/24: noise for operators; other warnings stay. */
function hideSqliteExperimentalWarning(): void {
  const emitWarning = process.emitWarning.bind(process);
  process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
    const text = typeof warning === 'string' ? warning : warning.message;
    if (/SQLite is an experimental feature/.test(text)) return;
    (emitWarning as (...args: unknown[]) => void)(warning, ...rest);
  }) as typeof process.emitWarning;
}

/**
 * `warden serve` and `warden server …`: handed to `@warden/server/cli` (runServerCommand), which
 * a dependency of the CLI loaded only for these commands; without it, a clear error (exit 2).
 */
export async function runServerSubcommand(
  options: { argv: string[] },
  context: CommandContext,
): Promise<CliResponse> {
  let runServerCommand: RunServerCommand | undefined;
  hideSqliteExperimentalWarning();
  try {
    const specifier = '@warden/server/cli';
    ({ runServerCommand } = (await import(specifier)) as { runServerCommand?: RunServerCommand });
  } catch {
    runServerCommand = undefined;
  }
  if (typeof runServerCommand !== 'function')
    return fail(
      `"warden ${options.argv[0]}" needs the Warden server: install @warden/server (npm install -g @warden/server) and run it again`,
      EXIT.usage,
      context.json,
    );
  // `serve` runs until stopped: its output (the one-time admin token, where it listens) goes out as
  // it comes. The other commands answer once, through the CLI's response like every command.
  const live = options.argv[0] === 'serve';
  const captured = { stdout: '', stderr: '' };
  const sink = (name: 'stdout' | 'stderr') =>
    new Writable({
      write(chunk: Buffer | string, _encoding, callback) {
        if (live) process[name].write(chunk);
        else captured[name] += chunk.toString();
        callback();
      },
    });
  const exitCode = await runServerCommand({
    argv: options.argv,
    env: context.env,
    stdout: sink('stdout'),
    stderr: sink('stderr'),
  });
  return { ...captured, exitCode };
}
