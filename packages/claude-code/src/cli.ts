import { loadConfig, parseCommandOptions } from '@warden/core';
import * as z from 'zod/mini';
import { install, uninstall } from './install.js';
import { SettingsFileError } from './settings-file.js';

const USAGE = `Usage: warden-claude-code <command> [options]

Commands:
  hook                      Read one Claude Code hook input on stdin and answer it (used by Claude Code).
  serve-session             Run the session guard server (stdio MCP, started by Claude Code once per session).
      [--expose-tools]        Also offer the model the read-only policy_test and audit_query tools.
  --version                 The version of this package.
  install                   Add Warden's hooks to a Claude Code settings file.
  uninstall                 Remove Warden's hooks (and nothing else) from a settings file.

Options for install and uninstall:
  --scope user|project|local  ~/.claude/settings.json (default), .claude/settings.json, .claude/settings.local.json
  --project-dir DIR           Project for the project and local scopes (default: the current directory)
  --transport mcp|command     mcp (default): the session guard server answers tool calls, prompts and answers
                              (one process per session, registered with \`claude mcp add --scope user\`);
                              command: a process per hook event, as before. mcp falls back to command hooks
                              for the project and local scopes and for Claude Code older than 2.1.330.
  --expose-tools              With mcp: offer the model Warden's read-only policy_test and audit_query tools.
  --on-failure auto|block|continue
                              Add "onFailure": "block" so a crashed or timed-out hook blocks (auto: when the
                              failure policy is closed and Claude Code is 2.1.295 or newer)
`;

const optionsSchema = z.object({
  scope: z.optional(z.enum(['user', 'project', 'local'])),
  'project-dir': z.optional(z.string()),
  'on-failure': z.optional(z.enum(['auto', 'block', 'continue'])),
  transport: z.optional(z.enum(['mcp', 'command'])),
  'expose-tools': z.optional(z.boolean()),
  help: z.optional(z.boolean()),
});

interface CliResponse {
  stdout: string;
  stderr: string;
  exitCode: number;
}

const fail = (message: string, exitCode = 1): CliResponse => ({
  stdout: '',
  stderr: `warden-claude-code: ${message}\n`,
  exitCode,
});

export async function runCli(options: { argv: string[]; env?: NodeJS.ProcessEnv }): Promise<CliResponse> {
  const env = options.env ?? process.env;
  const [command, ...rest] = options.argv;
  if (!command || command === '--help' || command === '-h' || command === 'help')
    return { stdout: USAGE, stderr: '', exitCode: 0 };
  if (command !== 'install' && command !== 'uninstall')
    return fail(`unknown command "${command}"\n\n${USAGE}`, 2);

  const parsed = parseCommandOptions({
    args: rest,
    flags: {
      scope: { type: 'string' },
      'project-dir': { type: 'string' },
      'on-failure': { type: 'string' },
      transport: { type: 'string' },
      'expose-tools': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    schema: optionsSchema,
  });
  if (!parsed.success) return fail(parsed.showUsage ? `${parsed.message}\n\n${USAGE}` : parsed.message, 2);
  if (parsed.data.help) return { stdout: USAGE, stderr: '', exitCode: 0 };
  const scope = parsed.data.scope ?? 'user';
  const projectDir = parsed.data['project-dir'];

  try {
    if (command === 'uninstall') {
      const result = uninstall({ scope, projectDir, env });
      const lines = [
        result.changed
          ? `Removed Warden's hooks from ${result.file}.`
          : `No Warden hooks in ${result.file}; nothing changed.`,
        ...(result.serverRemoved ? ["Removed Warden's session server from Claude Code's user config."] : []),
      ];
      return {
        stdout: `${lines.join('\n')}\n`,
        stderr: result.problem ? `warden-claude-code: ${result.problem}\n` : '',
        exitCode: result.problem ? 1 : 0,
      };
    }
    // The failure policy decides whether a crashed hook should block; a broken config must not stop the install.
    let failurePolicy: 'open' | 'closed' = 'closed';
    let configNote = '';
    try {
      failurePolicy = (await loadConfig({ env })).failure.tool_call;
    } catch (error) {
      configNote = `\nWarning: Warden's configuration is invalid, hooks will apply the failure policy until it is fixed:\n  ${(error as Error).message}\n`;
    }
    const result = install({
      scope,
      projectDir,
      env,
      onFailure: parsed.data['on-failure'],
      failurePolicy,
      launcher: true,
      transport: parsed.data.transport ?? 'mcp',
      exposeTools: parsed.data['expose-tools'] === true,
    });
    const lines = [
      result.changed
        ? `Installed Warden's hooks in ${result.file}.`
        : `Warden's hooks are already installed in ${result.file}; nothing changed.`,
      result.transport === 'mcp'
        ? `  transport: mcp (the session server answers PreToolUse, PermissionRequest, PostToolUse, UserPromptSubmit and Stop; command hooks for the rest)`
        : `  transport: command${result.transportNote ? ` (not the session server: ${result.transportNote})` : ''}`,
      ...(result.server
        ? [
            `  session server: ${[result.server.command, ...result.server.args].join(' ')} (claude mcp add --scope user)`,
          ]
        : []),
      `  hook command: ${result.command}`,
      `  onFailure "block": ${
        result.onFailureBlock
          ? 'yes'
          : parsed.data['on-failure'] === 'continue'
            ? 'no (--on-failure continue)'
            : result.claudeVersion
              ? `no (Claude Code ${result.claudeVersion}${failurePolicy === 'open' ? ', failure policy open' : ' is older than 2.1.295'})`
              : 'no (Claude Code was not found on PATH to check its version; use --on-failure block for 2.1.295 or newer)'
      }`,
      ...(result.backup ? [`  previous file saved as ${result.backup}`] : []),
      'Every new Claude Code session is now guarded by the policy in force (`recommended` unless configured).',
    ];
    return { stdout: `${lines.join('\n')}\n${configNote}`, stderr: '', exitCode: 0 };
  } catch (error) {
    if (error instanceof SettingsFileError) return fail(error.message);
    return fail(`could not ${command}: ${(error as Error).message}`);
  }
}
