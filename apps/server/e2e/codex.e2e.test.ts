import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { status } from '@warden/codex';
import {
  codexTurns,
  createAgentWorkspace,
  runCodex,
  type ScriptedResponsesTurn,
  startScriptedResponsesServer,
  trustCodexHooks,
  writeCodexConfig,
} from '@warden/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  flushDevice,
  type GuardedWorkspace,
  localAudit,
  startWardenServerHarness,
  type WardenServerHarness,
} from './warden-server-harness.js';

/** The Codex CLI from npm (`@openai/codex`, a devDependency of this package). */
const CODEX_BIN = fileURLToPath(new URL('../node_modules/.bin/codex', import.meta.url));

// The real Codex CLI 0.169.0, offline against a scripted Responses model, with Warden installed
// by `warden-codex install` (hooks trusted the way a user does it in /hooks) and reporting to a
// real Warden server. This device is configured by file, as a managed machine would be:
// `server:` in $WARDEN_HOME/config.yaml with a token file, and no Warden variables at all.

const WARDEN_CODEX_BIN = path.join(
  path.dirname(createRequire(import.meta.url).resolve('@warden/codex/package.json')),
  'dist',
  'bin.cjs',
);

interface ServerEvent {
  id: string;
  hookEvent: string;
  decision: { effect: string; ruleId: string };
  client?: { device?: string; adapter?: string; orgPolicyEtag?: string };
}

let server: WardenServerHarness;
let guarded: GuardedWorkspace & { codexHome: string };

beforeEach(async () => {
  server = await startWardenServerHarness();
  const workspace = await createAgentWorkspace({ prefix: 'warden-server-codex-' });
  const codexHome = path.join(workspace.home, '.codex');
  mkdirSync(codexHome, { recursive: true });
  const wardenHome = path.join(workspace.home, '.warden');
  mkdirSync(wardenHome, { recursive: true, mode: 0o700 });
  writeFileSync(path.join(wardenHome, 'device-token'), `${server.deviceToken}\n`, { mode: 0o600 });
  writeFileSync(
    path.join(wardenHome, 'config.yaml'),
    `server:\n  url: ${server.url}\n  tokenFile: device-token\n`,
  );
  guarded = { workspace, codexHome, env: { WARDEN_FLUSH_LINGER_MS: '0' } };
});
afterEach(async () => {
  await guarded.workspace.remove();
  await server.close();
});

async function run(script: ScriptedResponsesTurn[]) {
  const model = await startScriptedResponsesServer({ script });
  try {
    const env = { HOME: guarded.workspace.home, CODEX_HOME: guarded.codexHome };
    writeCodexConfig({ codexHome: guarded.codexHome, baseUrl: model.baseUrl });
    const installed = spawnSync(
      process.execPath,
      [WARDEN_CODEX_BIN, 'install', '--scope', 'user', '--codex', CODEX_BIN],
      { env: { PATH: process.env.PATH, ...env }, encoding: 'utf8', timeout: 60_000 },
    );
    expect(installed.status, installed.stderr).toBe(0);
    // What the user does in Codex's /hooks: record each reviewed hook's hash as trusted.
    const { trust } = status({ env, detection: {} });
    trustCodexHooks({ codexHome: guarded.codexHome, trust });
    const result = await runCodex({
      codexPath: CODEX_BIN,
      prompt: 'do it',
      cwd: guarded.workspace.project,
      home: guarded.workspace.home,
      codexHome: guarded.codexHome,
      extraEnv: guarded.env,
    });
    expect(result.timedOut).toBe(false);
    expect(result.exitCode, result.stderr).toBe(0);
    return { toolOutputs: model.toolOutputs() };
  } finally {
    await model.close();
  }
}

const { execCommand } = codexTurns;

describe('Codex reporting to a Warden server', { timeout: 300_000 }, () => {
  it("sends the session's events in order, and applies an org-policy deny on the next refresh", async () => {
    await run([execCommand('touch before.txt')]);
    expect(existsSync(path.join(guarded.workspace.project, 'before.txt'))).toBe(true);
    expect((await flushDevice(guarded)).remaining).toBe(0);

    const local = localAudit(guarded);
    const session = local.find((record) => record.hookEvent === 'PreToolUse')!.session;
    const mine = local.filter((record) => record.session === session);
    const timeline = (
      await server.admin<{ events: ServerEvent[] }>({ path: `/v1/sessions/${encodeURIComponent(session)}` })
    ).events;
    expect(timeline.map((event) => event.id)).toEqual(mine.map((record) => record.id));
    expect(timeline.map((event) => event.hookEvent)).toEqual(
      expect.arrayContaining(['PreToolUse', 'PostToolUse']),
    );
    for (const event of timeline) expect(event.client?.adapter).toBe('@warden/codex@0.1.0');

    await server.admin({
      method: 'PUT',
      path: '/v1/policy',
      contentType: 'application/yaml',
      body: 'rules:\n  - id: no-touch\n    effect: deny\n    actions: [shell.exec]\n    when: { programs: [touch] }\n    reason: The organisation does not allow touch here.\n',
    });
    expect((await flushDevice(guarded)).orgPolicy?.status).toBe('updated');
    const denied = await run([execCommand('touch after.txt')]);
    expect(existsSync(path.join(guarded.workspace.project, 'after.txt'))).toBe(false);
    expect(denied.toolOutputs[0]!.output).toContain('The organisation does not allow touch here.');
    await flushDevice(guarded);
    const events = (
      await server.admin<{ events: ServerEvent[] }>({ path: '/v1/events?agent=codex&limit=200' })
    ).events;
    expect(events.find((event) => event.decision.ruleId === 'org:no-touch')?.decision.effect).toBe('deny');
  });
});
