import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../dist/bin.cjs', import.meta.url));
const input = readFileSync(new URL('./__fixtures__/claude-code-PreToolUse.json', import.meta.url));

let home: string;
beforeEach(() => {
  home = mkdtempSync(path.join(os.tmpdir(), 'warden-bin-'));
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

function hook(command = 'touch /tmp/pwned'): string {
  const payload = JSON.parse(input.toString());
  payload.tool_input.command = command;
  return execFileSync(process.execPath, [bin, 'hook'], {
    input: JSON.stringify(payload),
    env: { PATH: process.env.PATH, HOME: home },
    encoding: 'utf8',
  });
}

const cacheDir = () => path.join(home, '.warden', 'cache');

describe('warden-claude-code hook (the built command)', () => {
  it('keeps a V8 code cache of the hook bundle in its private home, written once', () => {
    expect(hook()).toBe('');
    const [cache] = readdirSync(cacheDir());
    expect(cache).toMatch(/^hook\.cjs-v\d+\.\d+\.\d+-.*\.v8cache$/);
    expect(statSync(cacheDir()).mode & 0o777).toBe(0o700);
    const file = path.join(cacheDir(), cache!);
    const written = statSync(file).mtimeMs;
    expect(JSON.parse(hook('rm -rf /')).hookSpecificOutput.permissionDecision).toBe('deny');
    expect(statSync(file).mtimeMs).toBe(written);
  });

  it('decides correctly with a corrupt cache, and replaces it', () => {
    hook();
    const [cache] = readdirSync(cacheDir());
    const file = path.join(cacheDir(), cache!);
    writeFileSync(file, 'not a code cache');
    expect(JSON.parse(hook('rm -rf /')).hookSpecificOutput.permissionDecision).toBe('deny');
    expect(readFileSync(file).toString()).not.toBe('not a code cache');
  });
});

describe('warden-claude-code --version', () => {
  it('prints the package and its version', () => {
    const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    const output = execFileSync(process.execPath, [bin, '--version'], { encoding: 'utf8' });
    expect(output).toBe(`@warden/claude-code ${version} (Node ${process.versions.node})\n`);
  });
});
