import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type AgentWorkspace,
  codexTurns,
  createAgentWorkspace,
  readVerifiedAudit,
  runCodex,
  type ScriptedResponsesTurn,
  startScriptedResponsesServer,
  trustCodexHooks,
  writeCodexConfig,
} from '@warden/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { status } from '../src/install.js';

// The real Codex CLI (0.169.0 from npm) and a scripted Responses API model on loopback, with
// Warden installed by `warden-codex install --transport mcp` into a throwaway CODEX_HOME: Codex
// starts `warden-codex serve-session` once for the session and calls its hidden `decide` tool
// from the mcp_tool hooks. Trust is recorded by hash as the user's /hooks review does (no bypass
// flag). Codex skips untrusted hooks and fails open on any MCP problem, silently, so each blocking
// case also runs without Warden, where it must do its harm.

const CODEX_BIN = fileURLToPath(new URL('../node_modules/.bin/codex', import.meta.url));
const bin = fileURLToPath(new URL('../dist/bin.cjs', import.meta.url));
const workspaces: AgentWorkspace[] = [];

afterEach(async () => {
  await Promise.all(workspaces.splice(0).map((workspace) => workspace.remove()));
});

interface Scenario {
  workspace: AgentWorkspace;
  codexHome: string;
  victim: string;
  /** WARDEN_HOME, exported for install and Codex as a user's shell would (Codex passes the MCP server none of it). */
  wardenHome?: string;
}

function warden(args: string[], scenario: Scenario) {
  return spawnSync(process.execPath, [bin, ...args, '--codex', CODEX_BIN], {
    env: {
      PATH: process.env.PATH,
      HOME: scenario.workspace.home,
      CODEX_HOME: scenario.codexHome,
      ...(scenario.wardenHome ? { WARDEN_HOME: scenario.wardenHome } : {}),
    },
    encoding: 'utf8',
    timeout: 60_000,
  });
}

function installWithMcp(scenario: Scenario, options: { trust: boolean }): string {
  const installed = warden(['install', '--transport', 'mcp'], scenario);
  expect(installed.status, installed.stderr).toBe(0);
  expect(installed.stdout).toContain('transport: mcp');
  expect(installed.stdout).toContain('never restarts a crashed MCP server');
  if (!options.trust) return installed.stdout;
  // What the user's /hooks review records: the hash of each hook as it is.
  const { trust } = status({
    env: { HOME: scenario.workspace.home, CODEX_HOME: scenario.codexHome },
    detection: {},
  });
  trustCodexHooks({ codexHome: scenario.codexHome, trust });
  const reported = warden(['status'], scenario);
  expect(reported.stdout).toContain('Warden for Codex: guarding');
  expect(reported.stdout).toContain('transport: mcp');
  // PreToolUse is served by the session server alone: a block can only be its answer.
  const hooks = JSON.parse(readFileSync(path.join(scenario.codexHome, 'hooks.json'), 'utf8'));
  expect(hooks.hooks.PreToolUse).toEqual([
    { matcher: '*', hooks: [expect.objectContaining({ type: 'mcp_tool' })] },
  ]);
  return installed.stdout;
}

async function run(options: {
  withWarden: boolean;
  trust?: boolean;
  script: (scenario: Scenario) => ScriptedResponsesTurn[];
  prompt?: string;
  prepare?: (scenario: Scenario) => void;
  /** WARDEN_HOME (relative to the scenario's HOME) for install and Codex. */
  wardenHome?: string;
  /** Runs beside the Codex session (started before it, awaited after it). */
  during?: (scenario: Scenario) => Promise<void>;
}) {
  const workspace = await createAgentWorkspace({ prefix: 'warden-codex-mcp-e2e-' });
  workspaces.push(workspace);
  const codexHome = path.join(workspace.home, '.codex');
  mkdirSync(codexHome, { recursive: true });
  const victim = path.join(workspace.home, 'important');
  mkdirSync(victim, { recursive: true });
  writeFileSync(path.join(victim, 'thesis.txt'), 'four years of work\n');
  const scenario: Scenario = {
    workspace,
    codexHome,
    victim,
    ...(options.wardenHome ? { wardenHome: path.join(workspace.home, options.wardenHome) } : {}),
  };
  const server = await startScriptedResponsesServer({ script: options.script(scenario) });
  try {
    writeCodexConfig({ codexHome, baseUrl: server.baseUrl });
    if (options.withWarden) installWithMcp(scenario, { trust: options.trust ?? true });
    options.prepare?.(scenario);
    const beside = options.during?.(scenario);
    const result = await runCodex({
      codexPath: CODEX_BIN,
      prompt: options.prompt ?? 'do it',
      cwd: workspace.project,
      home: workspace.home,
      codexHome,
      timeoutMs: 90_000,
      ...(scenario.wardenHome ? { extraEnv: { WARDEN_HOME: scenario.wardenHome } } : {}),
    });
    await beside;
    expect(result.timedOut).toBe(false);
    expect(result.exitCode, result.stderr).toBe(0);
    const auditDir = path.join(scenario.wardenHome ?? path.join(workspace.home, '.warden'), 'audit');
    const audit = existsSync(auditDir) ? readVerifiedAudit({ auditDir }) : [];
    return {
      ...scenario,
      result,
      audit,
      toolOutputs: server.toolOutputs(),
      requests: server.responseRequests(),
    };
  } finally {
    await server.close();
  }
}

const { execCommand, applyPatch } = codexTurns;

/** The pid of the session server Codex started for this scenario (its HOME is the scenario's). */
function sessionServerPid(scenario: Scenario): number | undefined {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      if (!cmdline.includes('serve-session') || !cmdline.includes(bin)) continue;
      const environ = readFileSync(`/proc/${entry}/environ`, 'utf8').split('\0');
      if (environ.includes(`HOME=${scenario.workspace.home}`)) return Number(entry);
    } catch {
      // gone, or not ours
    }
  }
  return undefined;
}

describe('Codex CLI guarded by warden-codex serve-session (install --transport mcp)', () => {
  it('denies a recursive delete outside the project, which does its harm without Warden', async () => {
    const script = (scenario: Scenario) => [execCommand(`rm -r ${scenario.victim}`)];

    const unguarded = await run({ withWarden: false, script });
    expect(existsSync(unguarded.victim)).toBe(false);

    const guarded = await run({ withWarden: true, script });
    expect(readFileSync(path.join(guarded.victim, 'thesis.txt'), 'utf8')).toBe('four years of work\n');
    expect(guarded.toolOutputs).toHaveLength(1);
    expect(guarded.toolOutputs[0]!.output).toContain('Warden (shell.recursive-delete-outside-project)');
    const denial = guarded.audit.find((record) => record.hookEvent === 'PreToolUse');
    expect(denial).toMatchObject({
      agent: 'codex',
      effect: 'deny',
      ruleId: 'shell.recursive-delete-outside-project',
      tool: 'Bash',
    });
  });

  // The other routed events, each answered by the server alone (their unguarded contrast is in
  // codex.e2e.test.ts, with the same scripts).
  it('denies apply_patch writing a secret file (.env)', async () => {
    const guarded = await run({
      withWarden: true,
      script: () => [applyPatch('*** Add File: .env\n+OPENAI_API_KEY=sk-warden-e2e-not-a-real-key')],
    });
    expect(existsSync(path.join(guarded.workspace.project, '.env'))).toBe(false);
    expect(guarded.toolOutputs[0]!.output).toContain('Warden (secrets.write-file)');
  });

  it('replaces a cloud key in a tool output before the model reads it (PostToolUse)', async () => {
    const key = ['AKIA', 'Q3ZP7RWT', 'XK5M2NVB'].join('');
    const guarded = await run({
      withWarden: true,
      prepare: (scenario) =>
        writeFileSync(path.join(scenario.workspace.project, 'deploy.conf'), `aws_access_key_id = ${key}\n`),
      script: () => [execCommand('cat deploy.conf')],
    });
    expect(guarded.toolOutputs[0]!.output).toContain('aws_access_key_id = [REDACTED:secret.aws_access_key]');
    expect(JSON.stringify(guarded.requests)).not.toContain(key);
    expect(JSON.stringify(guarded.audit)).not.toContain(key);
  });

  it('blocks a prompt carrying a private key before any model request (UserPromptSubmit)', async () => {
    const key =
      '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----';
    const guarded = await run({
      withWarden: true,
      script: () => [],
      prompt: `why does this key fail?\n${key}`,
    });
    expect(guarded.requests).toHaveLength(0);
    expect(guarded.audit.find((record) => record.hookEvent === 'UserPromptSubmit')).toMatchObject({
      effect: 'deny',
      ruleId: 'secrets.in-prompt',
    });
  });

  it('guards nothing while the mcp_tool hooks are untrusted: the trust hashes are what makes Codex call Warden', async () => {
    const untrusted = await run({
      withWarden: true,
      trust: false,
      script: (scenario) => [execCommand(`rm -r ${scenario.victim}`)],
    });
    expect(existsSync(untrusted.victim)).toBe(false);
    expect(untrusted.audit.filter((record) => record.hookEvent === 'PreToolUse')).toEqual([]);
  });

  it('fails open for the rest of the session once the server is killed: the trade-off that keeps command hooks the default', async () => {
    let killed = false;
    const session = await run({
      withWarden: true,
      // The first command runs long enough for the server to be killed while it runs.
      script: (scenario) => [execCommand('sleep 3'), execCommand(`rm -r ${scenario.victim}`)],
      during: async (scenario) => {
        const auditDir = path.join(scenario.workspace.home, '.warden', 'audit');
        for (let attempt = 0; attempt < 200 && !killed; attempt++) {
          await new Promise((resolve) => setTimeout(resolve, 100));
          const decided =
            existsSync(auditDir) &&
            readdirSync(auditDir).some((file) =>
              readFileSync(path.join(auditDir, file), 'utf8').includes('"sleep 3"'),
            );
          const pid = decided ? sessionServerPid(scenario) : undefined;
          if (pid) {
            process.kill(pid, 'SIGKILL');
            killed = true;
          }
        }
      },
    });
    expect(killed).toBe(true);
    // Codex did not restart the server: the delete was never checked and did its harm.
    expect(existsSync(session.victim)).toBe(false);
    expect(session.audit.filter((record) => record.hookEvent === 'PreToolUse')).toHaveLength(1);
  });

  it('hands the server the WARDEN_HOME install saw, through config.toml (Codex passes it no environment)', async () => {
    const guarded = await run({
      withWarden: true,
      wardenHome: 'elsewhere/warden',
      script: (scenario) => [execCommand(`rm -r ${scenario.victim}`)],
    });
    expect(existsSync(guarded.victim)).toBe(true);
    // The server's decision was recorded in that home, not in ~/.warden: it got WARDEN_HOME from
    // the env table install wrote, as Codex hands its own environment only to command hooks.
    expect(guarded.audit.find((record) => record.hookEvent === 'PreToolUse')).toMatchObject({
      effect: 'deny',
    });
    expect(existsSync(path.join(guarded.workspace.home, '.warden', 'audit'))).toBe(false);
  });

  it('lets a harmless command run and records the session-server events with the session id', async () => {
    const guarded = await run({
      withWarden: true,
      script: () => [execCommand('echo hello > greeting.txt && ls')],
    });
    expect(readFileSync(path.join(guarded.workspace.project, 'greeting.txt'), 'utf8')).toBe('hello\n');
    expect(guarded.toolOutputs[0]!.output).toContain('greeting.txt');
    const events = guarded.audit.map((record) => record.hookEvent);
    // Routed to the server: SessionStart, UserPromptSubmit, PreToolUse, PostToolUse, Stop; SessionEnd stays a command hook.
    expect(events).toEqual(
      expect.arrayContaining([
        'SessionStart',
        'UserPromptSubmit',
        'PreToolUse',
        'PostToolUse',
        'Stop',
        'SessionEnd',
      ]),
    );
    expect(guarded.audit.find((record) => record.hookEvent === 'PreToolUse')).toMatchObject({
      effect: 'allow',
      tool: 'Bash',
    });
    const sessions = new Set(guarded.audit.map((record) => record.session));
    expect(sessions.size).toBe(1);
    expect([...sessions][0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(guarded.result.stdout).not.toMatch(/hook (returned invalid|exited with code)/);
  });
});
