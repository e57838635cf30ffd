import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  loadConfig,
  loadProjectLayer,
  resolveProtectedPaths,
  resolveWardenHome,
  spoolStatus,
} from '@warden/core';
import { type CliResponse, EXIT, respond } from '../cli-response.js';
import type { CommandContext } from '../command-context.js';

export interface DoctorOptions {
  timeoutMs: number;
}

export interface DoctorCheck {
  agent: 'claude-code' | 'codex' | 'warden';
  check: string;
  ok: boolean;
  /** A warning does not make the agent unguarded. */
  severity: 'error' | 'warning' | 'info';
  message: string;
  fix?: string;
}

export interface AgentVerdict {
  agent: 'claude-code' | 'codex';
  installed: boolean;
  enforcing: boolean;
}

/** The canary: a tool call every Warden pack denies (deleting Warden's own files). */
export const CANARY_COMMAND = 'rm -rf ~/.warden';

/** Where Claude Code reads managed settings, which override everything else. */
function managedSettingsFile(): string {
  if (process.platform === 'darwin') return '/Library/Application Support/ClaudeCode/managed-settings.json';
  if (process.platform === 'win32') return 'C:\\Program Files\\ClaudeCode\\managed-settings.json';
  return '/etc/claude-code/managed-settings.json';
}

interface CanaryResult {
  denied: boolean;
  started: boolean;
  detail: string;
}

/** Runs a registered hook command the way the agent does (`sh -c`), with the canary on stdin. */
function runCanary(options: {
  command: string;
  payload: unknown;
  env: NodeJS.ProcessEnv;
  cwd: string;
  timeoutMs: number;
}): CanaryResult {
  const result = spawnSync('/bin/sh', ['-c', options.command], {
    input: JSON.stringify(options.payload),
    env: options.env,
    cwd: options.cwd,
    encoding: 'utf8',
    timeout: options.timeoutMs,
  });
  if (result.error)
    return { denied: false, started: false, detail: `could not run: ${result.error.message}` };
  const stderr = (result.stderr ?? '').trim();
  if (result.status === 126 || result.status === 127)
    return {
      denied: false,
      started: false,
      detail: `the command cannot start (exit ${result.status}): ${stderr.split('\n')[0] ?? ''}`,
    };
  return judgeHookAnswer({ status: result.status, stdout: result.stdout ?? '', stderr });
}

/** Reads a hook's answer to the canary (a command hook's exit and output, or a session server's text). */
function judgeHookAnswer(answer: { status: number | null; stdout: string; stderr: string }): CanaryResult {
  const { stderr } = answer;
  let output: Record<string, unknown> | undefined;
  try {
    output = JSON.parse(answer.stdout || 'null') as Record<string, unknown> | undefined;
  } catch {
    output = undefined;
  }
  const specific = (output?.hookSpecificOutput ?? {}) as Record<string, unknown>;
  const denied =
    answer.status === 2 || specific.permissionDecision === 'deny' || output?.decision === 'block';
  if (/Warden cannot run/.test(stderr)) return { denied, started: false, detail: stderr.split('\n')[0]! };
  const reason = String(specific.permissionDecisionReason ?? output?.reason ?? stderr);
  // Denied by the failure policy is not enforcement: the engine fails, so every tool call is blocked.
  if (denied && reason.includes('(warden.failure)'))
    return {
      denied: false,
      started: true,
      detail: `denied only by the failure policy: Warden cannot evaluate tool calls, so it blocks every one (${reason.split('\n')[0]?.slice(0, 240)})`,
    };
  return {
    denied,
    started: true,
    detail: denied
      ? `denied (${reason.split('\n')[0]?.slice(0, 120)})`
      : `NOT denied (${answer.status === null ? 'session server' : `exit ${answer.status}`}${answer.stdout ? `, output ${answer.stdout.trim().slice(0, 160)}` : ''}${stderr ? `, stderr ${stderr.split('\n')[0]}` : ''})`,
  };
}

/** The check for a canary that reached a hook: passes only when the hook denied it. */
function canaryCheck(options: {
  agent: AgentVerdict['agent'];
  /** What the canary went through, for the message ("the registered hook"). */
  via: string;
  canary: CanaryResult;
  /** What to do when the hook let the canary through. */
  fix: string;
}): DoctorCheck {
  const { canary } = options;
  return {
    agent: options.agent,
    check: 'canary',
    ok: canary.denied,
    severity: canary.denied ? 'info' : 'error',
    message: `canary \`${CANARY_COMMAND}\` sent through ${options.via}: ${canary.detail}`,
    ...(canary.denied ? {} : { fix: options.fix }),
  };
}

const POLICY_FIX =
  'the policy in force does not block it: check `warden status` (observe mode? suspended? a policy without the recommended pack?)';

function readJson(file: string): { value?: Record<string, unknown>; error?: string } {
  if (!existsSync(file)) return {};
  try {
    const value = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    return typeof value === 'object' && value !== null
      ? { value: value as Record<string, unknown> }
      : { error: 'not a JSON object' };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

async function checkClaudeCode(
  context: CommandContext,
  options: DoctorOptions,
  checks: DoctorCheck[],
): Promise<AgentVerdict> {
  const { isWardenHandler, probeSessionServer, settingsPath, CLAUDE_CODE_HOOK_EVENTS } = await import(
    '@warden/claude-code'
  );
  const files = [
    { scope: 'user', file: settingsPath({ scope: 'user', env: context.env }) },
    { scope: 'project', file: settingsPath({ scope: 'project', projectDir: context.cwd, env: context.env }) },
    { scope: 'local', file: settingsPath({ scope: 'local', projectDir: context.cwd, env: context.env }) },
    { scope: 'managed', file: managedSettingsFile() },
  ];
  const agent = 'claude-code' as const;
  const commands = new Map<string, Set<string>>();
  /** Events routed to Warden's session server (`mcp_tool` hooks) rather than to a command. */
  const sessionEvents = new Set<string>();
  const onFailure = new Set<string>();
  let disabled = false;
  for (const { scope, file } of files) {
    const { value, error } = readJson(file);
    if (error) {
      checks.push({
        agent,
        check: 'settings',
        ok: false,
        severity: 'error',
        message: `${file} (${scope}) is not valid JSON: ${error}; Claude Code ignores it`,
        fix: 'fix the file by hand',
      });
      continue;
    }
    if (!value) continue;
    if (value.disableAllHooks === true) {
      disabled = true;
      checks.push({
        agent,
        check: 'disableAllHooks',
        ok: false,
        severity: 'error',
        message: `${file} (${scope}) sets "disableAllHooks": true: Claude Code runs no hook at all`,
        fix: `remove "disableAllHooks" from ${file}`,
      });
    }
    const hooks = (value.hooks ?? {}) as Record<string, { hooks?: { command?: string }[] }[]>;
    for (const [event, groups] of Object.entries(hooks)) {
      if (!Array.isArray(groups)) continue;
      for (const group of groups) {
        for (const handler of group?.hooks ?? []) {
          if (!isWardenHandler(handler)) continue;
          if (event === 'PreToolUse')
            onFailure.add((handler as { onFailure?: string }).onFailure ?? 'continue');
          if ((handler as { type?: string }).type === 'mcp_tool') {
            sessionEvents.add(event);
            continue;
          }
          if (typeof handler.command !== 'string') continue;
          const events = commands.get(handler.command) ?? new Set<string>();
          events.add(event);
          commands.set(handler.command, events);
        }
      }
    }
    if (
      Object.values(hooks)
        .flat()
        .some((group) => (group?.hooks ?? []).some((handler) => isWardenHandler(handler)))
    )
      checks.push({
        agent,
        check: 'hooks',
        ok: true,
        severity: 'info',
        message: `Warden's hooks are in ${file} (${scope})`,
      });
  }
  const plugin = (
    files.map(({ file }) => readJson(file).value?.enabledPlugins) as (Record<string, boolean> | undefined)[]
  ).some((plugins) => plugins && Object.entries(plugins).some(([name, on]) => on && /^warden@/.test(name)));
  if (plugin) {
    // The plugin's hooks run from its install directory, with ${CLAUDE_PLUGIN_ROOT} set to it.
    const configDir = context.env.CLAUDE_CONFIG_DIR || path.join(context.env.HOME ?? os.homedir(), '.claude');
    const installed = readJson(path.join(configDir, 'plugins', 'installed_plugins.json')).value as
      | { plugins?: Record<string, { installPath?: string; projectPath?: string }[]> }
      | undefined;
    const entry = Object.entries(installed?.plugins ?? {})
      .filter(([name]) => /^warden@/.test(name))
      .flatMap(([, entries]) => entries)
      .find(
        (candidate) =>
          !candidate.projectPath || path.resolve(candidate.projectPath) === path.resolve(context.cwd),
      );
    const hooksFile = entry?.installPath ? path.join(entry.installPath, 'hooks', 'hooks.json') : undefined;
    const pluginHooks = hooksFile
      ? (readJson(hooksFile).value?.hooks as Record<string, { hooks?: { command?: string }[] }[]> | undefined)
      : undefined;
    if (!pluginHooks) {
      checks.push({
        agent,
        check: 'plugin',
        ok: false,
        severity: 'error',
        message: 'the warden plugin is enabled but not installed for this user',
        fix: 'claude plugin install warden@warden',
      });
    } else {
      checks.push({
        agent,
        check: 'plugin',
        ok: true,
        severity: 'info',
        message: `the warden plugin is installed (${entry!.installPath})`,
      });
      for (const [event, groups] of Object.entries(pluginHooks)) {
        for (const handler of groups.flatMap((group) => group.hooks ?? [])) {
          if (typeof handler.command !== 'string') continue;
          // biome-ignore lint/suspicious/noTemplateCurlyInString: the variable Claude Code expands in plugin hook commands.
          const command = handler.command.replaceAll('${CLAUDE_PLUGIN_ROOT}', entry!.installPath!);
          const events = commands.get(command) ?? new Set<string>();
          events.add(event);
          commands.set(command, events);
        }
      }
    }
  }
  if (commands.size === 0 && sessionEvents.size === 0 && !plugin) {
    checks.push({
      agent,
      check: 'hooks',
      ok: false,
      severity: 'info',
      message: 'no Warden hooks in any Claude Code settings file',
      fix: 'warden install claude-code',
    });
    return { agent, installed: false, enforcing: false };
  }
  const covered = new Set([...commands.values()].flatMap((events) => [...events]).concat([...sessionEvents]));
  const missing = CLAUDE_CODE_HOOK_EVENTS.filter((event) => !covered.has(event));
  if (missing.length)
    checks.push({
      agent,
      check: 'events',
      ok: !missing.includes('PreToolUse'),
      severity: missing.includes('PreToolUse') ? 'error' : 'warning',
      message: `Warden has no hook for ${missing.join(', ')}`,
      fix: 'warden install claude-code',
    });
  let enforcing = !disabled && !missing.includes('PreToolUse');
  if (onFailure.size > 0)
    checks.push({
      agent,
      check: 'onFailure',
      ok: true,
      severity: onFailure.has('block') ? 'info' : 'warning',
      message: onFailure.has('block')
        ? 'onFailure "block": a hook that crashes or times out blocks the tool call'
        : 'onFailure is not "block": a hook that crashes or times out lets the tool call run (Claude Code 2.1.295+: warden install claude-code --on-failure block)',
    });
  // The canary as Claude Code sends it, to a command hook and to the session server alike.
  const canaryInput = {
    session_id: 'warden-doctor',
    transcript_path: '',
    cwd: context.cwd,
    permission_mode: 'default',
    hook_event_name: 'PreToolUse',
    tool_name: 'Bash',
    tool_input: { command: CANARY_COMMAND },
    tool_use_id: 'warden-doctor-canary',
  };
  for (const [command, events] of commands) {
    if (!events.has('PreToolUse')) continue;
    const canary = runCanary({
      command,
      payload: canaryInput,
      env: context.env,
      cwd: context.cwd,
      timeoutMs: options.timeoutMs,
    });
    if (!canary.started) {
      enforcing = false;
      checks.push({
        agent,
        check: 'command',
        ok: false,
        severity: 'error',
        message: `the hook command cannot start: ${canary.detail} (${command.slice(0, 200)})`,
        fix: 'warden install claude-code (or npm install -g @warden/cli again)',
      });
    } else {
      if (!canary.denied) enforcing = false;
      checks.push(canaryCheck({ agent, via: 'the registered hook', canary, fix: POLICY_FIX }));
    }
  }
  if (sessionEvents.has('PreToolUse')) {
    const probe = probeSessionServer({
      input: canaryInput,
      env: context.env,
      cwd: context.cwd,
      timeoutMs: options.timeoutMs,
    });
    if (!probe.registered || !probe.started || probe.text === undefined) {
      enforcing = false;
      checks.push({
        agent,
        check: 'session-server',
        ok: false,
        severity: 'error',
        message: `Warden's session server (the mcp_tool hooks): ${probe.detail ?? 'no answer'}`,
        fix: 'warden install claude-code',
      });
    } else {
      const canary = judgeHookAnswer({ status: null, stdout: probe.text, stderr: '' });
      if (!canary.denied) enforcing = false;
      checks.push(canaryCheck({ agent, via: "Warden's session server", canary, fix: POLICY_FIX }));
    }
  }
  return { agent, installed: true, enforcing };
}

async function checkCodex(
  context: CommandContext,
  options: DoctorOptions,
  checks: DoctorCheck[],
): Promise<AgentVerdict> {
  const codex = await import('@warden/codex');
  const agent = 'codex' as const;
  const hooksFile = codex.hooksFilePath({ scope: 'user', env: context.env });
  if (!existsSync(hooksFile) || !codex.readHooksFile(hooksFile).hooks) {
    checks.push({
      agent,
      check: 'hooks',
      ok: false,
      severity: 'info',
      message: `no Warden hooks in ${hooksFile}`,
      fix: 'warden install codex',
    });
    return { agent, installed: false, enforcing: false };
  }
  let state: ReturnType<typeof codex.status>;
  try {
    state = codex.status({ scope: 'user', env: context.env });
  } catch (error) {
    checks.push({
      agent,
      check: 'settings',
      ok: false,
      severity: 'error',
      message: (error as Error).message,
    });
    return { agent, installed: true, enforcing: false };
  }
  if (state.trust.length === 0) {
    checks.push({
      agent,
      check: 'hooks',
      ok: false,
      severity: 'info',
      message: `no Warden hooks in ${hooksFile}`,
      fix: 'warden install codex',
    });
    return { agent, installed: false, enforcing: false };
  }
  let enforcing = state.guarded;
  checks.push({
    agent,
    check: 'hooks',
    ok: true,
    severity: 'info',
    message: `Warden's hooks are in ${hooksFile}${state.codexVersion ? ` (Codex ${state.codexVersion})` : ''}`,
  });
  if (state.missingEvents.length)
    checks.push({
      agent,
      check: 'events',
      ok: false,
      severity: 'error',
      message: `Warden has no hook for ${state.missingEvents.join(', ')}`,
      fix: 'warden install codex',
    });
  if (state.hooksFeatureOn === false)
    checks.push({
      agent,
      check: 'feature',
      ok: false,
      severity: 'error',
      message: 'Codex hooks are switched off ([features] hooks = false)',
      fix: 'warden install codex',
    });
  const untrusted = state.trust.filter((entry) => entry.trust !== 'trusted');
  if (untrusted.length)
    checks.push({
      agent,
      check: 'trust',
      ok: false,
      severity: 'error',
      message: `Codex will not run ${untrusted.length} of Warden's hooks: ${untrusted.map((entry) => `${entry.eventName} ${entry.trust}`).join(', ')}`,
      fix: 'start codex and trust the hooks in /hooks (or `warden-codex managed` for managed installs)',
    });
  const file = codex.readHooksFile(hooksFile);
  const command = Object.values(file.hooks ?? {})
    .flat()
    .flatMap((group) => group.hooks ?? [])
    .find((handler) => typeof handler.command === 'string' && codex.isWardenHandler(handler))?.command;
  if (command) {
    const canary = runCanary({
      command,
      payload: {
        session_id: 'warden-doctor',
        turn_id: 'warden-doctor',
        transcript_path: null,
        cwd: context.cwd,
        hook_event_name: 'PreToolUse',
        model: 'warden-doctor',
        permission_mode: 'default',
        tool_name: 'Bash',
        tool_input: { command: CANARY_COMMAND },
        tool_use_id: 'warden-doctor-canary',
      },
      env: context.env,
      cwd: context.cwd,
      timeoutMs: options.timeoutMs,
    });
    if (!canary.started || !canary.denied) enforcing = false;
    checks.push(
      canary.started
        ? canaryCheck({ agent, via: 'the registered hook', canary, fix: 'warden install codex' })
        : {
            agent,
            check: 'command',
            ok: false,
            severity: 'error',
            message: `the hook command cannot start: ${canary.detail}`,
            fix: 'warden install codex',
          },
    );
  }
  return { agent, installed: true, enforcing };
}

/**
 * `warden doctor`: proves enforcement per installed agent. The hooks must be in the settings the
 * agent really reads, not switched off (`disableAllHooks`, Codex's feature flag and trust), and a
 * canary tool call sent through the registered command must come back denied. Also: the policy
 * in force, suspension, server reachability and the spool. Exit 1 when an installed agent is not
 * enforcing or none is installed.
 */
export async function doctorCommand(options: DoctorOptions, context: CommandContext): Promise<CliResponse> {
  const checks: DoctorCheck[] = [];
  const home = resolveWardenHome({ env: context.env });
  let policyOk = true;
  let policyWarnings: string[] = [];
  try {
    const config = await loadProjectLayer({
      config: await loadConfig({ env: context.env }),
      cwd: context.cwd,
    });
    checks.push({
      agent: 'warden',
      check: 'policy',
      ok: true,
      severity: 'info',
      message: `policy valid: ${(config.layers ?? []).map((layer) => `${layer.source} ${layer.file ?? layer.compiled.sources.join('+')}`).join('; ')}, mode ${config.mode}, failure ${config.failure.tool_call}`,
    });
    for (const warning of config.policyWarnings ?? [])
      checks.push({
        agent: 'warden',
        check: 'policy-protections',
        ok: false,
        severity: 'warning',
        message: warning,
        fix: 'add rules (or extends: recommended) to the policy, or acknowledge: no-protections if meant',
      });
    policyWarnings = config.policyWarnings ?? [];
    // What self-protection learned from this configuration, beyond Warden's home.
    const learned = resolveProtectedPaths({
      wardenHome: config.home,
      userHome: config.userHome,
      cwd: context.cwd,
      policyFiles: (config.layers ?? []).flatMap((layer) =>
        layer.compiled.sources.filter((source) => path.isAbsolute(source)),
      ),
      env: context.env,
    });
    const kinds = new Map<string, number>();
    for (const entry of [...learned.guard, ...learned.agent])
      kinds.set(entry.why, (kinds.get(entry.why) ?? 0) + 1);
    checks.push({
      agent: 'warden',
      check: 'self-protection',
      ok: true,
      severity: 'info',
      message: `self-protection also covers ${[...kinds].map(([why, count]) => `${why} (${count})`).join(', ') || 'nothing beyond Warden home'}`,
    });
    if (config.mode === 'observe')
      checks.push({
        agent: 'warden',
        check: 'mode',
        ok: false,
        severity: 'error',
        message: 'mode is observe: nothing is blocked, only recorded',
        fix: 'set mode: enforce (config.yaml, policy or WARDEN_MODE)',
      });
    if (config.suspended)
      checks.push({
        agent: 'warden',
        check: 'suspended',
        ok: true,
        severity: 'warning',
        message: `suspended since ${config.suspended.since}: every action is denied`,
        fix: 'warden resume',
      });
    if (config.server) {
      const spool = spoolStatus(config.ingest?.spoolDir ?? path.join(home, 'spool'));
      const { createBackend } = await import('@warden/core');
      const backend = await createBackend({ server: config.server });
      try {
        const health = await backend.health({
          signal: AbortSignal.timeout(Math.min(options.timeoutMs, 5000)),
        });
        checks.push({
          agent: 'warden',
          check: 'server',
          ok: health.ok,
          severity: health.ok ? 'info' : 'warning',
          message: `server ${config.server.url}: ${health.ok ? 'reachable' : 'UNREACHABLE'} (${health.message}); ${spool.queued} events waiting in the spool`,
        });
      } catch (error) {
        checks.push({
          agent: 'warden',
          check: 'server',
          ok: false,
          severity: 'warning',
          message: `server ${config.server.url}: UNREACHABLE (${(error as Error).message}); ${spool.queued} events waiting in the spool`,
          fix: 'warden flush once it is back',
        });
      } finally {
        await backend.close().catch(() => undefined);
      }
    }
  } catch (error) {
    policyOk = false;
    checks.push({
      agent: 'warden',
      check: 'policy',
      ok: false,
      severity: 'error',
      message: `the policy in force is invalid: ${(error as Error).message}; hooks apply the failure policy`,
      fix: 'warden policy check',
    });
  }
  const env = { ...context.env, HOME: context.env.HOME ?? os.homedir() };
  const verdicts = [
    await checkClaudeCode({ ...context, env }, options, checks),
    await checkCodex({ ...context, env }, options, checks),
  ];
  const installed = verdicts.filter((verdict) => verdict.installed);
  const ok = policyOk && installed.length > 0 && installed.every((verdict) => verdict.enforcing);
  const lines: string[] = [];
  for (const check of checks) {
    if (check.severity === 'info' && check.ok === false && check.check === 'hooks' && installed.length > 0)
      continue;
    const mark = check.ok
      ? 'ok  '
      : check.severity === 'error'
        ? 'FAIL'
        : check.severity === 'warning'
          ? 'warn'
          : '--  ';
    lines.push(
      `${mark} ${check.agent.padEnd(11)} ${check.message}${check.fix && !check.ok ? `\n     ${''.padEnd(11)} fix: ${check.fix}` : ''}`,
    );
  }
  lines.push('');
  for (const verdict of verdicts)
    lines.push(
      `${verdict.agent}: ${verdict.installed ? (verdict.enforcing ? 'ENFORCING' : 'NOT ENFORCING') : 'not installed'}`,
    );
  if (installed.length === 0) lines.push('No agent is guarded: run `warden install`.');
  const response = respond({
    json: context.json,
    data: { ok, agents: verdicts, checks },
    text: lines.join('\n'),
    exitCode: ok ? EXIT.ok : EXIT.failed,
  });
  // Loud on stderr too, so a script that keeps only the exit code and stderr still sees it.
  return {
    ...response,
    stderr: response.stderr + policyWarnings.map((warning) => `warden: warning: ${warning}\n`).join(''),
  };
}
