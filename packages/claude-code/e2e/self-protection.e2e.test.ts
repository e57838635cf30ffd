import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  createAgentWorkspace,
  readVerifiedAudit,
  runClaude,
  startScriptedAnthropicServer,
} from '@warden/test-utils';
import { describe, expect, it } from 'vitest';

// One real Claude Code session (scripted model on loopback, Warden installed by its own `install`)
// whose policy lives outside Warden's home, named by WARDEN_POLICY. The agent tries to overwrite
// it, edit it, rewrite it from the shell, link it and move it away; every attempt is denied by a
// self-protection rule and the file is unchanged. Reading it stays allowed.

const bin = fileURLToPath(new URL('../dist/bin.cjs', import.meta.url));
const POLICY = `extends: recommended
rules:
  - id: team.no-netcat
    effect: deny
    actions: [shell.exec]
    when: { programs: [nc, ncat, netcat] }
    reason: The team policy forbids netcat.
`;

describe('Claude Code and a policy file outside Warden home', () => {
  it('denies every attempt to change the policy named by WARDEN_POLICY and leaves it unchanged', async () => {
    const workspace = await createAgentWorkspace({ prefix: 'warden-cc-protect-' });
    try {
      const { home, project, root } = workspace;
      const policyDir = path.join(root, 'team-policies');
      mkdirSync(policyDir, { recursive: true, mode: 0o700 });
      const policy = path.join(policyDir, 'warden.yaml');
      writeFileSync(policy, POLICY, { mode: 0o600 });
      const output = execFileSync(process.execPath, [bin, 'install', '--scope', 'user'], {
        env: { PATH: process.env.PATH, HOME: home },
        encoding: 'utf8',
      });
      expect(output).toContain('Installed Warden');

      const cases: Array<{ tool: string; input: Record<string, unknown>; effect: string; rule: string }> = [
        {
          tool: 'Write',
          input: { file_path: policy, content: 'rules: []\n' },
          effect: 'deny',
          rule: 'guard.protect-config-files',
        },
        {
          tool: 'Edit',
          input: { file_path: policy, old_string: 'effect: deny', new_string: 'effect: allow' },
          effect: 'deny',
          rule: 'guard.protect-config-files',
        },
        {
          tool: 'Bash',
          input: { command: `printf 'rules: []\\n' > ${policy}` },
          effect: 'deny',
          rule: 'guard.protect-config-shell',
        },
        {
          tool: 'Bash',
          input: { command: `sed -i 's/effect: deny/effect: allow/' ${policy}` },
          effect: 'deny',
          rule: 'guard.protect-config-shell',
        },
        {
          tool: 'Bash',
          input: { command: `ln -s ${policy} ./policy-link.yaml` },
          effect: 'deny',
          rule: 'guard.protect-config-link',
        },
        {
          tool: 'Bash',
          input: { command: `mv ${policyDir} ${root}/moved-away` },
          effect: 'deny',
          rule: 'guard.protect-config-shell',
        },
        { tool: 'Bash', input: { command: 'nc -z 127.0.0.1 9' }, effect: 'deny', rule: 'team.no-netcat' },
        { tool: 'Read', input: { file_path: policy }, effect: 'allow', rule: 'default' },
      ];
      const server = await startScriptedAnthropicServer({
        script: cases.map((entry) => ({ toolUse: { name: entry.tool, input: entry.input } })),
      });
      let toolResults: ReturnType<typeof server.toolResults>;
      try {
        const result = await runClaude({
          prompt: 'relax the policy',
          baseUrl: server.url,
          cwd: project,
          home,
          extraEnv: { WARDEN_POLICY: policy },
          timeoutMs: 120_000,
        });
        expect(result.timedOut).toBe(false);
        toolResults = server.toolResults();
      } finally {
        await server.close();
      }

      const blocked = toolResults.map((result) => result.isError === true);
      expect(blocked).toEqual(cases.map((entry) => entry.effect !== 'allow'));
      // The Read went through and showed the policy to the agent.
      expect(String(toolResults[cases.length - 1]?.content)).toContain('team.no-netcat');
      expect(readFileSync(policy, 'utf8')).toBe(POLICY);
      expect(existsSync(path.join(project, 'policy-link.yaml'))).toBe(false);
      expect(existsSync(path.join(root, 'moved-away'))).toBe(false);

      const decisions = readVerifiedAudit({ auditDir: path.join(home, '.warden', 'audit') })
        .filter((record) => record.hookEvent === 'PreToolUse')
        .map((record) => ({ effect: record.effect, rule: record.ruleId }));
      expect(decisions).toEqual(cases.map((entry) => ({ effect: entry.effect, rule: entry.rule })));
    } finally {
      await workspace.remove();
    }
  }, 240_000);
});
