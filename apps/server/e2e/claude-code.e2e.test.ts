import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { listQueue, readAuditLog, verifyAgainstServer, verifyAuditLog, writeAuditRecord } from '@warden/core';
import { runClaude, type ScriptedAnthropicTurn, startScriptedAnthropicServer } from '@warden/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  CLAUDE_PATH,
  flushDevice,
  type GuardedWorkspace,
  guardedWorkspace,
  localAudit,
  startWardenServerHarness,
  type WardenServerHarness,
} from './warden-server-harness.js';

// The real Claude Code 2.1.330, offline against a scripted model, with Warden installed by its
// own installer and reporting to a real Warden server (startServer, SQLite, loopback).

interface ServerEvent {
  id: string;
  session: string;
  hookEvent: string;
  phase: string;
  tool?: { name: string };
  decision: { effect: string; ruleId: string; reason: string };
  client?: {
    device?: string;
    adapter?: string;
    policyHash?: string;
    orgPolicyEtag?: string;
    latencyMs?: number;
  };
  audit?: { seq: number; hash: string };
}

let server: WardenServerHarness;
const cleanups: Array<() => Promise<void>> = [];

beforeEach(async () => {
  server = await startWardenServerHarness();
});
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  await server.close();
});

async function device(name: string): Promise<GuardedWorkspace> {
  const guarded = await guardedWorkspace({ server, device: name });
  cleanups.push(() => guarded.workspace.remove());
  return guarded;
}

async function run(options: { guarded: GuardedWorkspace; script: ScriptedAnthropicTurn[]; prompt?: string }) {
  const model = await startScriptedAnthropicServer({ script: options.script });
  try {
    const result = await runClaude({
      prompt: options.prompt ?? 'do it',
      baseUrl: model.url,
      cwd: options.guarded.workspace.project,
      home: options.guarded.workspace.home,
      claudePath: CLAUDE_PATH,
      extraEnv: options.guarded.env,
      timeoutMs: 90_000,
    });
    expect(result.timedOut).toBe(false);
    const init = result.messages.find((message) => message.type === 'system' && message.subtype === 'init');
    return {
      result,
      session: String(init?.session_id ?? ''),
      toolResults: model.toolResults(),
      messageRequests: model.messageRequests().length,
    };
  } finally {
    await model.close();
  }
}

async function sessionEvents(session: string): Promise<ServerEvent[]> {
  const answer = await server.admin<{ events: ServerEvent[] }>({
    path: `/v1/sessions/${encodeURIComponent(session)}`,
  });
  return answer.events;
}

async function listEvents(query: string): Promise<ServerEvent[]> {
  const events: ServerEvent[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 50; page++) {
    const answer = await server.admin<{ events: ServerEvent[]; next?: string }>({
      path: `/v1/events?${query}&limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    });
    events.push(...answer.events);
    if (!answer.next) break;
    cursor = answer.next;
  }
  return events;
}

// Real agents on a shared 2-core machine: generous limits; nothing here asserts on time.
describe('Claude Code reporting to a Warden server', { timeout: 300_000 }, () => {
  it("puts the session's events in GET /v1/events and GET /v1/sessions/:id, in order, with the device's facts", async () => {
    const guarded = await device('e2e-laptop-a');
    const { session, toolResults } = await run({
      guarded,
      script: [{ toolUse: { name: 'Bash', input: { command: 'echo hello > greeting.txt && ls' } } }],
    });
    expect(session).not.toBe('');
    expect(toolResults[0]!.isError).toBe(false);
    const report = await flushDevice(guarded);
    expect(report.remaining).toBe(0);

    const local = localAudit(guarded).filter((record) => record.session === session);
    expect(local.map((record) => record.hookEvent)).toEqual(
      expect.arrayContaining(['SessionStart', 'UserPromptSubmit', 'PreToolUse', 'PostToolUse', 'Stop']),
    );
    const timeline = await sessionEvents(session);
    // The server holds exactly what the hooks decided, in the order they ran.
    expect(timeline.map((event) => event.id)).toEqual(local.map((record) => record.id));
    expect(timeline.map((event) => event.hookEvent)).toEqual(local.map((record) => record.hookEvent));
    const bash = timeline.find((event) => event.hookEvent === 'PreToolUse')!;
    expect(bash).toMatchObject({ tool: { name: 'Bash' }, decision: { effect: 'allow' } });

    const listed = await listEvents(`session=${encodeURIComponent(session)}`);
    expect(listed.map((event) => event.id).sort()).toEqual(local.map((record) => record.id).sort());
    for (const event of timeline) {
      expect(event.client).toMatchObject({ device: 'e2e-laptop-a', adapter: '@warden/claude-code@0.1.0' });
      expect(event.client!.policyHash).toMatch(/^[0-9a-f]{64}$/);
      expect(event.client!.latencyMs).toBeGreaterThan(0);
      expect(event.audit?.seq).toBeGreaterThan(0);
    }

    // The server's anchors vouch for the local log, and catch it once it is forged wholesale.
    const deviceEnv = { HOME: guarded.workspace.home, ...guarded.env };
    const verified = await verifyAgainstServer({ env: deviceEnv });
    expect(verified).toMatchObject({ ok: true, device: 'e2e-laptop-a', problemCount: 0 });
    expect(verified.anchors).toBe(local.length);
    const auditDir = path.join(guarded.workspace.home, '.warden', 'audit');
    const original = [...readAuditLog({ auditDir })].map((line) => line.record);
    rmSync(auditDir, { recursive: true });
    for (const { v: _v, seq: _seq, prev: _prev, ...entry } of original)
      writeAuditRecord({ auditDir, entry: { ...entry, reason: 'nothing to see here' } });
    // A forgery with the writer's own code: the chain verifies locally.
    expect(verifyAuditLog({ auditDir }).ok).toBe(true);
    const forged = await verifyAgainstServer({ env: deviceEnv });
    expect(forged.ok).toBe(false);
    expect(forged.problemCount).toBe(local.length);

    // The fleet view is built from the client facts the hooks sent (the latest event's: once the
    // sender has fetched the tenant's org policy, empty here, its ETag is part of the hash).
    const fleet = await server.admin<{
      devices: Array<{ device: string; agent: string; adapter: string | null; policyHash: string | null }>;
    }>({ path: '/v1/devices' });
    const laptop = fleet.devices.find(
      (entry) => entry.device === 'e2e-laptop-a' && entry.agent === 'claude-code',
    );
    expect(laptop).toMatchObject({
      adapter: '@warden/claude-code@0.1.0',
      policyHash: timeline.at(-1)!.client!.policyHash,
    });
  });

  it('loses nothing and stores nothing twice when the server is stopped mid-session and started again', async () => {
    const guarded = await device('e2e-laptop-b');
    const gate = (name: string) => path.join(guarded.workspace.project, name);
    // Each tool call says it has started, then waits (bounded) for the test to let it go on.
    const waitFor = (step: string) =>
      `touch ${step}.started && for i in $(seq 1 600); do [ -f ${step}.go ] && break; sleep 0.1; done && echo ${step} done`;
    const waitForFile = async (file: string) => {
      for (let attempt = 0; attempt < 900 && !existsSync(file); attempt++)
        await new Promise((resolve) => setTimeout(resolve, 100));
      expect(existsSync(file)).toBe(true);
    };

    const running = run({
      guarded,
      script: [
        { toolUse: { name: 'Bash', input: { command: waitFor('one') } } },
        { toolUse: { name: 'Bash', input: { command: waitFor('two') } } },
        { toolUse: { name: 'Bash', input: { command: 'echo three' } } },
      ],
    });
    await waitForFile(gate('one.started'));
    await server.stop();
    writeFileSync(gate('one.go'), '');
    await waitForFile(gate('two.started'));
    // While the server was away, the hooks' events waited in the device's spool.
    expect(listQueue(path.join(guarded.workspace.home, '.warden', 'spool')).length).toBeGreaterThanOrEqual(2);
    await server.start();
    writeFileSync(gate('two.go'), '');
    const { session, toolResults } = await running;
    expect(toolResults.map((result) => result.isError)).toEqual([false, false, false]);

    const report = await flushDevice(guarded);
    expect(report).toMatchObject({ remaining: 0, deadLettered: 0, lost: 0 });
    const local = localAudit(guarded).filter((record) => record.session === session);
    // Three tool calls: at least SessionStart, the prompt, 3 × Pre and Post, and Stop.
    expect(local.length).toBeGreaterThanOrEqual(9);
    const timeline = await sessionEvents(session);
    expect(timeline.map((event) => event.id)).toEqual(local.map((record) => record.id));
    expect(new Set(timeline.map((event) => event.id)).size).toBe(timeline.length);
    const listed = await listEvents(`session=${encodeURIComponent(session)}`);
    expect(listed).toHaveLength(local.length);
  });

  it('applies an org-policy deny and a suspension on the next refresh, and lifts the suspension the same way', async () => {
    const guarded = await device('e2e-laptop-c');
    const marker = (name: string) => path.join(guarded.workspace.project, name);
    const touch = (name: string): ScriptedAnthropicTurn[] => [
      { toolUse: { name: 'Bash', input: { command: `touch ${name}` } } },
    ];

    const before = await run({ guarded, script: touch('before.txt') });
    expect(existsSync(marker('before.txt'))).toBe(true);
    expect(before.toolResults[0]!.isError).toBe(false);

    const uploaded = await server.admin<{ etag: string }>({
      method: 'PUT',
      path: '/v1/policy',
      contentType: 'application/yaml',
      body: [
        'rules:',
        '  - id: no-touch',
        '    effect: deny',
        '    actions: [shell.exec]',
        '    when: { programs: [touch] }',
        '    reason: The organisation does not allow touch in this project.',
        '',
      ].join('\n'),
    });
    const refresh = await flushDevice(guarded);
    expect(refresh.orgPolicy).toMatchObject({ status: 'updated', suspended: false });
    const cache = JSON.parse(
      readFileSync(path.join(guarded.workspace.home, '.warden', 'org-policy.json'), 'utf8'),
    );
    expect(uploaded.etag).toBeTruthy();
    expect(JSON.stringify(cache.policy)).toContain('no-touch');

    const denied = await run({ guarded, script: touch('after.txt') });
    expect(existsSync(marker('after.txt'))).toBe(false);
    expect(denied.toolResults[0]!.isError).toBe(true);
    expect(denied.toolResults[0]!.content).toContain(
      'The organisation does not allow touch in this project.',
    );
    await flushDevice(guarded);
    const deniedEvent = (await sessionEvents(denied.session)).find(
      (event) => event.hookEvent === 'PreToolUse',
    )!;
    expect(deniedEvent.decision).toMatchObject({ effect: 'deny', ruleId: 'org:no-touch' });
    expect(deniedEvent.client?.orgPolicyEtag).toBe(cache.etag);

    await server.admin({
      method: 'POST',
      path: '/v1/suspensions',
      body: JSON.stringify({ device: 'e2e-laptop-c', reason: 'laptop reported lost' }),
    });
    expect((await flushDevice(guarded)).orgPolicy).toMatchObject({ status: 'updated', suspended: true });
    const suspended = await run({
      guarded,
      script: [{ toolUse: { name: 'Bash', input: { command: 'ls' } } }],
    });
    // The prompt itself is denied: the model is never called.
    expect(suspended.messageRequests).toBe(0);
    expect(suspended.result.stdout).toContain('laptop reported lost');
    await flushDevice(guarded);
    const suspendedPrompt = (await listEvents('device=e2e-laptop-c')).find(
      (event) => event.hookEvent === 'UserPromptSubmit' && event.decision.effect === 'deny',
    );
    expect(suspendedPrompt?.decision.ruleId).toBe('org.suspended');

    await server.admin({ method: 'DELETE', path: '/v1/suspensions?device=e2e-laptop-c' });
    expect((await flushDevice(guarded)).orgPolicy).toMatchObject({ status: 'updated', suspended: false });
    const resumed = await run({
      guarded,
      script: [{ toolUse: { name: 'Bash', input: { command: 'echo back' } } }],
    });
    expect(resumed.messageRequests).toBeGreaterThan(0);
    expect(resumed.toolResults[0]!.isError).toBe(false);
  });

  it("shows a denial from the session in the dashboard's inbox and its session timeline", async () => {
    const guarded = await device('e2e-laptop-d');
    const victim = path.join(guarded.workspace.home, 'important');
    mkdirSync(victim);
    writeFileSync(path.join(victim, 'keep.txt'), 'kept');
    const { session, toolResults } = await run({
      guarded,
      script: [{ toolUse: { name: 'Bash', input: { command: `cd / && bash -c "rm -rf ${victim}"` } } }],
    });
    expect(toolResults[0]!.isError).toBe(true);
    expect(existsSync(path.join(victim, 'keep.txt'))).toBe(true);
    expect((await flushDevice(guarded)).remaining).toBe(0);
    const denied = (await sessionEvents(session)).find((event) => event.decision.effect === 'deny')!;
    expect(denied).toBeDefined();

    // Sign in as a person would (admin token, then the session cookie), and read the inbox.
    const login = await fetch(`${server.url}/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { origin: server.url },
      body: new URLSearchParams({ token: server.adminToken, next: '/denials' }),
    });
    expect(login.status).toBe(303);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    const inbox = await fetch(`${server.url}/denials`, { headers: { cookie } });
    expect(inbox.status).toBe(200);
    const inboxHtml = await inbox.text();
    expect(inboxHtml).toContain(denied.decision.ruleId);
    expect(inboxHtml).toContain('e2e-laptop-d');

    const timeline = await fetch(`${server.url}/sessions/${encodeURIComponent(session)}`, {
      headers: { cookie },
    });
    expect(timeline.status).toBe(200);
    const timelineHtml = await timeline.text();
    expect(timelineHtml).toContain(denied.decision.ruleId);
    expect(timelineHtml).toContain('rm -rf');
  });
});
