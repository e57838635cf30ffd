import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { classifyPath, globReach, isSecretName, resolvePath, resolveSymlinks } from './classify-path.js';

const context = { cwd: '/work/proj', home: '/home/u', wardenHome: '/home/u/.warden' };
const classes = (target: string) => classifyPath({ path: target, ...context }).sort();

describe('resolvePath', () => {
  it('expands ~ and $HOME and normalises against cwd', () => {
    expect(resolvePath({ path: '~/x/../y', cwd: '/a', home: '/home/u' })).toBe('/home/u/y');
    expect(resolvePath({ path: '$HOME', cwd: '/a', home: '/home/u' })).toBe('/home/u');
    expect(resolvePath({ path: `\${HOME}/z`, cwd: '/a', home: '/home/u' })).toBe('/home/u/z');
    expect(resolvePath({ path: '../b', cwd: '/a/c', home: '/home/u' })).toBe('/a/b');
  });
});

describe('classifyPath', () => {
  it('classifies the root, home, system, temporary and project locations', () => {
    expect(classes('/')).toEqual(['outside_project', 'root']);
    expect(classes('/home/u')).toEqual(['home', 'outside_project']);
    expect(classes('/etc/hosts')).toEqual(['outside_project', 'system']);
    expect(classes('/tmp/x')).toEqual(['outside_project', 'tmp']);
    expect(classes('src/app.ts')).toEqual(['project']);
    expect(classes('../other')).toEqual(['outside_project']);
  });

  it('counts start-up files of interpreters, notebooks and debuggers as autorun', () => {
    for (const file of [
      '/home/u/.jupyter/jupyter_notebook_config.py',
      '/home/u/.jupyter/jupyter_server_config.json',
      '/home/u/.ipython/profile_default/ipython_config.py',
      '/home/u/.Rprofile',
      '/home/u/.gdbinit',
      '/home/u/.psqlrc',
      '/home/u/.cargo/config.toml',
    ])
      expect(classes(file), file).toContain('autorun');
    expect(classes('/home/u/.jupyter/lab/workspaces/default.json')).not.toContain('autorun');
    expect(classes('/home/u/.cargo/registry/cache/x.crate')).not.toContain('autorun');
  });

  it('counts the directories that hold the home as the home (recursive changes reach it)', () => {
    expect(classes('/home')).toEqual(['home', 'outside_project']);
    const mac = { cwd: '/Users/ana/proj', home: '/Users/ana', wardenHome: '/Users/ana/.warden' };
    expect(classifyPath({ path: '/Users', ...mac })).toContain('home');
    expect(classifyPath({ path: '/Users/bob', ...mac })).not.toContain('home');
    expect(classes('/home/other')).not.toContain('home');
  });

  it('keeps a home directory that lives under /tmp a home, not scratch space', () => {
    const context = { cwd: '/tmp/ci/project', home: '/tmp/ci/home', wardenHome: '/tmp/ci/home/.warden' };
    expect(classifyPath({ path: '/tmp/ci/home/important', ...context })).not.toContain('tmp');
    expect(classifyPath({ path: '/tmp/ci/scratch', ...context })).toContain('tmp');
  });

  it('treats block devices as devices and /dev/null as harmless', () => {
    expect(classes('/dev/sda')).toContain('device');
    expect(classes('/dev/nvme0n1p2')).toContain('device');
    expect(classes('/dev/null')).toEqual(['outside_project']);
  });

  it('tells a secret by its file name alone', () => {
    for (const name of ['id_rsa', '.env', 'credentials', 'server.pem'])
      expect(isSecretName(name), name).toBe(true);
    for (const name of ['id_rsa.pub', '.env.example', 'app.log', 'README.md'])
      expect(isSecretName(name), name).toBe(false);
  });

  it('recognises secrets by name and by directory, but not example files or public keys', () => {
    for (const file of [
      '.env',
      '.env.production',
      'config/.env.local',
      'server.pem',
      'id_ed25519',
      '/home/u/.aws/credentials',
      '/home/u/.kube/config',
      '/home/u/.npmrc',
      '/home/u/.config/gh/hosts.yml',
      '/etc/shadow',
      '/home/u/.ssh/authorized_keys',
      // A process's environment holds its tokens.
      '/proc/1/environ',
      '/proc/self/environ',
    ]) {
      expect(classes(file), file).toContain('secret');
    }
    for (const file of [
      '.env.example',
      '.env.local.example',
      '/home/u/.ssh/id_ed25519.pub',
      '/home/u/.ssh/known_hosts',
      'src/env.ts',
      '/proc/1/status',
      '/proc/self/cmdline',
    ]) {
      expect(classes(file), file).not.toContain('secret');
    }
  });

  it('recognises shell start-up files, the guard config and the agents settings', () => {
    expect(classes('/home/u/.bashrc')).toContain('shell_rc');
    expect(classes('/home/u/.config/fish/config.fish')).toContain('shell_rc');
    expect(classes('/etc/profile.d/x.sh')).toContain('shell_rc');
    expect(classes('/home/u/.warden/policy.yaml')).toContain('guard_config');
    expect(classes('/home/u/.claude/settings.json')).toContain('agent_config');
    expect(classes('.claude/settings.local.json')).toContain('agent_config');
    expect(classes('/home/u/.codex/hooks.json')).toContain('agent_config');
    expect(classes('.mcp.json')).toContain('agent_config');
    expect(classes('/home/u/.claude/projects/x.jsonl')).not.toContain('agent_config');
  });

  describe('with symlinks on disk', () => {
    const root = realpathSync(mkdtempSync(path.join(tmpdir(), 'warden-paths-')));
    const project = path.join(root, 'project');
    const outside = path.join(root, 'outside');
    mkdirSync(project);
    mkdirSync(outside);
    writeFileSync(path.join(outside, 'data.txt'), 'x');
    symlinkSync(outside, path.join(project, 'link'));
    symlinkSync('/etc', path.join(project, 'etc-link'));
    afterAll(() => rmSync(root, { recursive: true, force: true }));
    const onDisk = {
      cwd: project,
      home: path.join(root, 'home'),
      wardenHome: path.join(root, 'home/.warden'),
    };

    it('follows links to where they point', () => {
      expect(resolveSymlinks({ path: path.join(project, 'link/data.txt') })).toBe(
        path.join(outside, 'data.txt'),
      );
      expect(resolveSymlinks({ path: path.join(project, 'link/new-file') })).toBe(
        path.join(outside, 'new-file'),
      );
    });

    it('classifies a link inside the project by its target too', () => {
      const linked = classifyPath({ path: 'link/data.txt', ...onDisk });
      expect(linked).toContain('outside_project');
      expect(linked).not.toContain('project');
      expect(classifyPath({ path: 'etc-link/hosts', ...onDisk })).toContain('system');
      expect(classifyPath({ path: 'link/data.txt', followSymlinks: false, ...onDisk })).toContain('project');
    });
  });
});

describe('globReach', () => {
  const reach = (pattern: string) => globReach({ pattern, cwd: '/work/proj', home: '/home/u' });
  it('returns the directory a glob can reach', () => {
    expect(reach('/tmp/*.log')).toBe('/tmp');
    expect(reach('*')).toBe('/work/proj');
    expect(reach('src/**/*.ts')).toBe('/work/proj/src');
    expect(reach('~/*')).toBe('/home/u');
    expect(reach('/*')).toBe('/');
  });

  it('sees globs that climb out of the project', () => {
    expect(reach('../*')).toBe('/work');
    expect(reach('.*')).toBe('/work');
    expect(reach('*/..')).toBe('/work/proj');
    expect(reach('*/../..')).toBe('/work');
    expect(reach('.[!.]*')).toBe('/work/proj');
  });
});
