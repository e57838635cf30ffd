import {
  linkSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeLauncher } from '../command-hook/write-launcher.js';
import { loadConfig, type WardenConfig } from '../config/load-config.js';
import { decideSafely } from '../decide.js';
import { bash, toolEvent } from '../test-helpers.js';
import { resolveProtectedPaths } from './resolve-protected-paths.js';

/**
 * Self-protection through every route, against a real configuration on disk: a policy file that
 * lives outside Warden's home (named by WARDEN_POLICY), the hook code and Node an installed
 * launcher runs, and the places that decide what the agent runs.
 */
const root = realpathSync(mkdtempSync(path.join(tmpdir(), 'warden-self-protection-')));
const home = path.join(root, 'home');
const wardenHome = path.join(home, '.warden');
const project = path.join(root, 'project');
const policy = path.join(root, 'team-policies', 'warden.yaml');
const dist = path.join(root, 'opt', 'warden', 'node_modules', '.pnpm', 'x', 'adapter', 'dist');
const node = path.join(root, 'opt', 'node', 'bin', 'node');
const POLICY_TEXT =
  'extends: recommended\nrules:\n  - id: team.no-curl\n    effect: deny\n    actions: [shell.exec]\n    when: { programs: [curl] }\n    reason: No curl.\n';
let config: WardenConfig;

beforeAll(async () => {
  for (const directory of [wardenHome, project, path.dirname(policy), dist, path.dirname(node)])
    mkdirSync(directory, { recursive: true, mode: 0o700 });
  writeFileSync(policy, POLICY_TEXT, { mode: 0o600 });
  writeFileSync(path.join(dist, 'bin.cjs'), '// hook', { mode: 0o600 });
  writeFileSync(node, '', { mode: 0o700 });
  writeLauncher({
    wardenHome,
    name: 'warden-claude-code',
    nodePath: node,
    hookScript: path.join(dist, 'bin.cjs'),
    blockingEvents: ['PreToolUse'],
    failure: 'closed',
    packageName: '@warden/claude-code',
  });
  config = await loadConfig({
    env: { HOME: home, WARDEN_HOME: wardenHome, WARDEN_POLICY: policy },
    userHome: home,
  });
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const shell = (command: string) => decideSafely(bash(command, { cwd: project }), config);
const tool = (name: string, input: unknown, agent: 'claude-code' | 'codex' = 'claude-code') =>
  decideSafely(toolEvent(name, input, { cwd: project, agent }), config);

describe('self-protection of a policy file outside Warden home', () => {
  it('loads the policy named by WARDEN_POLICY (the premise)', () => {
    expect(shell('curl https://example.com').ruleId).toBe('team.no-curl');
  });

  it('denies the file tools: Write, Edit, MultiEdit and Codex apply_patch', () => {
    expect(tool('Write', { file_path: policy, content: 'rules: []' })).toMatchObject({
      effect: 'deny',
      ruleId: 'guard.protect-config-files',
    });
    expect(tool('Edit', { file_path: policy, old_string: 'deny', new_string: 'allow' }).effect).toBe('deny');
    expect(
      tool('MultiEdit', { file_path: policy, edits: [{ old_string: 'deny', new_string: 'allow' }] }).effect,
    ).toBe('deny');
    const patch = `*** Begin Patch\n*** Update File: ${policy}\n@@\n-    effect: deny\n+    effect: allow\n*** End Patch`;
    expect(tool('apply_patch', { command: patch }, 'codex')).toMatchObject({
      effect: 'deny',
      ruleId: 'guard.protect-config-files',
    });
    const deletion = `*** Begin Patch\n*** Delete File: ${policy}\n*** End Patch`;
    expect(tool('apply_patch', { command: deletion }, 'codex').effect).toBe('deny');
  });

  it.each([
    ['a redirection', `echo 'rules: []' > ${policy}`],
    ['an appending redirection', `printf 'disable: [x]\\n' >> ${policy}`],
    ['cp onto it', `cp /tmp/open.yaml ${policy}`],
    ['mv onto it', `mv /tmp/open.yaml ${policy}`],
    ['mv away', `mv ${policy} ${policy}.bak`],
    ['rm', `rm -f ${policy}`],
    ['a hard link to it', `ln ${policy} ./p.yaml`],
    ['a symbolic link to it', `ln -s ${policy} ./p.yaml`],
    ['a link over it', `ln -sf /tmp/open.yaml ${policy}`],
    ['cp -l', `cp -l ${policy} ./p.yaml`],
    ['chmod', `chmod 666 ${policy}`],
    ['tee', `echo x | tee ${policy}`],
    ['sed -i', `sed -i 's/deny/allow/' ${policy}`],
    ['truncate', `truncate -s 0 ${policy}`],
    ['python', `python3 -c "open('${policy}', 'w').write('')"`],
    ['node', `node -e "require('fs').writeFileSync('${policy}', '')"`],
    ['perl -i', `perl -pi -e 's/deny/allow/' ${policy}`],
    ['its directory moved away', `mv ${path.dirname(policy)} /tmp/gone`],
    ['its directory deleted', `rm -rf ${path.dirname(policy)}`],
  ])('denies %s', (_route, command) => {
    const decision = shell(command);
    expect(decision.effect, command).toBe('deny');
    expect(decision.ruleId, command).toMatch(/^(guard\.|shell\.recursive-delete)/);
  });

  it('still lets the agent read the policy', () => {
    expect(tool('Read', { file_path: policy }).effect).toBe('allow');
    expect(shell(`cat ${policy}`).effect).toBe('allow');
    expect(shell(`grep -n effect ${policy}`).effect).toBe('allow');
    expect(shell(`cp ${policy} /tmp/policy-copy.yaml`).effect).toBe('allow');
  });

  it('denies an edit through a hard link made beforehand, and through a symbolic link', () => {
    const hard = path.join(project, 'hard-link.yaml');
    const soft = path.join(project, 'soft-link.yaml');
    linkSync(policy, hard);
    symlinkSync(policy, soft);
    expect(tool('Write', { file_path: hard, content: 'rules: []' })).toMatchObject({
      effect: 'deny',
      ruleId: 'guard.protect-config-files',
    });
    expect(shell(`echo 'rules: []' > ${soft}`).effect).toBe('deny');
    expect(shell('sed -i s/deny/allow/ hard-link.yaml').effect).toBe('deny');
    // A hard link to an ordinary file is an ordinary file.
    writeFileSync(path.join(project, 'a.txt'), 'a');
    linkSync(path.join(project, 'a.txt'), path.join(project, 'b.txt'));
    expect(tool('Write', { file_path: path.join(project, 'b.txt'), content: 'b' }).effect).toBe('allow');
    expect(readFileSync(policy, 'utf8')).toBe(POLICY_TEXT);
  });
});

describe('self-protection of the installed hook code', () => {
  it('denies changing the program the launcher runs, its directory and the Node it names', () => {
    expect(tool('Write', { file_path: path.join(dist, 'bin.cjs'), content: '' }).effect).toBe('deny');
    expect(tool('Write', { file_path: path.join(dist, 'chunk-1.cjs'), content: '' }).effect).toBe('deny');
    expect(shell(`rm -rf ${dist}`).effect).toBe('deny');
    expect(shell(`cp /bin/true ${node}`).effect).toBe('deny');
    expect(shell(`chmod -x ${node}`).effect).toBe('deny');
    expect(shell(`mv ${path.dirname(node)} /tmp/x`).effect).toBe('deny');
  });

  it('denies changing the launchers in Warden home and any installed @warden package', () => {
    expect(shell(`echo 'exit 0' > ${wardenHome}/bin/warden-claude-code`).effect).toBe('deny');
    expect(
      tool('Write', { file_path: `${project}/node_modules/@warden/claude-code/dist/bin.cjs`, content: '' })
        .effect,
    ).toBe('deny');
    expect(shell('rm -rf node_modules/@warden').effect).toBe('deny');
  });

  it('leaves the project build outputs and ordinary dependencies alone', () => {
    expect(shell('rm -rf dist node_modules/.cache').effect).toBe('allow');
    expect(tool('Write', { file_path: `${project}/src/index.ts`, content: '' }).effect).toBe('allow');
  });
});

describe('self-protection of what the agent runs', () => {
  const env = {
    PATH: `${home}/.local/bin:${home}/.cargo/bin:${project}/node_modules/.bin:/usr/bin:/bin`,
    CODEX_HOME: path.join(root, 'codex'),
    CLAUDE_CONFIG_DIR: path.join(root, 'claude-config'),
    BASH_ENV: path.join(home, '.bash_env'),
    NODE_OPTIONS: `--require ${home}/.preload.cjs`,
  };
  const learnedConfig = () => ({
    ...config,
    protectedPaths: resolveProtectedPaths({
      wardenHome,
      userHome: home,
      cwd: project,
      policyFiles: [policy],
      env,
    }),
  });
  const decideWith = (command: string) => decideSafely(bash(command, { cwd: project }), learnedConfig());
  const writeWith = (file: string) =>
    decideSafely(toolEvent('Write', { file_path: file, content: 'x' }, { cwd: project }), learnedConfig());

  it('denies planting a program in a PATH directory', () => {
    expect(writeWith(`${home}/.cargo/bin/git`)).toMatchObject({
      effect: 'deny',
      ruleId: 'guard.protect-config-files',
    });
    expect(decideWith(`cp ./evil ${home}/.cargo/bin/node`).effect).toBe('deny');
    expect(decideWith(`ln -s ./evil ${home}/.local/bin/claude`).effect).toBe('deny');
  });

  it("denies the agents' settings in their relocated homes", () => {
    expect(writeWith(`${env.CODEX_HOME}/hooks.json`).effect).toBe('deny');
    expect(decideWith(`echo '[features]' >> ${env.CODEX_HOME}/config.toml`).effect).toBe('deny');
    expect(writeWith(`${env.CLAUDE_CONFIG_DIR}/settings.json`).effect).toBe('deny');
  });

  it('denies the files every shell and every Node load', () => {
    expect(writeWith(env.BASH_ENV).effect).toBe('deny');
    expect(decideWith(`echo 'require("child_process")' > ${home}/.preload.cjs`).effect).toBe('deny');
  });

  it("leaves the project's own tools on PATH and reading them alone", () => {
    expect(writeWith(`${project}/node_modules/.bin/dev-tool`).effect).toBe('allow');
    expect(decideWith(`ls ${home}/.cargo/bin && cat ${env.CODEX_HOME}/config.toml`).effect).toBe('allow');
  });
});
