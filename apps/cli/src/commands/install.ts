import { loadConfig } from '@warden/core';
import { type CliResponse, EXIT, fail, respond } from '../cli-response.js';
import type { CommandContext } from '../command-context.js';

export interface InstallCommandOptions {
  agent: string;
  scope: 'user' | 'project' | 'local';
  projectDir?: string;
  onFailure: 'auto' | 'block' | 'continue';
  /**
   * `mcp`: the session guard server; `command`: a process per hook event. Unset: `mcp` for Claude
   * Code, `command` for Codex (whose MCP hooks fail open when the server crashes).
   */
  transport?: 'mcp' | 'command';
  /** With the session server: also offer the model the read-only `policy_test` and `audit_query` tools. */
  exposeTools?: boolean;
  uninstall: boolean;
}

interface AgentResult {
  agent: 'claude-code' | 'codex';
  ok: boolean;
  file?: string;
  changed?: boolean;
  command?: string;
  launcher?: string;
  offScript?: string;
  notes: string[];
  error?: string;
}

/**
 * `warden install|uninstall [claude-code|codex|all] [--scope user|project|local]`: delegates to
 * the adapters' installers. Hooks run through the launcher in `$WARDEN_HOME/bin` (user/local) or a
 * command naming no path of this machine (project). With `all`, an agent that is not installed
 * is skipped for install; a failure for one agent does not stop the other.
 */
export async function installCommand(
  options: InstallCommandOptions,
  context: CommandContext,
): Promise<CliResponse> {
  const agents: ('claude-code' | 'codex')[] =
    options.agent === 'all' ? ['claude-code', 'codex'] : [options.agent as 'claude-code' | 'codex'];
  const projectDir = options.projectDir ?? context.cwd;
  let failurePolicy: 'open' | 'closed' = 'closed';
  const configNotes: string[] = [];
  if (!options.uninstall) {
    try {
      failurePolicy = (await loadConfig({ env: context.env })).failure.tool_call;
    } catch (error) {
      configNotes.push(
        `Warden's configuration is invalid; hooks apply the failure policy until it is fixed: ${(error as Error).message}`,
      );
    }
  }
  const results: AgentResult[] = [];
  for (const agent of agents) {
    try {
      if (agent === 'claude-code') {
        const adapter = await import('@warden/claude-code');
        if (options.uninstall) {
          const result = adapter.uninstall({ scope: options.scope, projectDir, env: context.env });
          results.push({
            agent,
            ok: !result.problem,
            file: result.file,
            changed: result.changed,
            notes: result.serverRemoved
              ? ["removed Warden's session server from Claude Code's user config"]
              : [],
            ...(result.problem ? { error: result.problem } : {}),
          });
        } else {
          const result = adapter.install({
            scope: options.scope,
            projectDir,
            env: context.env,
            onFailure: options.onFailure,
            failurePolicy,
            launcher: true,
            transport: options.transport ?? 'mcp',
            ...(options.exposeTools ? { exposeTools: true } : {}),
          });
          results.push({
            agent,
            ok: true,
            file: result.file,
            changed: result.changed,
            command: result.command,
            ...(result.launcher ? { launcher: result.launcher, offScript: result.offScript } : {}),
            notes: [
              result.transport === 'mcp'
                ? 'transport mcp: the session guard server (registered with `claude mcp add --scope user`) answers tool calls, prompts and answers'
                : `transport command${result.transportNote ? ` (not the session server: ${result.transportNote})` : ''}`,
              result.onFailureBlock
                ? 'onFailure "block": a hook that crashes or times out blocks'
                : 'onFailure "block" not set (Claude Code older than 2.1.295, not found, or --on-failure continue)',
            ],
          });
        }
      } else {
        const adapter = await import('@warden/codex');
        const location = {
          scope: options.scope === 'local' ? ('project' as const) : options.scope,
          projectDir,
          env: context.env,
        };
        if (options.uninstall) {
          const result = adapter.uninstall(location);
          results.push({ agent, ok: true, file: result.hooksFile, changed: result.changed, notes: [] });
        } else {
          const detection = adapter.detectCodex({ env: context.env });
          if (options.agent === 'all' && !detection.version) {
            results.push({
              agent,
              ok: true,
              changed: false,
              notes: ['Codex was not found on PATH; skipped (warden install codex to install anyway)'],
            });
            continue;
          }
          const transport = options.transport ?? 'command';
          const result = adapter.install({
            ...location,
            detection,
            launcher: true,
            transport,
            ...(options.exposeTools ? { exposeTools: true } : {}),
          });
          const untrusted = result.trust.filter((entry) => entry.trust !== 'trusted');
          results.push({
            agent,
            ok: true,
            file: result.hooksFile,
            changed: result.changed,
            command: result.command,
            notes: [
              ...(transport === 'mcp' ? [`transport mcp: ${adapter.MCP_TRADE_OFF}`] : []),
              ...(result.hooksFeatureOn === false ? ['Codex hooks are switched off in config.toml'] : []),
              ...(untrusted.length
                ? [
                    `Codex will not run ${untrusted.length} of Warden's hooks until you trust them: start codex and accept them in /hooks`,
                  ]
                : []),
            ],
          });
        }
      }
    } catch (error) {
      results.push({ agent, ok: false, notes: [], error: (error as Error).message });
    }
  }
  const ok = results.every((result) => result.ok);
  const verb = options.uninstall ? 'Removed Warden from' : 'Installed Warden in';
  const lines = results.map((result) => {
    if (!result.ok) return `${result.agent}: FAILED: ${result.error}`;
    const head = result.file
      ? result.changed
        ? `${result.agent}: ${verb} ${result.file}.`
        : `${result.agent}: ${result.file} already ${options.uninstall ? 'has no Warden hooks' : "has Warden's hooks"}; nothing changed.`
      : `${result.agent}:`;
    return [
      head,
      ...(result.launcher
        ? [
            `  hooks run ${result.launcher}; if Warden is ever removed, \`sh ${result.offScript}\` switches it off without Node`,
          ]
        : []),
      ...result.notes.map((note) => `  ${note}`),
    ].join('\n');
  });
  if (!options.uninstall && ok)
    lines.push('Check it with `warden doctor`: it sends a canary through every installed hook.');
  lines.push(...configNotes.map((note) => `Warning: ${note}`));
  if (!ok && !context.json && results.length === 1) return fail(lines.join('\n'), EXIT.environment);
  return respond({
    json: context.json,
    data: { ok, agents: results, warnings: configNotes },
    text: lines.join('\n'),
    exitCode: ok ? EXIT.ok : EXIT.environment,
  });
}
