import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeLauncher } from '../command-hook/write-launcher.js';
import type { DecideConfig } from '../decide.js';
import { decide } from '../decide.js';
import { analyzeShell } from '../shell/analyze-shell.js';
import { bash, configFor, toolEvent } from '../test-helpers.js';
import { PROTECT_CORPUS } from './__fixtures__/protect-corpus.js';
import { resolveProtectedPaths } from './resolve-protected-paths.js';

const HOME = '/home/u';
const PROJECT = '/work/proj';
const INFORMATIONAL = new Set(['shell.inline_code']);

// The launcher is read from disk, as the hook reads it; everything else is the environment.
const launchers = mkdtempSync(path.join(tmpdir(), 'warden-protect-corpus-'));
afterAll(() => rmSync(launchers, { recursive: true, force: true }));
writeLauncher({
  wardenHome: launchers,
  name: 'warden-claude-code',
  nodePath: '/home/u/.nvm/versions/node/v24.11.0/bin/node',
  hookScript: '/home/u/.npm-global/lib/node_modules/@warden/claude-code/dist/bin.cjs',
  blockingEvents: ['PreToolUse'],
  failure: 'closed',
  packageName: '@warden/claude-code',
});
const config: DecideConfig = {
  ...configFor({ extends: 'recommended' }, 'enforce', HOME),
  protectedPaths: resolveProtectedPaths({
    wardenHome: launchers,
    userHome: HOME,
    cwd: PROJECT,
    policyFiles: ['/work/policies/team.yaml', '/home/u/dotfiles/warden/base.yaml'],
    nodePath: '/home/u/.nvm/versions/node/v24.11.0/bin/node',
    env: {
      PATH: '/home/u/go/bin:/home/u/.nvm/versions/node/v24.11.0/bin:/work/proj/node_modules/.bin:/usr/bin:/bin',
      CODEX_HOME: '/home/u/agents/codex',
      CLAUDE_CONFIG_DIR: '/home/u/agents/claude',
      BASH_ENV: '/home/u/.config/agent-env.sh',
      NODE_OPTIONS: '--require /home/u/.config/node-preload.cjs',
    },
  }),
};

describe('self-protection corpus', () => {
  it('holds at least 100 fresh cases, dangerous and everyday', () => {
    expect(PROTECT_CORPUS.length).toBeGreaterThanOrEqual(100);
    expect(PROTECT_CORPUS.filter((entry) => entry.effect === 'allow').length).toBeGreaterThanOrEqual(40);
    const keys = PROTECT_CORPUS.map((entry) => entry.command ?? JSON.stringify(entry.tool));
    expect(new Set(keys).size).toBe(keys.length);
  });

  for (const entry of PROTECT_CORPUS) {
    const label = entry.command ?? `${entry.tool!.name} ${JSON.stringify(entry.tool!.input)}`;
    it(`${entry.effect} ${JSON.stringify(label).slice(0, 110)}`, () => {
      let decision: ReturnType<typeof decide>;
      if (entry.command !== undefined) {
        const analysis = analyzeShell({ command: entry.command, cwd: PROJECT, home: HOME });
        const programs = analysis.commands.map((command) => command.program);
        for (const program of entry.programs) expect(programs).toContain(program);
        const findings = [...new Set(analysis.findings.map((finding) => finding.id))].filter(
          (id) => !INFORMATIONAL.has(id),
        );
        expect(findings.sort()).toEqual([...entry.findings].sort());
        decision = decide(bash(entry.command, { cwd: PROJECT }), config);
      } else {
        const { name, input, agent } = entry.tool!;
        decision = decide(toolEvent(name, input, { cwd: PROJECT, agent: agent ?? 'claude-code' }), config);
        expect(decision.findings.map((finding) => finding.id)).toEqual(entry.findings);
      }
      if (decision.effect !== entry.effect || decision.ruleId !== entry.rule)
        console.log(
          label,
          decision.effect,
          decision.ruleId,
          JSON.stringify(decision.trace.map((t) => t.ruleId + ':' + t.matched)),
        );
      expect({ effect: decision.effect, ruleId: decision.ruleId }).toEqual({
        effect: entry.effect,
        ruleId: entry.rule,
      });
    });
  }
});
