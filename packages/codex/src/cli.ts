import { parseCommandOptions, WardenError } from '@warden/core';
import * as z from 'zod/mini';
import {
  defaultHookScript,
  type HookTrustEntry,
  hookCommand,
  install,
  MCP_TRADE_OFF,
  status,
  uninstall,
} from './install.js';
import { managedRequirementsToml } from './managed-requirements.js';
import { CODEX_SESSION_EVENTS } from './session-templates.js';

const USAGE = `Usage: warden-codex <command> [options]

Commands:
  hook        Read one Codex hook input on stdin and answer it (Codex runs this).
  install     Add Warden's hooks to Codex's hooks.json and make sure hooks are enabled.
  uninstall   Remove Warden's hooks (and nothing else) from hooks.json.
  status      Tell whether Codex will run Warden: installed, hooks feature on, hooks trusted.
              Exits 0 only when every Warden hook will run.
  managed     Print the requirements.toml form of the hooks, for fleet deployment.
  serve-session  Run the session guard server (Codex starts it, with install --transport mcp).

Options:
  --scope user|project   $CODEX_HOME/hooks.json (default; CODEX_HOME defaults to ~/.codex) or <project>/.codex/hooks.json
  --project-dir DIR      The project for --scope project (default: the current directory)
  --ask deny|defer       install, managed: what a policy "ask" becomes, as Codex hooks cannot ask the user.
                         deny (default): blocked, with a reason telling the model to get the user's go-ahead.
                         defer: Warden stays silent and Codex's own approval settings decide.
  --transport command|mcp
                         install: command (default) spawns the hook for every event; mcp routes
                         SessionStart, UserPromptSubmit, PreToolUse, PostToolUse and Stop to one
                         session server per Codex session (no process per tool call; user scope only).
                         Trade-off: Codex ignores onFailure for MCP hooks and never restarts a crashed
                         server, so a crash leaves the rest of that session unguarded (fails open).
  --expose-tools         install --transport mcp: the session server also offers the model read-only
                         tools, policy_test (what would Warden decide for a command, file or URL) and
                         audit_query (recent decisions of this session or project). Off by default.
  --codex PATH           The codex executable used to read its feature flags (default: codex on PATH)
  --allow-managed-only   managed: also set allow_managed_hooks_only = true
`;

const optionsSchema = z.object({
  scope: z.optional(z.enum(['user', 'project'])),
  'project-dir': z.optional(z.string()),
  ask: z.optional(z.enum(['deny', 'defer'])),
  codex: z.optional(z.string()),
  transport: z.optional(z.enum(['command', 'mcp'])),
  'expose-tools': z.optional(z.boolean()),
  'allow-managed-only': z.optional(z.boolean()),
  help: z.optional(z.boolean()),
});

interface CliResponse {
  stdout: string;
  stderr: string;
  exitCode: number;
}

const fail = (message: string, exitCode = 1): CliResponse => ({
  stdout: '',
  stderr: `warden-codex: ${message}\n`,
  exitCode,
});

const TRUST_WORDS: Record<HookTrustEntry['trust'], string> = {
  trusted: 'trusted',
  untrusted: 'NOT TRUSTED (Codex skips it)',
  modified: 'CHANGED since it was trusted (Codex skips it)',
  disabled: 'DISABLED in /hooks (Codex skips it)',
};

function trustLines(trust: HookTrustEntry[]): string[] {
  return trust.map(
    (entry) =>
      `    ${entry.eventName.padEnd(18)} ${entry.type === 'mcp_tool' ? 'session server  ' : 'command hook    '}${TRUST_WORDS[entry.trust]}`,
  );
}

const TRUST_STEP = [
  'Codex runs a new hook only after you trust it, and skips untrusted hooks SILENTLY: until then',
  "nothing is guarded. To trust Warden's hooks:",
  '  1. start Codex in a terminal (`codex`), type /hooks, review the Warden hooks and trust them;',
  '  2. run `warden-codex status`: it exits 0 once every Warden hook will run.',
  'Machines without an interactive Codex (codex exec, CI): deploy the managed form instead',
  '(`warden-codex managed`, see the README), which Codex trusts by policy.',
];

export async function runCli(options: { argv: string[]; env?: NodeJS.ProcessEnv }): Promise<CliResponse> {
  const env = options.env ?? process.env;
  const [command, ...rest] = options.argv;
  if (!command || command === '--help' || command === '-h' || command === 'help')
    return { stdout: USAGE, stderr: '', exitCode: 0 };
  if (!['install', 'uninstall', 'status', 'managed'].includes(command))
    return fail(`unknown command "${command}"\n\n${USAGE}`, 2);

  const parsed = parseCommandOptions({
    args: rest,
    flags: {
      scope: { type: 'string' },
      'project-dir': { type: 'string' },
      ask: { type: 'string' },
      codex: { type: 'string' },
      transport: { type: 'string' },
      'expose-tools': { type: 'boolean' },
      'allow-managed-only': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    schema: optionsSchema,
  });
  if (!parsed.success) return fail(parsed.showUsage ? `${parsed.message}\n\n${USAGE}` : parsed.message, 2);
  if (parsed.data.help) return { stdout: USAGE, stderr: '', exitCode: 0 };
  const location = { scope: parsed.data.scope ?? 'user', projectDir: parsed.data['project-dir'], env };
  const askBehaviour = parsed.data.ask ?? 'deny';

  try {
    if (command === 'managed') {
      const hookScript = defaultHookScript();
      const toml = managedRequirementsToml({
        command: hookCommand({ nodePath: process.execPath, hookScript, askBehaviour }),
        hookScript,
        allowManagedOnly: parsed.data['allow-managed-only'] ?? false,
      });
      return { stdout: toml, stderr: '', exitCode: 0 };
    }
    if (command === 'uninstall') {
      const result = uninstall(location);
      return {
        stdout: result.changed
          ? `Removed Warden's hooks from ${result.hooksFile}.\n${result.removedSessionServer ? `Removed [mcp_servers.warden] from ${result.removedSessionServer}.\n` : ''}`
          : `No Warden hooks in ${result.hooksFile}; nothing changed.\n`,
        stderr: '',
        exitCode: 0,
      };
    }
    if (command === 'status') {
      const result = status({ ...location, codexPath: parsed.data.codex });
      const lines = [
        `Warden for Codex: ${result.guarded ? 'guarding' : 'NOT guarding'} (${result.hooksFile})`,
        `  Codex: ${result.codexVersion ?? 'not found on PATH (pass --codex)'}`,
        `  hooks feature: ${result.hooksFeatureOn === undefined ? 'unknown' : result.hooksFeatureOn ? 'on' : 'OFF'}`,
        ...(result.transport
          ? [
              `  transport: ${result.transport}${result.transport === 'mcp' ? ' (session server for SessionStart, UserPromptSubmit, PreToolUse, PostToolUse, Stop; command hooks for the rest)' : result.transport === 'mixed' ? ' (some routed events use command hooks, others the session server: run install again)' : ''}`,
            ]
          : []),
        ...(result.sessionServer
          ? [
              result.sessionServer.missing
                ? `  session server: CANNOT START, ${result.sessionServer.missing} does not exist (Codex skips every MCP hook; run install --transport mcp again)`
                : result.sessionServer.declared
                  ? `  session server: ${result.sessionServer.command} (${result.sessionServer.file})`
                  : `  session server: NOT DECLARED in ${result.sessionServer.file} (the MCP hooks do nothing; run install --transport mcp)`,
            ]
          : []),
        ...(result.projectTrustLevel !== undefined || location.scope === 'project'
          ? [
              `  project trust: ${result.projectTrustLevel ?? 'not trusted (Codex ignores the project .codex)'}`,
            ]
          : []),
        result.trust.length > 0 ? '  hooks:' : '  hooks: none installed (run `warden-codex install`)',
        ...trustLines(result.trust),
        ...(result.missingEvents.length > 0 && result.trust.length > 0
          ? [`  no Warden hook for: ${result.missingEvents.join(', ')}`]
          : []),
      ];
      const advice = result.trust.some((entry) => entry.trust !== 'trusted') ? ['', ...TRUST_STEP] : [];
      return {
        stdout: `${[...lines, ...advice].join('\n')}\n`,
        stderr: '',
        exitCode: result.guarded ? 0 : 1,
      };
    }

    const transport = parsed.data.transport ?? 'command';
    if (parsed.data['expose-tools'] && transport !== 'mcp')
      return fail('--expose-tools needs --transport mcp: only the session server can offer tools.', 2);
    const result = install({
      ...location,
      askBehaviour,
      codexPath: parsed.data.codex,
      launcher: true,
      transport,
      ...(parsed.data['expose-tools'] ? { exposeTools: true } : {}),
    });
    const featureLines =
      result.featureChanges.length > 0
        ? result.featureChanges.map(
            (change) =>
              `  hooks feature: turned on ([features] ${change.key} = true in ${change.file}${change.backup ? `, previous file saved as ${change.backup}` : ''})`,
          )
        : [
            `  hooks feature: ${result.hooksFeatureOn === undefined ? 'not checked (Codex not found; recent Codex versions have hooks on by default)' : result.hooksFeatureOn ? 'on' : 'OFF'}`,
          ];
    const lines = [
      result.changed
        ? `Installed Warden's hooks for every Codex event in ${result.hooksFile}.`
        : `Warden's hooks are already installed in ${result.hooksFile}; nothing changed.`,
      `  hook command: ${result.command}`,
      ...(result.sessionServer
        ? [
            `  transport: mcp, one session server per Codex session for ${CODEX_SESSION_EVENTS.join(', ')} (command hooks for the other events)`,
            `  session server: [mcp_servers.warden] in ${result.sessionServer.file}${result.sessionServer.changed ? '' : ' (unchanged)'}${result.sessionServer.backup ? `, previous file saved as ${result.sessionServer.backup}` : ''}`,
            ...(parsed.data['expose-tools']
              ? [
                  '  model tools: policy_test and audit_query (read-only: nothing they do changes the policy, the mode or the log)',
                ]
              : []),
            `  trade-off: ${MCP_TRADE_OFF} Keep the default (--transport command) if that matters more than ~60 ms per tool call.`,
          ]
        : []),
      ...(result.backup ? [`  previous file saved as ${result.backup}`] : []),
      ...(result.codexVersion ? [`  Codex: ${result.codexVersion}`] : []),
      ...featureLines,
      `  policy "ask": ${askBehaviour === 'deny' ? 'blocked with a reason (--ask defer lets Codex decide)' : "left to Codex's own approval settings"}`,
      ...(location.scope === 'project'
        ? ['  project hooks load only when Codex trusts the project (it asks when you first open it).']
        : []),
      '  trust:',
      ...trustLines(result.trust),
      '',
      ...(result.trust.length > 0 && result.trust.every((entry) => entry.trust === 'trusted')
        ? ['Every Warden hook is trusted: new Codex sessions are guarded.']
        : TRUST_STEP),
    ];
    return { stdout: `${lines.join('\n')}\n`, stderr: '', exitCode: 0 };
  } catch (error) {
    if (WardenError.isInstance(error)) return fail(error.message);
    return fail(`could not ${command}: ${(error as Error).message}`);
  }
}
