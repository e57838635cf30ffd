import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import * as z from 'zod/mini';
import { auditVerifyCommand } from './audit-verify-command.js';
import { type CliResponse, fail } from './cli-response.js';
import { flushCommand } from './flush-command.js';
import { statusCommand } from './status-command.js';

export const USAGE = `Usage: warden <command> [options]

Commands:
  flush [--timeout MS] [--json]       Send the events waiting in the spool to the server now.
  audit verify [--dir DIR] [--json]   Check the audit log's hash chain; exit 1 at the first broken line.
  status [--timeout MS] [--json]      Configuration, policy sources, audit log, server reachability, spool.
  help                                This text.

Options:
  --timeout MS   flush: how long to keep sending (default 60000); status: the reachability check (default 3000)
  --dir DIR      audit verify: the audit directory (default $WARDEN_HOME/audit)
  --json         machine-readable output
  --version      the version of the warden command
`;

const flagsSchema = z.object({
  timeout: z.optional(z.string().check(z.regex(/^\d+$/, 'expected a number of milliseconds'))),
  dir: z.optional(z.string().check(z.minLength(1))),
  json: z.optional(z.boolean()),
  help: z.optional(z.boolean()),
  version: z.optional(z.boolean()),
});

function version(): string {
  try {
    return (createRequire(import.meta.url)('../package.json') as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

export async function runCli(options: { argv: string[]; env?: NodeJS.ProcessEnv }): Promise<CliResponse> {
  const env = options.env ?? process.env;
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: options.argv,
      allowPositionals: true,
      strict: true,
      options: {
        timeout: { type: 'string' },
        dir: { type: 'string' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    return fail(`${(error as Error).message}\n\n${USAGE}`, 2);
  }
  const flags = flagsSchema.safeParse(parsed.values);
  if (!flags.success) {
    const issue = flags.error.issues[0]!;
    return fail(`--${issue.path.join('.')}: ${issue.message}`, 2);
  }
  const { timeout, dir, json = false } = flags.data;
  if (flags.data.version) return { stdout: `${version()}\n`, stderr: '', exitCode: 0 };
  const [command, subcommand, ...extra] = parsed.positionals;
  if (!command || command === 'help' || flags.data.help) return { stdout: USAGE, stderr: '', exitCode: 0 };

  const accepts = (allowed: string[]) => {
    const given = Object.keys(parsed.values).filter((name) => !allowed.includes(name) && name !== 'json');
    return given.length ? fail(`${command}: unknown option --${given[0]}\n\n${USAGE}`, 2) : undefined;
  };
  switch (command) {
    case 'flush':
      if (subcommand) return fail(`flush takes no arguments\n\n${USAGE}`, 2);
      return (
        accepts(['timeout']) ?? flushCommand({ env, timeoutMs: timeout ? Number(timeout) : 60_000, json })
      );
    case 'audit':
      if (subcommand !== 'verify' || extra.length)
        return fail(`usage: warden audit verify [--dir DIR] [--json]`, 2);
      return accepts(['dir']) ?? auditVerifyCommand({ env, dir, json });
    case 'status':
      if (subcommand) return fail(`status takes no arguments\n\n${USAGE}`, 2);
      return (
        accepts(['timeout']) ?? statusCommand({ env, json, timeoutMs: timeout ? Number(timeout) : 3000 })
      );
    default:
      return fail(`unknown command "${command}"\n\n${USAGE}`, 2);
  }
}
