import { createRequire } from 'node:module';
import { Argument, Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import type { AuditFilter } from './audit-filter.js';
import { parseTimeBound } from './audit-filter.js';
import { type CliResponse, EXIT, fail } from './cli-response.js';
import type { CommandContext } from './command-context.js';

export interface RunCliOptions {
  argv: string[];
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  stdin?: () => Promise<string>;
  write?: (text: string) => void;
  signal?: AbortSignal;
}

const AGENTS = ['claude-code', 'codex', 'all'] as const;
const EFFECTS = ['allow', 'ask', 'deny'] as const;

function version(): string {
  try {
    return (createRequire(import.meta.url)('../package.json') as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

function wholeNumber(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('expected a whole number');
  return Number(value);
}

function timeBound(value: string): number {
  try {
    return parseTimeBound(value);
  } catch (error) {
    throw new InvalidArgumentError((error as Error).message);
  }
}

interface FilterFlags {
  effect?: AuditFilter['effect'];
  agent?: string;
  session?: string;
  rule?: string;
  since?: number;
  until?: number;
}
const filterOf = (flags: FilterFlags): AuditFilter => ({
  ...(flags.effect ? { effect: flags.effect } : {}),
  ...(flags.agent ? { agent: flags.agent } : {}),
  ...(flags.session ? { session: flags.session } : {}),
  ...(flags.rule ? { rule: flags.rule } : {}),
  ...(flags.since !== undefined ? { since: flags.since } : {}),
  ...(flags.until !== undefined ? { until: flags.until } : {}),
});

function addFilters(command: Command): Command {
  return command
    .addOption(new Option('--effect <effect>', 'only this effect').choices(EFFECTS))
    .option('--agent <agent>', 'only this agent (claude-code, codex, agent-sdk)')
    .option('--session <id>', 'only this session')
    .option('--rule <id>', 'only decisions by this rule')
    .option('--since <time>', 'from this long ago (30m, 2h, 7d) or this ISO date', timeBound)
    .option('--until <time>', 'up to this long ago or this ISO date', timeBound);
}

function addTestEventOptions(command: Command): Command {
  return command
    .argument('[command...]', "a shell command, after -- (warden policy test -- 'rm -rf ~')")
    .option('--tool <name>', 'the tool (Read, Write, Edit, WebFetch, mcp__server__tool …)')
    .option('--path <file>', 'the file the tool works on')
    .option('--url <url>', 'the URL a fetch goes to')
    .option('--prompt <text>', 'a prompt the user submits')
    .option('--input <json>', "the tool's input as JSON")
    .option('--stdin', 'read a hook payload (JSON) from standard input')
    .addOption(
      new Option('--agent <agent>', 'the agent the event comes from')
        .choices(['claude-code', 'codex'])
        .default('claude-code'),
    )
    .option('--cwd <dir>', 'the working directory of the event (default: here)');
}

/** The deepest command the words of argv name, for error messages that say which command. */
function commandFor(program: Command, argv: readonly string[]): Command {
  let current = program;
  for (const word of argv) {
    if (word === '--') break;
    if (word.startsWith('-')) continue;
    const next = current.commands.find(
      (command) => command.name() === word || command.aliases().includes(word),
    );
    if (!next) break;
    current = next;
  }
  return current;
}

function commandPath(command: Command): string {
  const names: string[] = [];
  for (let current: Command | null = command; current; current = current.parent)
    names.unshift(current.name());
  return names.join(' ');
}

function optionNames(command: Command): string {
  return [...command.options.map((option) => option.long ?? option.short ?? ''), '--help']
    .filter(Boolean)
    .join(', ');
}

/**
 * commander's messages in Warden's one wording: what was wrong, the allowed values, and where to
 * read more. No library text reaches the user.
 */
function usageMessage(error: CommanderError, program: Command, argv: readonly string[]): string {
  const command = commandFor(program, argv);
  const name = commandPath(command);
  const text = error.message.replace(/^error: /, '');
  const hint = `(see \`${name} --help\`)`;
  switch (error.code) {
    case 'commander.unknownCommand': {
      const word = /'([^']+)'/.exec(text)?.[1] ?? '';
      const names = command.commands.map((sub) => sub.name()).filter((sub) => sub !== 'help');
      return `unknown command "${word}"; ${name === 'warden' ? 'commands' : `${name} commands`}: ${names.join(', ')} ${hint}`;
    }
    case 'commander.unknownOption': {
      const flag = /'([^']+)'/.exec(text)?.[1] ?? '';
      return `unknown option ${flag} for "${name}"; its options: ${optionNames(command)} ${hint}`;
    }
    case 'commander.invalidArgument': {
      const option = /^option '([^']+)' argument '([^']*)' is invalid\. (.*)$/s.exec(text);
      const argument = /^command-argument value '([^']*)' is invalid for argument '([^']+)'\. (.*)$/s.exec(
        text,
      );
      const [label, value, detail] = option
        ? [
            option[1]!.split(/[ ,]+/).find((part) => part.startsWith('--')) ?? option[1]!,
            option[2]!,
            option[3]!,
          ]
        : argument
          ? [argument[2]!, argument[1]!, argument[3]!]
          : ['value', '', text];
      const allowed = /^Allowed choices are (.*)\.$/.exec(detail);
      return allowed
        ? `${label}: "${value}" is not allowed; allowed values: ${allowed[1]} ${hint}`
        : `${label}: "${value}" is invalid: ${detail} ${hint}`;
    }
    case 'commander.excessArguments':
      return `"${name}" takes ${command.registeredArguments.length === 0 ? 'no arguments' : `at most ${command.registeredArguments.length} argument${command.registeredArguments.length === 1 ? '' : 's'}`} ${hint}`;
    case 'commander.help':
      return `"${name}" needs a command: ${command.commands
        .map((sub) => sub.name())
        .filter((sub) => sub !== 'help')
        .join(', ')} ${hint}`;
    default:
      return `${text.replace(/\s*\n.*/s, '')} ${hint}`;
  }
}

/**
 * The `warden` command: parses argv with commander (help, suggestions, completion-friendly
 * structure), runs one command module, and returns what to print. Errors of the command line
 * exit 2 with one consistent message; `--json` errors are `{"error":{"code","message"}}`.
 */
export async function runCli(options: RunCliOptions): Promise<CliResponse> {
  const json = options.argv.includes('--json');
  const context: CommandContext = {
    env: options.env ?? process.env,
    cwd: options.cwd ?? process.cwd(),
    json,
    ...(options.stdin ? { stdin: options.stdin } : {}),
    ...(options.write ? { write: options.write } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  };
  let response: CliResponse | undefined;
  let out = '';
  const run = (work: () => Promise<CliResponse>) => async () => {
    response = await work();
  };

  const program = new Command('warden')
    .description('Warden: a policy guard for AI coding agents (Claude Code, Codex, the Agent SDK).')
    .version(version(), '-v, --version', 'the version of the warden command')
    .helpOption('-h, --help', 'this help')
    .addHelpCommand('help [command]', 'help for a command')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => (out += text),
      writeErr: (text) => (out += text),
      outputError: () => undefined,
    })
    .showSuggestionAfterError(false)
    .addHelpText(
      'after',
      '\nExit codes: 0 ok, 1 a check failed or something was found, 2 usage error, 3 environment problem.\nEvery command takes --json: JSON on stdout and nothing else.',
    );
  const leaf = (parent: Command, name: string, description: string) =>
    parent.command(name).description(description).option('--json', 'machine-readable output (JSON only)');

  leaf(program, 'install', "add Warden's hooks to an agent's settings")
    .addArgument(new Argument('[agent]', 'claude-code, codex or all').choices(AGENTS).default('all'))
    .addOption(
      new Option('--scope <scope>', 'user (default), project (committed, nothing machine-specific) or local')
        .choices(['user', 'project', 'local'])
        .default('user'),
    )
    .option('--project-dir <dir>', 'the project for --scope project|local (default: here)')
    .addOption(
      new Option('--on-failure <when>', 'Claude Code: block when the hook itself fails')
        .choices(['auto', 'block', 'continue'])
        .default('auto'),
    )
    .addOption(
      new Option(
        '--transport <transport>',
        'mcp (the session guard server, one process per session; the default for Claude Code) or command (a process per hook event; the default for Codex, whose MCP hooks fail open if the server crashes)',
      ).choices(['mcp', 'command']),
    )
    .option(
      '--expose-tools',
      'with the session server: offer the model read-only policy_test and audit_query tools',
    )
    .action(
      (
        agent: string,
        flags: {
          scope: 'user' | 'project' | 'local';
          projectDir?: string;
          onFailure: 'auto' | 'block' | 'continue';
          transport?: 'mcp' | 'command';
          exposeTools?: boolean;
        },
      ) =>
        run(async () =>
          (await import('./commands/install.js')).installCommand(
            { agent, ...flags, uninstall: false },
            context,
          ),
        )(),
    );
  leaf(program, 'uninstall', "remove Warden's hooks (and nothing else) from an agent's settings")
    .addArgument(new Argument('[agent]', 'claude-code, codex or all').choices(AGENTS).default('all'))
    .addOption(
      new Option('--scope <scope>', 'user, project or local')
        .choices(['user', 'project', 'local'])
        .default('user'),
    )
    .option('--project-dir <dir>', 'the project for --scope project|local (default: here)')
    .action((agent: string, flags: { scope: 'user' | 'project' | 'local'; projectDir?: string }) =>
      run(async () =>
        (await import('./commands/install.js')).installCommand(
          { agent, ...flags, onFailure: 'auto', uninstall: true },
          context,
        ),
      )(),
    );
  leaf(program, 'status', 'every policy source in force, mode, suspension, audit log, server, spool')
    .option('--timeout <ms>', 'budget of the server reachability check', wholeNumber, 3000)
    .action((flags: { timeout: number }) =>
      run(async () =>
        (await import('./commands/status.js')).statusCommand({ timeoutMs: flags.timeout }, context),
      )(),
    );
  leaf(
    program,
    'doctor',
    'prove that every installed agent is really guarded (a canary must come back denied)',
  )
    .option('--timeout <ms>', 'budget of each hook run and of the server check', wholeNumber, 15000)
    .action((flags: { timeout: number }) =>
      run(async () =>
        (await import('./commands/doctor.js')).doctorCommand({ timeoutMs: flags.timeout }, context),
      )(),
    );
  leaf(
    program,
    'init',
    'write a commented starter policy ($WARDEN_HOME/policy.yaml, or .warden/policy.yaml with --project)',
  )
    .option('--project', "write this repository's .warden/policy.yaml")
    .option('--force', 'replace an existing file')
    .action((flags: { project?: boolean; force?: boolean }) =>
      run(async () =>
        (await import('./commands/init.js')).initCommand(
          { project: Boolean(flags.project), force: Boolean(flags.force) },
          context,
        ),
      )(),
    );
  leaf(
    program,
    'trust',
    "let this repository's .warden/policy.yaml weaken your policy (until the file changes)",
  )
    .argument('[dir]', 'a directory in the repository (default: here)')
    .option('--remove', 'stop trusting it')
    .action((directory: string | undefined, flags: { remove?: boolean }) =>
      run(async () =>
        (await import('./commands/trust.js')).trustCommand(
          { ...(directory ? { directory } : {}), remove: Boolean(flags.remove) },
          context,
        ),
      )(),
    );
  leaf(program, 'suspend', 'deny every action of every guarded agent until `warden resume`')
    .option('--reason <text>', 'shown to the agent and in status')
    .action((flags: { reason?: string }) =>
      run(async () =>
        (await import('./commands/suspend.js')).suspendCommand(
          { suspend: true, ...(flags.reason ? { reason: flags.reason } : {}) },
          context,
        ),
      )(),
    );
  leaf(program, 'resume', 'end a suspension').action(() =>
    run(async () => (await import('./commands/suspend.js')).suspendCommand({ suspend: false }, context))(),
  );
  leaf(program, 'flush', 'send the events waiting in the spool to the server now')
    .option('--timeout <ms>', 'how long to keep sending', wholeNumber, 60000)
    .action((flags: { timeout: number }) =>
      run(async () =>
        (await import('./commands/flush.js')).flushCommand({ timeoutMs: flags.timeout }, context),
      )(),
    );

  const policy = program.command('policy').description('check, test and explain policies');
  leaf(policy, 'check', 'validate a policy file, or every policy source in force here')
    .argument('[file]', 'a policy file (default: every source in force)')
    .action((file: string | undefined) =>
      run(async () =>
        (await import('./commands/policy-check.js')).policyCheckCommand(file ? { file } : {}, context),
      )(),
    );
  type TestFlags = {
    tool?: string;
    path?: string;
    url?: string;
    prompt?: string;
    input?: string;
    stdin?: boolean;
    agent: 'claude-code' | 'codex';
    cwd?: string;
    expect?: 'allow' | 'ask' | 'deny';
  };
  const testOptions = (words: string[], flags: TestFlags) => ({
    ...(words.length ? { command: words.join(' ') } : {}),
    ...(flags.tool ? { tool: flags.tool } : {}),
    ...(flags.path !== undefined ? { path: flags.path } : {}),
    ...(flags.url !== undefined ? { url: flags.url } : {}),
    ...(flags.prompt !== undefined ? { prompt: flags.prompt } : {}),
    ...(flags.input !== undefined ? { input: flags.input } : {}),
    ...(flags.expect ? { expect: flags.expect } : {}),
    stdin: Boolean(flags.stdin),
    agent: flags.agent,
    cwd: flags.cwd ?? context.cwd,
  });
  addTestEventOptions(
    leaf(policy, 'test', 'what Warden would decide for an action, and why (records nothing)'),
  )
    .addOption(new Option('--expect <effect>', 'exit 1 unless the decision is this').choices(EFFECTS))
    .action((words: string[], flags: TestFlags) =>
      run(async () =>
        (await import('./commands/policy-test.js')).policyTestCommand(testOptions(words, flags), context),
      )(),
    );
  addTestEventOptions(
    leaf(
      policy,
      'explain',
      'the actions, parsed shell commands and findings Warden sees, and the rules that match',
    ),
  ).action((words: string[], flags: TestFlags) =>
    run(async () =>
      (await import('./commands/policy-explain.js')).policyExplainCommand(testOptions(words, flags), context),
    )(),
  );

  const audit = program.command('audit').description('read, search, export and verify the audit log');
  addFilters(leaf(audit, 'tail', 'the latest records; -f keeps printing new ones'))
    .option('-n, --lines <count>', 'how many', wholeNumber, 20)
    .option('-f, --follow', 'keep printing new records until interrupted')
    .option('--dir <dir>', 'the audit directory (default $WARDEN_HOME/audit)')
    .action((flags: FilterFlags & { lines: number; follow?: boolean; dir?: string }) =>
      run(async () =>
        (await import('./commands/audit-tail.js')).auditTailCommand(
          {
            lines: flags.lines,
            follow: Boolean(flags.follow),
            ...(flags.dir ? { dir: flags.dir } : {}),
            filter: filterOf(flags),
          },
          context,
        ),
      )(),
    );
  addFilters(leaf(audit, 'query', "search the local log, or the team's events with --server"))
    .option('--limit <count>', 'at most this many (the newest)', wholeNumber, 1000)
    .option('--dir <dir>', 'the audit directory (default $WARDEN_HOME/audit)')
    .option('--server', "query the configured server's events instead of the local log")
    .action((flags: FilterFlags & { limit: number; dir?: string; server?: boolean }) =>
      run(async () =>
        (await import('./commands/audit-query.js')).auditQueryCommand(
          {
            filter: filterOf(flags),
            limit: flags.limit,
            server: Boolean(flags.server),
            ...(flags.dir ? { dir: flags.dir } : {}),
          },
          context,
        ),
      )(),
    );
  addFilters(leaf(audit, 'export', 'export records as CSV or NDJSON'))
    .addOption(new Option('--format <format>', 'csv or ndjson').choices(['csv', 'ndjson']).default('ndjson'))
    .option('-o, --output <file>', 'write to a file (default: standard output)')
    .option('--limit <count>', 'at most this many (the newest)', wholeNumber, Number.MAX_SAFE_INTEGER)
    .option('--dir <dir>', 'the audit directory (default $WARDEN_HOME/audit)')
    .action(
      (flags: FilterFlags & { format: 'csv' | 'ndjson'; output?: string; limit: number; dir?: string }) =>
        run(async () =>
          (await import('./commands/audit-export.js')).auditExportCommand(
            {
              format: flags.format,
              filter: filterOf(flags),
              limit: flags.limit,
              ...(flags.output ? { output: flags.output } : {}),
              ...(flags.dir ? { dir: flags.dir } : {}),
            },
            context,
          ),
        )(),
    );
  leaf(audit, 'verify', "check the log's hash chain; exit 1 at the first broken line")
    .option('--dir <dir>', 'the audit directory (default $WARDEN_HOME/audit)')
    .option('--server', "also check it against the server's anchors")
    .action((flags: { dir?: string; server?: boolean }) =>
      run(async () =>
        (await import('./commands/audit-verify.js')).auditVerifyCommand(
          { dir: flags.dir, server: Boolean(flags.server) },
          context,
        ),
      )(),
    );

  leaf(program, 'completion', 'print the shell completion script (bash; zsh through bashcompinit)')
    .addArgument(new Argument('[shell]', 'bash or zsh').choices(['bash', 'zsh']).default('bash'))
    .action((shell: string) =>
      run(async () =>
        (await import('./commands/completion.js')).completionCommand({ shell, program }, context),
      )(),
    );

  for (const name of ['serve', 'server']) {
    program
      .command(name)
      .description(
        name === 'serve'
          ? 'run the Warden server (@warden/server)'
          : 'manage the Warden server: tokens, database, … (@warden/server)',
      )
      .helpOption(false)
      .allowUnknownOption()
      .allowExcessArguments()
      .argument('[args...]')
      .action(() => {
        const at = options.argv.indexOf(name);
        return run(async () =>
          (await import('./commands/server-subcommand.js')).runServerSubcommand(
            { argv: options.argv.slice(at) },
            context,
          ),
        )();
      });
  }

  try {
    await program.parseAsync(options.argv.length ? options.argv : ['--help'], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      if (
        error.code === 'commander.helpDisplayed' ||
        error.code === 'commander.version' ||
        error.exitCode === 0
      )
        return { stdout: out, stderr: '', exitCode: EXIT.ok };
      return fail(usageMessage(error, program, options.argv), EXIT.usage, json);
    }
    // A bug: one line, no stack trace.
    return fail(
      `internal error: ${error instanceof Error ? error.message : String(error)}`,
      EXIT.failed,
      json,
    );
  }
  return response ?? { stdout: out, stderr: '', exitCode: EXIT.ok };
}
