import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type AgentWorkspace,
  createAgentWorkspace,
  installWardenForClaudeCode,
  type RecordedAnthropicRequest,
  readVerifiedAudit,
  resolveClaudeCodeBinary,
  runClaude,
  type ScriptedAnthropicTurn,
  startScriptedAnthropicServer,
} from '@warden/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { install } from '../src/install.js';

// The real Claude Code 2.1.330 with Warden installed by its own `install` (default transport: the
// session server, registered through the real `claude mcp add`), against a scripted model on loopback.

const bin = fileURLToPath(new URL('../dist/bin.cjs', import.meta.url));
const claude = resolveClaudeCodeBinary({ resolveFrom: fileURLToPath(new URL('..', import.meta.url)) });
const SECRET_MARKER = 'WARDEN-SESSION-E2E-KEY-MATERIAL';
const workspaces: AgentWorkspace[] = [];

afterEach(async () => {
  await Promise.all(workspaces.splice(0).map((workspace) => workspace.remove()));
});

async function installed(): Promise<{
  workspace: AgentWorkspace;
  output: string;
  victim: string;
  key: string;
}> {
  const workspace = await createAgentWorkspace({ prefix: 'warden-session-e2e-' });
  workspaces.push(workspace);
  // `claude` on PATH, as a user has it: install reads its version and registers the server with it.
  const output = installWardenForClaudeCode({ bin, workspace, claudePath: claude });
  const victim = path.join(workspace.home, 'important');
  mkdirSync(victim, { recursive: true });
  writeFileSync(path.join(victim, 'thesis.txt'), 'four years of work\n');
  const key = path.join(workspace.home, '.ssh', 'id_ed25519');
  mkdirSync(path.dirname(key), { recursive: true, mode: 0o700 });
  writeFileSync(
    key,
    `-----BEGIN OPENSSH PRIVATE KEY-----\n${SECRET_MARKER}\n-----END OPENSSH PRIVATE KEY-----\n`,
    {
      mode: 0o600,
    },
  );
  return { workspace, output, victim, key };
}

async function run(options: {
  workspace: AgentWorkspace;
  script: ScriptedAnthropicTurn[];
  permissionMode?: 'default' | 'bypassPermissions';
  beforeReply?: (recorded: RecordedAnthropicRequest) => void | Promise<void>;
}) {
  const server = await startScriptedAnthropicServer({
    script: options.script,
    ...(options.beforeReply ? { beforeReply: options.beforeReply } : {}),
  });
  try {
    const result = await runClaude({
      prompt: 'do it',
      baseUrl: server.url,
      cwd: options.workspace.project,
      home: options.workspace.home,
      timeoutMs: 90_000,
      ...(options.permissionMode ? { permissionMode: options.permissionMode } : {}),
    });
    expect(result.timedOut).toBe(false);
    const init = result.messages.find((message) => message.type === 'system' && message.subtype === 'init');
    return { result, server, toolResults: server.toolResults(), sessionId: init?.session_id as string };
  } finally {
    await server.close();
  }
}

function auditRecords(workspace: AgentWorkspace): Array<Record<string, unknown>> {
  return readVerifiedAudit({ auditDir: path.join(workspace.home, '.warden', 'audit') });
}

function serverPid(workspace: AgentWorkspace): number | undefined {
  const runDir = path.join(workspace.home, '.warden', 'run');
  if (!existsSync(runDir)) return undefined;
  const file = readdirSync(runDir).find((name) => name.startsWith('claude-code-') && name.endsWith('.pid'));
  return file ? Number(readFileSync(path.join(runDir, file), 'utf8')) : undefined;
}

describe('Claude Code guarded by the session server (default install)', () => {
  it('denies a destructive command and a key read, runs a harmless command, and records each with its session', async () => {
    const { workspace, output, victim, key } = await installed();
    expect(output).toContain('transport: mcp');
    const settings = JSON.parse(readFileSync(path.join(workspace.home, '.claude', 'settings.json'), 'utf8'));
    expect(settings.hooks.PreToolUse[0].hooks[0]).toMatchObject({
      type: 'mcp_tool',
      server: 'warden',
      tool: 'decide',
      onFailure: 'block',
    });
    expect(settings.hooks.SessionStart[0].hooks[0].type).toBe('command');
    const userConfig = JSON.parse(readFileSync(path.join(workspace.home, '.claude.json'), 'utf8'));
    expect(userConfig.mcpServers.warden.args).toEqual(['serve-session']);

    const harmless = path.join(workspace.project, 'harmless.txt');
    const { toolResults, sessionId, result } = await run({
      workspace,
      script: [
        { toolUse: { name: 'Bash', input: { command: `cd / && bash -c "rm -rf ${victim}"` } } },
        { toolUse: { name: 'Read', input: { file_path: key } } },
        { toolUse: { name: 'Bash', input: { command: `echo ok > ${harmless}` } } },
      ],
    });
    expect(toolResults).toHaveLength(3);
    expect(toolResults[0]).toMatchObject({ isError: true });
    expect(toolResults[0]!.content).toContain('Warden (shell.recursive-delete-outside-project)');
    expect(existsSync(path.join(victim, 'thesis.txt'))).toBe(true);
    expect(toolResults[1]!.isError).toBe(true);
    expect(toolResults[1]!.content).toContain('Warden (');
    expect(result.stdout).not.toContain(SECRET_MARKER);
    expect(toolResults[2]!.isError).toBe(false);
    expect(readFileSync(harmless, 'utf8')).toBe('ok\n');

    const records = auditRecords(workspace);
    const pre = records.filter((record) => record.hookEvent === 'PreToolUse');
    expect(pre.map((record) => record.effect)).toEqual(['deny', 'deny', 'allow']);
    expect(pre[0]).toMatchObject({
      agent: 'claude-code',
      ruleId: 'shell.recursive-delete-outside-project',
      tool: 'Bash',
    });
    expect(pre[1]).toMatchObject({ tool: 'Read' });
    // Every decision of the session carries its id: tool calls, their results and the final answer.
    expect(sessionId).toMatch(/^[0-9a-f-]{36}$/);
    const events = records.filter((record) => record.session === sessionId).map((record) => record.hookEvent);
    expect(events).toEqual(expect.arrayContaining(['PreToolUse', 'PostToolUse', 'Stop']));
    expect(
      records
        .filter((record) => record.hookEvent !== 'SessionStart' && record.hookEvent !== 'SessionEnd')
        .every((record) => record.session === sessionId),
    ).toBe(true);
  });

  it('blocks the call in flight when the server is killed, and judges the next call with a restarted server', async () => {
    const { workspace } = await installed();
    const first = path.join(workspace.project, 'first.txt');
    const during = path.join(workspace.project, 'during-kill.txt');
    const after = path.join(workspace.project, 'after-restart.txt');
    let killed: number | undefined;
    const { toolResults } = await run({
      workspace,
      script: [
        { toolUse: { name: 'Bash', input: { command: `echo 1 > ${first}` } } },
        { toolUse: { name: 'Bash', input: { command: `echo 2 > ${during}` } } },
        { toolUse: { name: 'Bash', input: { command: `echo 3 > ${after}` } } },
      ],
      beforeReply: async (recorded) => {
        // The reply that asks for the second call: freeze the server first, so the hook call for
        // it is written to a server that cannot answer, then kill it while the call waits.
        if (killed !== undefined || !recorded.rawBody.includes('"tool_result"')) return;
        const pid = serverPid(workspace);
        if (!pid) throw new Error('no session server pid file');
        killed = pid;
        process.kill(pid, 'SIGSTOP');
        setTimeout(() => {
          try {
            process.kill(pid, 'SIGKILL');
          } catch {
            // already gone
          }
        }, 3000).unref();
      },
    });
    expect(killed).toBeDefined();
    expect(readFileSync(first, 'utf8')).toBe('1\n');
    expect(toolResults).toHaveLength(3);
    // The call in flight when the server died is blocked (onFailure: block) and did not run.
    expect(toolResults[1]!.isError).toBe(true);
    expect(toolResults[1]!.content).toContain('onFailure is "block"');
    expect(existsSync(during)).toBe(false);
    // The next call started a new server and was judged normally.
    expect(toolResults[2]!.isError).toBe(false);
    expect(readFileSync(after, 'utf8')).toBe('3\n');
    const restarted = serverPid(workspace);
    expect(restarted === undefined || restarted !== killed).toBe(true);
    const pre = auditRecords(workspace).filter((record) => record.hookEvent === 'PreToolUse');
    expect(pre.map((record) => record.effect)).toEqual(['allow', 'allow']);
    expect(JSON.stringify(pre[1])).toContain('after-restart.txt');
  });

  it('answers PermissionRequest through the session server', async () => {
    const { workspace } = await installed();
    const outside = path.join(workspace.root, 'outside.txt');
    const { toolResults, sessionId } = await run({
      workspace,
      permissionMode: 'default',
      script: [{ toolUse: { name: 'Bash', input: { command: `touch ${outside}` } } }],
    });
    // Measured with 2.1.330 in -p: the permission prompt cannot be shown, the hook is still asked.
    expect(toolResults[0]!.content).toContain('needs approval');
    const records = auditRecords(workspace);
    expect(records.find((record) => record.hookEvent === 'PermissionRequest')).toMatchObject({
      session: sessionId,
      tool: 'Bash',
      effect: 'allow',
    });
  });

  it('tells the way back and the way out when the package is removed, and lets calls go on after warden-off', async () => {
    const workspace = await createAgentWorkspace({ prefix: 'warden-session-e2e-gone-' });
    workspaces.push(workspace);
    // A copy of the package, installed from there and then removed, as npm uninstall would.
    const copy = path.join(workspace.root, 'pkg');
    cpSync(path.dirname(bin), path.join(copy, 'dist'), { recursive: true });
    cpSync(fileURLToPath(new URL('../package.json', import.meta.url)), path.join(copy, 'package.json'));
    const env = {
      HOME: workspace.home,
      DISABLE_TELEMETRY: '1',
      CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
    };
    const result = install({
      scope: 'user',
      env,
      claudePath: claude,
      hookScript: path.join(copy, 'dist', 'bin.cjs'),
      launcher: true,
      failurePolicy: 'closed',
    });
    expect(result.transport).toBe('mcp');
    rmSync(copy, { recursive: true, force: true });

    const marker = path.join(workspace.project, 'ran.txt');
    const blocked = await run({
      workspace,
      script: [{ toolUse: { name: 'Bash', input: { command: `echo x > ${marker}` } } }],
    });
    // The prompt is the first blocking event: it never reaches the model, and the user reads why.
    expect(
      blocked.server.messageRequests().filter((request) => request.rawBody.includes('"tools"')),
    ).toHaveLength(0);
    // The launcher's own answer as the session server (not Claude Code's "not connected").
    expect(blocked.result.stdout).toContain('Warden cannot run: its program or Node is missing.');
    expect(blocked.result.stdout).toContain('warden-off');
    expect(existsSync(marker)).toBe(false);

    execFileSync('/bin/sh', [result.offScript!], { encoding: 'utf8' });
    const after = await run({
      workspace,
      script: [{ toolUse: { name: 'Bash', input: { command: `echo x > ${marker}` } } }],
    });
    expect(after.toolResults[0]!.isError).toBe(false);
    expect(readFileSync(marker, 'utf8')).toBe('x\n');
  });

  it('uninstall removes the hooks and the server registration, and nothing else', async () => {
    const { workspace } = await installed();
    const env = {
      PATH: `${path.join(workspace.root, 'bin')}:${path.dirname(process.execPath)}:/usr/bin:/bin`,
      HOME: workspace.home,
    };
    const output = execFileSync(process.execPath, [bin, 'uninstall', '--scope', 'user'], {
      env,
      encoding: 'utf8',
    });
    expect(output).toContain("Removed Warden's session server");
    const settings = JSON.parse(readFileSync(path.join(workspace.home, '.claude', 'settings.json'), 'utf8'));
    expect(settings.hooks).toBeUndefined();
    const userConfig = JSON.parse(readFileSync(path.join(workspace.home, '.claude.json'), 'utf8'));
    expect(userConfig.mcpServers?.warden).toBeUndefined();
  });
});
