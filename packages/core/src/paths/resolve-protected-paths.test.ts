import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeLauncher } from '../command-hook/write-launcher.js';
import { classifyPath } from './classify-path.js';
import { resolveProtectedPaths } from './resolve-protected-paths.js';

const root = realpathSync(mkdtempSync(path.join(tmpdir(), 'warden-protected-')));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const home = path.join(root, 'home');
const wardenHome = path.join(home, '.warden');
const project = path.join(root, 'project');
const nodeDir = path.join(home, '.nvm/versions/node/v24.1.0/bin');
const adapterDist = path.join(home, '.npm-global/lib/node_modules/@warden/claude-code/dist');
for (const directory of [wardenHome, project, nodeDir, adapterDist])
  mkdirSync(directory, { recursive: true });
writeFileSync(path.join(nodeDir, 'node'), '');
writeFileSync(path.join(adapterDist, 'bin.cjs'), '');
writeLauncher({
  wardenHome,
  name: 'warden-claude-code',
  nodePath: path.join(nodeDir, 'node'),
  hookScript: path.join(adapterDist, 'bin.cjs'),
  blockingEvents: ['PreToolUse'],
  failure: 'closed',
  packageName: '@warden/claude-code',
});

const env = {
  PATH: [
    path.join(home, '.local/bin'),
    nodeDir,
    path.join(project, 'bin'),
    '/usr/local/bin',
    '/usr/bin',
    '.',
  ].join(':'),
  CODEX_HOME: path.join(root, 'codex-home'),
  BASH_ENV: path.join(home, '.agent-env.sh'),
  NODE_OPTIONS: `--max-old-space-size=4096 --require ${path.join(home, 'preload.cjs')} --import=./loader.mjs`,
};
const learned = resolveProtectedPaths({
  wardenHome,
  userHome: home,
  cwd: project,
  policyFiles: [path.join(root, 'policies/team.yaml')],
  env,
  nodePath: '/opt/node/bin/node',
});
const classes = (target: string) =>
  classifyPath({ path: target, cwd: project, home, wardenHome, protectedPaths: learned });

describe('resolveProtectedPaths', () => {
  it('learns the policy files, the launchers program and Node, and the Node running now', () => {
    const guard = learned.guard.map((entry) => `${entry.scope} ${entry.path}`);
    expect(guard).toContain(`exact ${path.join(root, 'policies/team.yaml')}`);
    expect(guard).toContain(`tree ${adapterDist}`);
    expect(guard).toContain(`exact ${path.join(nodeDir, 'node')}`);
    expect(guard).toContain('exact /opt/node/bin/node');
  });

  it("learns the agent's relocated home, the files every shell or Node loads, and PATH directories outside the project", () => {
    const agent = learned.agent.map((entry) => `${entry.scope} ${entry.path}`);
    expect(agent).toContain(`settings ${env.CODEX_HOME}`);
    expect(agent).toContain(`exact ${env.BASH_ENV}`);
    expect(agent).toContain(`exact ${path.join(home, 'preload.cjs')}`);
    expect(agent).toContain(`exact ${path.join(project, 'loader.mjs')}`);
    expect(agent).toContain(`children ${path.join(home, '.local/bin')}`);
    expect(agent).toContain(`children ${nodeDir}`);
    expect(agent.some((entry) => entry.includes(path.join(project, 'bin')))).toBe(false);
    expect(agent.some((entry) => entry.endsWith(' /usr/bin'))).toBe(false);
  });
});

describe('resolveProtectedPaths and hooks installed without a launcher', () => {
  it("learns the Node and the program the agents' hook settings run, quoted or not", () => {
    const other = realpathSync(mkdtempSync(path.join(tmpdir(), 'warden-hook-settings-')));
    try {
      const userHome = path.join(other, 'home');
      const cwd = path.join(other, 'project');
      mkdirSync(path.join(userHome, '.claude'), { recursive: true });
      mkdirSync(path.join(cwd, '.codex'), { recursive: true });
      const hooks = (command: string) =>
        JSON.stringify({ hooks: { PreToolUse: [{ matcher: '*', hooks: [{ type: 'command', command }] }] } });
      writeFileSync(
        path.join(userHome, '.claude', 'settings.json'),
        hooks("'/opt/node 24/bin/node' '/srv/warden-dev/packages/claude-code/dist/bin.cjs' hook"),
      );
      writeFileSync(path.join(cwd, '.codex', 'hooks.json'), hooks(`node ${cwd}/scripts/check.cjs`));
      const found = resolveProtectedPaths({
        wardenHome: path.join(userHome, '.warden'),
        userHome,
        cwd,
        env: {},
      });
      const guard = found.guard.map((entry) => `${entry.scope} ${entry.path}`);
      expect(guard).toContain('exact /opt/node 24/bin/node');
      expect(guard).toContain('tree /srv/warden-dev/packages/claude-code/dist');
      // A project's own hook script is protected as one file, not its whole directory.
      expect(guard).toContain(`exact ${cwd}/scripts/check.cjs`);
      expect(guard.some((entry) => entry.endsWith(` ${cwd}/scripts`))).toBe(false);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  it('reads no program from settings of another shape, and still reads the well-formed ones', () => {
    const other = realpathSync(mkdtempSync(path.join(tmpdir(), 'warden-hook-settings-')));
    try {
      const userHome = path.join(other, 'home');
      const cwd = path.join(other, 'project');
      mkdirSync(path.join(userHome, '.claude'), { recursive: true });
      mkdirSync(path.join(userHome, '.codex'), { recursive: true });
      mkdirSync(path.join(cwd, '.claude'), { recursive: true });
      mkdirSync(path.join(cwd, '.codex'), { recursive: true });
      const handler = (command: unknown) => ({ hooks: [{ type: 'command', command }] });
      // Each malformed file names a program that must not be learned from it.
      writeFileSync(
        path.join(userHome, '.claude', 'settings.json'),
        JSON.stringify({ hooks: { PreToolUse: [handler('/bad/one'), handler(7)] } }),
      );
      writeFileSync(
        path.join(userHome, '.codex', 'hooks.json'),
        JSON.stringify({ hooks: { PreToolUse: [handler('/bad/two'), 'not a group'] } }),
      );
      writeFileSync(
        path.join(cwd, '.claude', 'settings.json'),
        JSON.stringify({ hooks: [{ hooks: [{ command: '/bad/three' }] }] }),
      );
      writeFileSync(
        path.join(cwd, '.codex', 'hooks.json'),
        JSON.stringify({ hooks: { Stop: [{ matcher: '' }], PreToolUse: [handler('/good/hook.sh run')] } }),
      );
      const found = resolveProtectedPaths({
        wardenHome: path.join(userHome, '.warden'),
        userHome,
        cwd,
        env: {},
      });
      const guard = found.guard.map((entry) => `${entry.scope} ${entry.path}`);
      expect(guard).toContain('exact /good/hook.sh');
      expect(guard.some((entry) => entry.includes('/bad/'))).toBe(false);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  it('names nothing for missing or malformed settings', () => {
    const found = resolveProtectedPaths({
      wardenHome: '/nonexistent/.warden',
      userHome: '/nonexistent',
      env: {},
    });
    expect(found.guard.filter((entry) => entry.why !== 'the Node the hooks run')).toEqual([]);
  });
});

describe('classifyPath with what the live configuration protects', () => {
  it('protects a policy file outside Warden home, and the directories that hold it', () => {
    expect(classes(path.join(root, 'policies/team.yaml'))).toContain('guard_config');
    expect(classes(path.join(root, 'policies'))).toContain('guard_config');
    expect(classes(path.join(root, 'policies/other.yaml'))).not.toContain('guard_config');
  });

  it('protects the hook code and the Node the launcher names, but not the home or project above them', () => {
    expect(classes(path.join(adapterDist, 'bin.cjs'))).toContain('guard_config');
    expect(classes(path.join(adapterDist, 'chunk-abc.cjs'))).toContain('guard_config');
    expect(classes(path.join(nodeDir, 'node'))).toContain('guard_config');
    expect(classes(path.join(home, '.nvm'))).toContain('guard_config');
    expect(classes(home)).not.toContain('guard_config');
    expect(classes(project)).not.toContain('guard_config');
    expect(classes(root)).not.toContain('guard_config');
  });

  it('protects any installed @warden package, wherever node_modules is', () => {
    expect(classes('/usr/lib/node_modules/@warden/codex/dist/bin.cjs')).toContain('guard_config');
    expect(classes(path.join(project, 'node_modules/@warden/core/package.json'))).toContain('guard_config');
    expect(classes(path.join(project, 'node_modules/@wardenx/core/package.json'))).not.toContain(
      'guard_config',
    );
  });

  it("protects the relocated agent home's settings, not its sessions", () => {
    expect(classes(path.join(env.CODEX_HOME, 'hooks.json'))).toContain('agent_config');
    expect(classes(path.join(env.CODEX_HOME, 'config.toml'))).toContain('agent_config');
    expect(classes(path.join(env.CODEX_HOME, 'sessions/2026/12/07/rollout.jsonl'))).not.toContain(
      'agent_config',
    );
  });

  it('protects a new file in a PATH directory (it would shadow a program) but not in its subdirectories', () => {
    expect(classes(path.join(home, '.local/bin/git'))).toContain('agent_config');
    expect(classes(path.join(nodeDir, 'npx'))).toContain('agent_config');
    expect(classes(path.join(home, '.local/bin/sub/tool'))).not.toContain('agent_config');
    expect(classes(path.join(project, 'bin/dev'))).not.toContain('agent_config');
  });

  it('protects the files the environment makes every shell and every Node load', () => {
    expect(classes(env.BASH_ENV)).toContain('agent_config');
    expect(classes(path.join(home, 'preload.cjs'))).toContain('agent_config');
    expect(classes(path.join(project, 'loader.mjs'))).toContain('agent_config');
  });

  it('adds nothing without a learned set', () => {
    expect(
      classifyPath({ path: path.join(root, 'policies/team.yaml'), cwd: project, home, wardenHome }),
    ).not.toContain('guard_config');
  });
});
