import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
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

/** The Codex CLI from npm (`@openai/codex`, a devDependency of this package). */
const CODEX_BIN = fileURLToPath(new URL('../node_modules/.bin/codex', import.meta.url));

// The real Codex CLI (0.169.0 from npm), a scripted Responses API model on loopback, and Warden
// installed by its own `warden-codex install` into a throwaway HOME / CODEX_HOME. Trust is given
// the way a user's /hooks review records it (no bypass flag), and every blocking case also runs
// without Warden, where it must do its harm: Codex skips untrusted or broken hooks silently, so
// only that contrast proves a block is Warden's.

const bin = fileURLToPath(new URL('../dist/bin.cjs', import.meta.url));
const workspaces: AgentWorkspace[] = [];

afterEach(async () => {
  await Promise.all(workspaces.splice(0).map((workspace) => workspace.remove()));
});

interface Scenario {
  workspace: AgentWorkspace;
  codexHome: string;
  victim: string;
}

function warden(args: string[], scenario: Scenario) {
  return spawnSync(process.execPath, [bin, ...args, '--codex', CODEX_BIN], {
    env: { PATH: process.env.PATH, HOME: scenario.workspace.home, CODEX_HOME: scenario.codexHome },
    encoding: 'utf8',
    timeout: 60_000,
  });
}

/** What the user does in Codex's /hooks: records each reviewed hook's hash as trusted. */
function trustWardenHooks(scenario: Scenario): void {
  const { trust } = status({
    env: { HOME: scenario.workspace.home, CODEX_HOME: scenario.codexHome },
    detection: {},
  });
  trustCodexHooks({ codexHome: scenario.codexHome, trust });
}

async function createScenario(): Promise<Scenario> {
  const workspace = await createAgentWorkspace({ prefix: 'warden-codex-e2e-' });
  workspaces.push(workspace);
  const codexHome = path.join(workspace.home, '.codex');
  mkdirSync(codexHome, { recursive: true });
  const victim = path.join(workspace.home, 'important');
  mkdirSync(victim, { recursive: true });
  writeFileSync(path.join(victim, 'thesis.txt'), 'four years of work\n');
  return { workspace, codexHome, victim };
}

function installWarden(scenario: Scenario, options: { trust: boolean }): string {
  const installed = warden(['install', '--scope', 'user'], scenario);
  expect(installed.status, installed.stderr).toBe(0);
  expect(installed.stdout).toContain("Installed Warden's hooks");
  expect(installed.stdout).toContain('NOT TRUSTED');
  // Installed but untrusted is not guarded (Codex would skip the hooks silently), and status says so.
  const untrusted = warden(['status'], scenario);
  expect(untrusted.stdout).toContain('NOT guarding');
  expect(untrusted.status).toBe(1);
  if (!options.trust) return installed.stdout;
  trustWardenHooks(scenario);
  const trusted = warden(['status'], scenario);
  expect(trusted.stdout).toContain('Warden for Codex: guarding');
  expect(trusted.status).toBe(0);
  return installed.stdout;
}

async function run(options: {
  withWarden: boolean;
  /** Record the user's trust of Warden's hooks after installing them (default true). */
  trust?: boolean;
  script: (scenario: Scenario) => ScriptedResponsesTurn[];
  prompt?: string;
  /** Lines appended to config.toml's [features] table before the install. */
  featureFlags?: string;
  prepare?: (scenario: Scenario) => void;
}) {
  const context = await createScenario();
  const server = await startScriptedResponsesServer({ script: options.script(context) });
  try {
    writeCodexConfig({
      codexHome: context.codexHome,
      baseUrl: server.baseUrl,
      ...(options.featureFlags ? { features: options.featureFlags } : {}),
    });
    const installOutput = options.withWarden ? installWarden(context, { trust: options.trust ?? true }) : '';
    options.prepare?.(context);
    const result = await runCodex({
      codexPath: CODEX_BIN,
      prompt: options.prompt ?? 'do it',
      cwd: context.workspace.project,
      home: context.workspace.home,
      codexHome: context.codexHome,
      timeoutMs: 90_000,
    });
    expect(result.timedOut).toBe(false);
    expect(result.exitCode, result.stderr).toBe(0);
    return {
      ...context,
      installOutput,
      result,
      toolOutputs: server.toolOutputs(),
      requests: server.responseRequests(),
      audit: auditRecords(context.workspace),
    };
  } finally {
    await server.close();
  }
}

function auditRecords(workspace: AgentWorkspace): Array<Record<string, unknown>> {
  const auditDir = path.join(workspace.home, '.warden', 'audit');
  return existsSync(auditDir) ? readVerifiedAudit({ auditDir }) : [];
}

const { execCommand, applyPatch } = codexTurns;
const denials = (audit: Array<Record<string, unknown>>) =>
  audit.filter((record) => record.hookEvent === 'PreToolUse' && record.effect === 'deny');

describe('Codex CLI guarded by warden-codex', () => {
  it('denies a recursive delete outside the project, which does its harm without Warden', async () => {
    // `rm -r`, not `rm -rf`: Codex 0.169 itself rejects `rm -f`-style commands under
    // approval_policy "never", which would make the unguarded run prove nothing.
    const script = (scenario: Scenario) => [execCommand(`rm -r ${scenario.victim}`)];

    const unguarded = await run({ withWarden: false, script });
    expect(existsSync(unguarded.victim)).toBe(false);
    expect(unguarded.audit).toEqual([]);

    const guarded = await run({ withWarden: true, script });
    expect(readFileSync(path.join(guarded.victim, 'thesis.txt'), 'utf8')).toBe('four years of work\n');
    expect(guarded.toolOutputs).toHaveLength(1);
    expect(guarded.toolOutputs[0]!.output).toContain('Warden (shell.recursive-delete-outside-project)');
    expect(denials(guarded.audit)).toEqual([
      expect.objectContaining({
        agent: 'codex',
        effect: 'deny',
        ruleId: 'shell.recursive-delete-outside-project',
        tool: 'Bash',
      }),
    ]);
  });

  it('guards nothing until the user trusts the hooks, exactly as status reports', async () => {
    // Codex skips untrusted hooks without a word: the harm happens and Warden never even runs.
    const untrusted = await run({
      withWarden: true,
      trust: false,
      script: (scenario) => [execCommand(`rm -r ${scenario.victim}`)],
    });
    expect(existsSync(untrusted.victim)).toBe(false);
    expect(untrusted.audit).toEqual([]);
  });

  it('denies apply_patch writing a secret file (.env), which it writes without Warden', async () => {
    const script = () => [applyPatch('*** Add File: .env\n+OPENAI_API_KEY=sk-warden-e2e-not-a-real-key')];

    const unguarded = await run({ withWarden: false, script });
    expect(existsSync(path.join(unguarded.workspace.project, '.env'))).toBe(true);

    const guarded = await run({ withWarden: true, script });
    expect(existsSync(path.join(guarded.workspace.project, '.env'))).toBe(false);
    expect(guarded.toolOutputs).toHaveLength(1);
    expect(guarded.toolOutputs[0]).toMatchObject({ type: 'custom_tool_call_output' });
    expect(guarded.toolOutputs[0]!.output).toContain('Warden (secrets.write-file)');
    expect(denials(guarded.audit)).toEqual([
      expect.objectContaining({ ruleId: 'secrets.write-file', tool: 'apply_patch' }),
    ]);
  });

  it('denies apply_patch switching off Warden through its own config, which works without Warden', async () => {
    const config = (scenario: Scenario) => path.join(scenario.workspace.home, '.warden', 'config.yaml');
    const script = (scenario: Scenario) => [applyPatch(`*** Add File: ${config(scenario)}\n+mode: observe`)];

    const unguarded = await run({ withWarden: false, script });
    expect(readFileSync(config(unguarded), 'utf8')).toContain('mode: observe');

    const guarded = await run({ withWarden: true, script });
    expect(existsSync(config(guarded))).toBe(false);
    expect(guarded.toolOutputs[0]!.output).toContain('Warden (guard.protect-config-files)');
    expect(denials(guarded.audit)).toEqual([
      expect.objectContaining({ ruleId: 'guard.protect-config-files', tool: 'apply_patch' }),
    ]);
  });

  it("denies deleting Codex's hooks.json with an apply_patch heredoc in a shell command, which Codex applies without Warden", async () => {
    // Codex intercepts `apply_patch <<'EOF'` in exec_command and applies it itself; the hook sees Bash.
    const script = (scenario: Scenario) => [
      execCommand(
        `apply_patch <<'EOF'\n*** Begin Patch\n*** Delete File: ${path.join(scenario.codexHome, 'hooks.json')}\n*** End Patch\nEOF`,
      ),
    ];
    const hooksFile = (scenario: Scenario) => path.join(scenario.codexHome, 'hooks.json');

    const unguarded = await run({
      withWarden: false,
      script,
      prepare: (scenario) => writeFileSync(hooksFile(scenario), '{"hooks":{}}\n'),
    });
    expect(existsSync(hooksFile(unguarded))).toBe(false);

    const guarded = await run({ withWarden: true, script });
    expect(JSON.parse(readFileSync(hooksFile(guarded), 'utf8')).hooks.PreToolUse).toHaveLength(1);
    expect(guarded.toolOutputs[0]!.output).toContain('Warden (guard.protect-config-files)');
    expect(denials(guarded.audit)).toEqual([
      expect.objectContaining({ ruleId: 'guard.protect-config-files', tool: 'Bash' }),
    ]);
  });

  it('hands the model a tool output with a cloud key replaced by a marker, which it reads whole without Warden', async () => {
    const key = ['AKIA', 'Q3ZP7RWT', 'XK5M2NVB'].join('');
    // A secret only gitleaks' rules know: the hook loads them (a lazy chunk) for this output.
    const webhookSecret = 'aB3dE5fG7hJ9kL1mN3pQ5rS7';
    const webhook = `https://hooks.slack.com/services/T${'0'.repeat(8)}A/B${'1'.repeat(8)}C/${webhookSecret}`;
    const prepare = (scenario: Scenario) =>
      writeFileSync(
        path.join(scenario.workspace.project, 'deploy.conf'),
        `aws_access_key_id = ${key}\nnotify = ${webhook}\n`,
      );
    const script = () => [execCommand('cat deploy.conf')];

    const unguarded = await run({ withWarden: false, script, prepare });
    expect(JSON.stringify(unguarded.requests)).toContain(key);
    expect(JSON.stringify(unguarded.requests)).toContain(webhookSecret);

    const guarded = await run({ withWarden: true, script, prepare });
    expect(guarded.toolOutputs).toHaveLength(1);
    expect(guarded.toolOutputs[0]!.output).toContain('aws_access_key_id = [REDACTED:secret.aws_access_key]');
    expect(guarded.toolOutputs[0]!.output).toContain('notify = [REDACTED:secret.slack_webhook_url]');
    for (const secret of [key, webhookSecret]) {
      expect(JSON.stringify(guarded.requests)).not.toContain(secret);
      expect(JSON.stringify(guarded.audit)).not.toContain(secret);
    }
  });

  it('blocks a prompt carrying a private key before any model request, which sends it without Warden', async () => {
    const key =
      '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----';
    const prompt = `why does this key fail?\n${key}`;

    const unguarded = await run({ withWarden: false, script: () => [], prompt });
    expect(unguarded.requests.some((request) => request.rawBody.includes('b3BlbnNzaC1rZXktdjEAAAAA'))).toBe(
      true,
    );

    const guarded = await run({ withWarden: true, script: () => [], prompt });
    expect(guarded.requests).toHaveLength(0);
    expect(guarded.audit.find((record) => record.hookEvent === 'UserPromptSubmit')).toMatchObject({
      effect: 'deny',
      ruleId: 'secrets.in-prompt',
    });
  });

  it("handles a prompt with a card number by the policy's PII action: warned by default, blocked when the policy says so", async () => {
    const prompt = 'charge the customer card 4111 1111 1111 1111 again';
    const warned = await run({ withWarden: true, script: () => [], prompt });
    expect(warned.requests.length).toBeGreaterThan(0);
    const record = warned.audit.find((entry) => entry.hookEvent === 'UserPromptSubmit');
    expect(record).toMatchObject({ effect: 'allow' });
    expect(JSON.stringify(record)).toContain('pii.card');

    const strictPii = (scenario: Scenario) => {
      const home = path.join(scenario.workspace.home, '.warden');
      mkdirSync(home, { recursive: true, mode: 0o700 });
      writeFileSync(
        path.join(home, 'policy.yaml'),
        'extends: recommended\ndetectors:\n  pii:\n    actions: { prompt: block }\n',
      );
      writeFileSync(path.join(home, 'config.yaml'), 'policy: policy.yaml\n');
    };
    const blocked = await run({ withWarden: true, script: () => [], prompt, prepare: strictPii });
    expect(blocked.requests).toHaveLength(0);
    expect(blocked.audit.find((entry) => entry.hookEvent === 'UserPromptSubmit')).toMatchObject({
      effect: 'deny',
      ruleId: 'detectors.pii',
    });
    expect(JSON.stringify(blocked.audit)).not.toContain('4111 1111 1111 1111');
  });

  it('lets a harmless command run, turns on a disabled hooks feature, and records every event', async () => {
    const guarded = await run({
      withWarden: true,
      featureFlags: '# hooks were switched off here\nhooks = false',
      script: () => [execCommand('echo hello > greeting.txt && ls')],
    });
    expect(guarded.installOutput).toContain('[features] hooks = true');
    const config = readFileSync(path.join(guarded.codexHome, 'config.toml'), 'utf8');
    expect(config).toContain('# hooks were switched off here\nhooks = true');
    expect(config).toContain('# written by a Warden test (@warden/test-utils writeCodexConfig)');

    expect(readFileSync(path.join(guarded.workspace.project, 'greeting.txt'), 'utf8')).toBe('hello\n');
    expect(guarded.toolOutputs[0]!.output).toContain('greeting.txt');
    const events = guarded.audit.map((record) => record.hookEvent);
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
      ruleId: 'default',
      tool: 'Bash',
    });
    for (const record of guarded.audit) expect(record).toMatchObject({ agent: 'codex' });
    // Codex reported no hook failure: every Warden answer was output it accepts.
    expect(guarded.result.stdout).not.toMatch(/hook (returned invalid|exited with code)/);
  });
});
