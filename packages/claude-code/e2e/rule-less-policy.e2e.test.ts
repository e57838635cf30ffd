import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readAuditLog } from '@warden/core';
import { createAgentWorkspace, runClaude, startScriptedAnthropicServer } from '@warden/test-utils';
import { describe, expect, it } from 'vitest';

// A real Claude Code session under a policy with no protections (`rules: []`): Warden keeps the
// recommended pack's rules, so the agent's recursive delete of a folder in the home directory is
// denied and the folder stays; the session is told once, in its own channel, and the audit log
// records the warning with every event.

const bin = fileURLToPath(new URL('../dist/bin.cjs', import.meta.url));
const WARNING = /no rule that denies or asks.*keeps the recommended pack's protections/;

describe('Claude Code under a rule-less policy', () => {
  it('keeps the recommended protections, and warns the session once', async () => {
    const workspace = await createAgentWorkspace({ prefix: 'warden-cc-ruleless-' });
    try {
      const { home, project, root } = workspace;
      const victim = path.join(home, 'thesis');
      mkdirSync(victim, { recursive: true });
      writeFileSync(path.join(victim, 'chapter-1.md'), 'years of work\n');
      const policy = path.join(root, 'empty-policy.yaml');
      writeFileSync(policy, 'rules: []\n', { mode: 0o600 });
      execFileSync(process.execPath, [bin, 'install', '--scope', 'user'], {
        env: { PATH: process.env.PATH, HOME: home },
        encoding: 'utf8',
      });

      const server = await startScriptedAnthropicServer({
        script: [
          { toolUse: { name: 'Bash', input: { command: 'ls' } } },
          { toolUse: { name: 'Bash', input: { command: `rm -rf ${victim}` } } },
        ],
      });
      let result: Awaited<ReturnType<typeof runClaude>>;
      let toolResults: ReturnType<typeof server.toolResults>;
      try {
        result = await runClaude({
          prompt: 'clean up',
          baseUrl: server.url,
          cwd: project,
          home,
          extraEnv: { WARDEN_POLICY: policy },
          timeoutMs: 120_000,
        });
        toolResults = server.toolResults();
      } finally {
        await server.close();
      }
      expect(result.timedOut).toBe(false);
      expect(toolResults.map((entry) => entry.isError === true)).toEqual([false, true]);
      expect(existsSync(path.join(victim, 'chapter-1.md'))).toBe(true);
      // Told in the session's own channel, once however many hooks ran.
      const told = result.stdout.split('\n').filter((line) => WARNING.test(line));
      expect(told).toHaveLength(1);
      expect(told[0]).toContain('"systemMessage'); // the first hook's answer (SessionStart)
      const records = [...readAuditLog({ auditDir: path.join(home, '.warden', 'audit') })].map(
        (line) =>
          line.record as { hookEvent?: string; ruleId?: string; meta?: { policyWarnings?: string[] } },
      );
      const pre = records.filter((record) => record.hookEvent === 'PreToolUse');
      expect(pre.map((record) => record.ruleId)).toEqual([
        'default',
        'shell.recursive-delete-outside-project',
      ]);
      for (const record of records) expect(record.meta?.policyWarnings?.[0]).toMatch(WARNING);
    } finally {
      await workspace.remove();
    }
  }, 240_000);
});
