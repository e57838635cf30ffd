import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from '@decimalturn/toml-patch';
import { createTempDir } from '@warden/test-utils';
import { describe, expect, it } from 'vitest';
import { runCli } from './cli.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

/** Every `warden-codex ...` line of the README's shell blocks, without comments and redirections. */
function readmeCommands(): string[][] {
  const blocks = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)].map((match) => match[1]!);
  return blocks
    .flatMap((block) => block.split('\n'))
    .map((line) => line.replace(/#.*$/, '').replace(/>.*$/, '').trim())
    .filter((line) => line.startsWith('warden-codex '))
    .map((line) => line.split(/\s+/).slice(1));
}

describe('README', () => {
  it('runs every warden-codex command it shows, in order', async () => {
    await using root = await createTempDir({ prefix: 'warden-codex-readme-' });
    const home = path.join(root.path, 'home');
    const project = path.join(root.path, 'repo');
    mkdirSync(path.join(home, '.codex'), { recursive: true });
    mkdirSync(project);
    const env = { HOME: home, CODEX_HOME: path.join(home, '.codex'), PATH: process.env.PATH };
    const commands = readmeCommands();
    expect(commands.map((argv) => argv[0])).toEqual([
      'install',
      'install',
      'status',
      'managed',
      'managed',
      'uninstall',
      'install',
      'status',
      'install',
    ]);
    for (const argv of commands) {
      const extra = argv.includes('project') ? ['--project-dir', project] : [];
      // Codex itself is not asked here: the e2e test runs the real one.
      const result = await runCli({ argv: [...argv, ...extra, '--codex', '/nonexistent/codex'], env });
      // status exits 1 here: nobody has trusted the hooks in /hooks.
      expect(result.exitCode, argv.join(' ')).toBe(argv[0] === 'status' ? 1 : 0);
      expect(result.stdout, argv.join(' ')).not.toBe('');
      if (argv[0] === 'managed') expect(() => parse(result.stdout)).not.toThrow();
    }
  });
});
