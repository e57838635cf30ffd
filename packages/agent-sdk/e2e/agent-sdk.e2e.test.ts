import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { CanUseTool, Options, SDKMessage, SDKResultMessage } from '@anthropic-ai/claude-agent-sdk';
import type { Policy } from '@warden/core';
import {
  type AgentWorkspace,
  claudeEnvironment,
  createAgentWorkspace,
  type ScriptedAnthropicTurn,
  startScriptedAnthropicServer,
} from '@warden/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { readAuditRecords } from '../src/test-helpers.js';
import { wardenCanUseTool } from '../src/warden-can-use-tool.js';
import { type WardenHooksOptions, wardenHooks } from '../src/warden-hooks.js';

// The real Agent SDK from npm, which spawns its own bundled Claude Code, against a scripted model
// on loopback. Warden runs in this process, inside the SDK's hook callbacks. Every blocking case
// also runs without Warden and must do its harm there: that is what proves the block is Warden's.

const KEY_MATERIAL = 'WARDEN-SDK-E2E-PRIVATE-KEY-MATERIAL';
const PRIVATE_KEY = `-----BEGIN OPENSSH PRIVATE KEY-----\n${KEY_MATERIAL}\n-----END OPENSSH PRIVATE KEY-----`;
const CONTEXT = { userId: 'user-42', clientIp: '203.0.113.7', tenant: 'acme', labels: { plan: 'pro' } };
// Far above a normal run (about a second); only a hung agent gets near it.
const RUN_LIMIT_MS = 60_000;

const workspaces: AgentWorkspace[] = [];
afterEach(async () => {
  await Promise.all(workspaces.splice(0).map((workspace) => workspace.remove()));
});

async function newWorkspace(): Promise<AgentWorkspace & { victim: string; wardenHome: string }> {
  const workspace = await createAgentWorkspace({ prefix: 'warden-sdk-e2e-' });
  workspaces.push(workspace);
  // Something a user would hate to lose, in the agent's home, outside the project.
  const victim = path.join(workspace.home, 'important');
  mkdirSync(victim, { recursive: true });
  writeFileSync(path.join(victim, 'thesis.txt'), 'four years of work\n');
  return { ...workspace, victim, wardenHome: path.join(workspace.root, 'warden') };
}

interface RunOptions {
  workspace: AgentWorkspace;
  script: ScriptedAnthropicTurn[];
  prompt?: string;
  finalText?: string;
  hooks?: Options['hooks'];
  canUseTool?: CanUseTool;
  mcpServers?: Options['mcpServers'];
  permissionMode?: Options['permissionMode'];
}

async function runAgent(options: RunOptions) {
  const { query } = await import('@anthropic-ai/claude-agent-sdk');
  const server = await startScriptedAnthropicServer({ script: options.script, finalText: options.finalText });
  const abortController = new AbortController();
  const timer = setTimeout(() => abortController.abort(), RUN_LIMIT_MS);
  const messages: SDKMessage[] = [];
  try {
    const permissionMode = options.permissionMode ?? 'bypassPermissions';
    for await (const message of query({
      prompt: options.prompt ?? 'do it',
      options: {
        cwd: options.workspace.project,
        settingSources: [],
        permissionMode,
        allowDangerouslySkipPermissions: permissionMode === 'bypassPermissions',
        env: claudeEnvironment({ baseUrl: server.url, home: options.workspace.home }),
        abortController,
        ...(options.hooks ? { hooks: options.hooks } : {}),
        ...(options.canUseTool ? { canUseTool: options.canUseTool } : {}),
        ...(options.mcpServers ? { mcpServers: options.mcpServers } : {}),
      },
    })) {
      messages.push(message);
    }
    expect(abortController.signal.aborted, 'the run hit its time limit').toBe(false);
    const result = messages.find((message): message is SDKResultMessage => message.type === 'result');
    return {
      messages,
      result,
      resultText: result && 'result' in result ? result.result : undefined,
      toolResults: server.toolResults(),
      messageRequests: server.messageRequests().length,
      everythingTheModelReceived: server.requests.map((request) => request.rawBody).join('\n'),
    };
  } finally {
    clearTimeout(timer);
    await server.close();
  }
}

const auditRecords = (wardenHome: string) => readAuditRecords(path.join(wardenHome, 'audit'));

function hooksFor(workspace: { home: string; wardenHome: string }, options: WardenHooksOptions = {}) {
  return wardenHooks({ home: workspace.wardenHome, userHome: workspace.home, context: CONTEXT, ...options });
}

describe('Warden in the real Claude Agent SDK', () => {
  it('denies a destructive Bash call, which does not run; without Warden it deletes the folder', async () => {
    const script = (victim: string): ScriptedAnthropicTurn[] => [
      { toolUse: { name: 'Bash', input: { command: `rm -rf ${victim}`, description: 'clean up' } } },
      { text: 'Cleaned up.' },
    ];

    const unguarded = await newWorkspace();
    const harm = await runAgent({ workspace: unguarded, script: script(unguarded.victim) });
    expect(harm.toolResults).toEqual([expect.objectContaining({ isError: false })]);
    expect(existsSync(unguarded.victim)).toBe(false);

    const guarded = await newWorkspace();
    const run = await runAgent({
      workspace: guarded,
      script: script(guarded.victim),
      hooks: hooksFor(guarded),
    });
    expect(existsSync(path.join(guarded.victim, 'thesis.txt'))).toBe(true);
    expect(run.toolResults).toEqual([
      expect.objectContaining({
        isError: true,
        content: expect.stringContaining('Warden (shell.recursive-delete-outside-project)'),
      }),
    ]);
    expect(run.result).toMatchObject({
      subtype: 'success',
      permission_denials: [expect.objectContaining({ tool_name: 'Bash' })],
    });
    const denial = auditRecords(guarded.wardenHome).find((record) => record.hookEvent === 'PreToolUse');
    expect(denial).toMatchObject({ effect: 'deny', ruleId: 'shell.recursive-delete-outside-project' });
  });

  it('blocks a prompt carrying a private key before the model sees it; without Warden the model gets the key', async () => {
    const prompt = `Use this deploy key:\n${PRIVATE_KEY}`;

    const unguarded = await newWorkspace();
    const harm = await runAgent({ workspace: unguarded, script: [{ text: 'Got it.' }], prompt });
    expect(harm.messageRequests).toBeGreaterThan(0);
    expect(harm.everythingTheModelReceived).toContain(KEY_MATERIAL);

    const guarded = await newWorkspace();
    const run = await runAgent({
      workspace: guarded,
      script: [{ text: 'Got it.' }],
      prompt,
      hooks: hooksFor(guarded),
    });
    expect(run.messageRequests).toBe(0);
    expect(run.everythingTheModelReceived).not.toContain(KEY_MATERIAL);
    expect(run.resultText).toContain('Warden (secrets.in-prompt)');
    // The block message does not quote the prompt back, so the key does not come back to the app either.
    expect(JSON.stringify(run.messages)).not.toContain(KEY_MATERIAL);
    expect(auditRecords(guarded.wardenHome)).toMatchObject([
      { hookEvent: 'UserPromptSubmit', effect: 'deny', ruleId: 'secrets.in-prompt' },
    ]);
    expect(JSON.stringify(auditRecords(guarded.wardenHome))).not.toContain(KEY_MATERIAL);
  });

  it('hands the model a tool result with the secrets replaced by markers (updatedToolOutput); without Warden it reads them', async () => {
    const key = ['AKIA', 'Q3ZP7RWT', 'XK5M2NVB'].join('');
    // A secret only gitleaks' rules know, beside one of Warden's own.
    const webhookSecret = 'aB3dE5fG7hJ9kL1mN3pQ5rS7';
    const webhook = `https://hooks.slack.com/services/T${'0'.repeat(8)}A/B${'1'.repeat(8)}C/${webhookSecret}`;
    const script: ScriptedAnthropicTurn[] = [
      { toolUse: { name: 'Bash', input: { command: 'cat deploy.conf', description: 'read config' } } },
      { text: 'Read it.' },
    ];
    const write = (workspace: AgentWorkspace) =>
      writeFileSync(
        path.join(workspace.project, 'deploy.conf'),
        `region = eu-west-1\naws_access_key_id = ${key}\nnotify = ${webhook}\n`,
      );

    const unguarded = await newWorkspace();
    write(unguarded);
    const leak = await runAgent({ workspace: unguarded, script });
    expect(leak.everythingTheModelReceived).toContain(key);
    expect(leak.everythingTheModelReceived).toContain(webhookSecret);

    const guarded = await newWorkspace();
    write(guarded);
    const run = await runAgent({ workspace: guarded, script, hooks: hooksFor(guarded) });
    expect(run.toolResults).toHaveLength(1);
    expect(run.toolResults[0]).toMatchObject({ isError: false });
    expect(run.toolResults[0]!.content).toContain('aws_access_key_id = [REDACTED:secret.aws_access_key]');
    expect(run.toolResults[0]!.content).toContain('notify = [REDACTED:secret.slack_webhook_url]');
    expect(run.toolResults[0]!.content).toContain('region = eu-west-1');
    for (const secret of [key, webhookSecret]) {
      expect(run.everythingTheModelReceived).not.toContain(secret);
      expect(JSON.stringify(auditRecords(guarded.wardenHome))).not.toContain(secret);
    }
  });

  it("handles a prompt with a card number by the policy's PII action: warned by default, blocked when the policy says so", async () => {
    const prompt = 'charge the customer card 4111 1111 1111 1111 again';
    const warned = await newWorkspace();
    const sent = await runAgent({
      workspace: warned,
      script: [{ text: 'Done.' }],
      prompt,
      hooks: hooksFor(warned),
    });
    expect(sent.messageRequests).toBeGreaterThan(0);
    const record = auditRecords(warned.wardenHome).find((entry) => entry.hookEvent === 'UserPromptSubmit');
    expect(record).toMatchObject({ effect: 'allow' });
    expect(JSON.stringify(record)).toContain('pii.card');

    const strict = await newWorkspace();
    const policyFile = path.join(strict.root, 'policy.yaml');
    writeFileSync(policyFile, 'extends: recommended\ndetectors:\n  pii:\n    actions: { prompt: block }\n');
    const blocked = await runAgent({
      workspace: strict,
      script: [{ text: 'Done.' }],
      prompt,
      hooks: hooksFor(strict, { policy: policyFile }),
    });
    expect(blocked.messageRequests).toBe(0);
    expect(blocked.resultText).toContain('Warden (detectors.pii)');
    expect(auditRecords(strict.wardenHome)).toMatchObject([
      { hookEvent: 'UserPromptSubmit', effect: 'deny', ruleId: 'detectors.pii' },
    ]);
    expect(JSON.stringify(auditRecords(strict.wardenHome))).not.toContain('4111 1111 1111 1111');
  });

  it('lets a harmless tool call run, and records every decision with the per-request context', async () => {
    const guarded = await newWorkspace();
    const marker = path.join(guarded.project, 'marker.txt');
    const run = await runAgent({
      workspace: guarded,
      script: [
        { toolUse: { name: 'Bash', input: { command: `touch ${marker}`, description: 'create marker' } } },
        { text: 'Created the marker.' },
      ],
      hooks: hooksFor(guarded),
    });
    expect(existsSync(marker)).toBe(true);
    expect(run.toolResults).toEqual([expect.objectContaining({ isError: false })]);
    expect(run.resultText).toBe('Created the marker.');

    const records = auditRecords(guarded.wardenHome);
    // SessionStart and SessionEnd callbacks are registered, but SDK 0.3.330 does not call them.
    expect(records.map((record) => record.hookEvent)).toEqual([
      'UserPromptSubmit',
      'PreToolUse',
      'PostToolUse',
      'Stop',
    ]);
    const sessionId = run.result?.session_id;
    for (const record of records) {
      expect(record).toMatchObject({
        agent: 'agent-sdk',
        effect: 'allow',
        context: CONTEXT,
        session: sessionId,
      });
      // Decided by the policy: the real SDK's inputs parsed, no failure policy stepped in.
      expect(record.failure).toBeUndefined();
    }
    expect(records[1]).toMatchObject({ tool: 'Bash', actions: [{ kind: 'shell.exec' }] });
  });

  it('sends a denied answer back for another try, a bounded number of times', async () => {
    const policy: Policy = {
      extends: 'recommended',
      rules: [
        {
          id: 'no-internal-hosts',
          effect: 'deny',
          actions: ['response.final'],
          when: { matches: ['internal\\.acme'] },
          reason: 'Do not name internal hosts; answer again without them.',
        },
      ],
    };
    const leaky = 'The database is db.internal.acme.';

    // A model that fixes its answer when told: Warden's reason reaches it, and the second answer stands.
    const unguarded = await newWorkspace();
    const harm = await runAgent({
      workspace: unguarded,
      script: [{ text: leaky }],
      finalText: 'The database is up.',
    });
    expect(harm.resultText).toBe(leaky);
    const corrected = await newWorkspace();
    const fixed = await runAgent({
      workspace: corrected,
      script: [{ text: leaky }],
      finalText: 'The database is up.',
      hooks: hooksFor(corrected, { policy }),
    });
    expect(fixed.resultText).toBe('The database is up.');
    expect(fixed.everythingTheModelReceived).toContain('Warden (no-internal-hosts)');

    // A model that never complies: one first answer, two retries, then Warden lets it end the turn.
    const stubborn = await newWorkspace();
    const looped = await runAgent({
      workspace: stubborn,
      script: [{ text: leaky }],
      finalText: leaky,
      hooks: hooksFor(stubborn, { policy, maxResponseRetries: 2 }),
    });
    expect(looped.resultText).toBe(leaky);
    expect(looped.messageRequests).toBe(3);
    const stops = auditRecords(stubborn.wardenHome).filter((record) => record.hookEvent === 'Stop');
    expect(stops.map((record) => record.meta?.response_retries)).toEqual([0, 1, 2]);
    expect(stops.every((record) => record.effect === 'deny')).toBe(true);
  });

  it('guards MCP tools: a denied MCP call never reaches its server; without Warden it does', async () => {
    const { createSdkMcpServer, tool } = await import('@anthropic-ai/claude-agent-sdk');
    const { z } = await import('zod');
    const dropped: string[] = [];
    // An in-process MCP server of the app, so the test sees whether the tool's handler ran.
    const opsServer = () =>
      createSdkMcpServer({
        name: 'ops',
        version: '1.0.0',
        tools: [
          tool('drop_database', 'Drops a database', { name: z.string() }, async ({ name }) => {
            dropped.push(name);
            return { content: [{ type: 'text', text: `dropped ${name}` }] };
          }),
        ],
      });
    const script: ScriptedAnthropicTurn[] = [
      { toolUse: { name: 'mcp__ops__drop_database', input: { name: 'customers' } } },
      { text: 'Done.' },
    ];
    const policy: Policy = {
      extends: 'recommended',
      rules: [
        {
          id: 'ops.no-drop',
          effect: 'deny',
          actions: ['mcp.call'],
          when: { mcpServers: ['ops'], mcpTools: ['drop_*'] },
          reason: 'Dropping databases is for humans. Ask the on-call engineer.',
        },
      ],
    };

    const unguarded = await newWorkspace();
    await runAgent({ workspace: unguarded, script, mcpServers: { ops: opsServer() } });
    expect(dropped).toEqual(['customers']);

    dropped.length = 0;
    const guarded = await newWorkspace();
    const run = await runAgent({
      workspace: guarded,
      script,
      mcpServers: { ops: opsServer() },
      hooks: hooksFor(guarded, { policy }),
    });
    expect(dropped).toEqual([]);
    expect(run.toolResults).toEqual([
      expect.objectContaining({ isError: true, content: expect.stringContaining('Warden (ops.no-drop)') }),
    ]);
    expect(
      auditRecords(guarded.wardenHome).find((record) => record.hookEvent === 'PreToolUse'),
    ).toMatchObject({
      tool: 'mcp__ops__drop_database',
      effect: 'deny',
      actions: [{ kind: 'mcp.call', resources: { mcpServer: 'ops', mcpTool: 'drop_database' } }],
      context: CONTEXT,
    });
  });

  it('decides through canUseTool in the permission flow: the harmless call runs, the destructive one does not', async () => {
    const script = (workspace: { victim: string; project: string }): ScriptedAnthropicTurn[] => [
      {
        toolUse: { name: 'Bash', input: { command: `touch ${path.join(workspace.project, 'marker.txt')}` } },
      },
      { toolUse: { name: 'Bash', input: { command: `rm -rf ${workspace.victim}` } } },
      { text: 'Done.' },
    ];
    // An app whose permission prompt approves everything: the destructive call goes through.
    const unguarded = await newWorkspace();
    await runAgent({
      workspace: unguarded,
      script: script(unguarded),
      permissionMode: 'default',
      canUseTool: async (_name, input) => ({ behavior: 'allow', updatedInput: input }),
    });
    expect(existsSync(unguarded.victim)).toBe(false);

    const guarded = await newWorkspace();
    const run = await runAgent({
      workspace: guarded,
      script: script(guarded),
      permissionMode: 'default',
      canUseTool: wardenCanUseTool({
        home: guarded.wardenHome,
        userHome: guarded.home,
        cwd: guarded.project,
        context: CONTEXT,
      }),
    });
    expect(existsSync(path.join(guarded.project, 'marker.txt'))).toBe(true);
    expect(existsSync(path.join(guarded.victim, 'thesis.txt'))).toBe(true);
    expect(run.toolResults.map((result) => result.isError)).toEqual([false, true]);
    expect(run.toolResults[1]!.content).toContain('Warden (shell.recursive-delete-outside-project)');
    const records = auditRecords(guarded.wardenHome);
    expect(records.map((record) => [record.hookEvent, record.effect])).toEqual([
      ['canUseTool', 'allow'],
      ['canUseTool', 'deny'],
    ]);
    expect(records.every((record) => JSON.stringify(record.context) === JSON.stringify(CONTEXT))).toBe(true);
  });
});
