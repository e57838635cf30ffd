import { execFileSync, spawnSync } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readAuditHealth, verifyAuditLog } from '@warden/core';
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
    env: { PATH: process.env.PATH, HOME: home, WARDEN_RESIDENT: '0' },
    encoding: 'utf8',
  });
}

const cacheDir = () => path.join(home, '.warden', 'cache');

describe('warden-claude-code hook (the built command)', () => {
  it('keeps a V8 code cache of the hook bundle in its private home, written once', () => {
    expect(hook()).toBe('');
    const [cache] = readdirSync(cacheDir());
    expect(cache).toMatch(/^hook\.cjs-[0-9a-f]{8}-v\d+\.\d+\.\d+-.*\.v8cache$/);
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

  it('keeps one cache per adapter: the Codex hook does not evict this one', () => {
    hook();
    const codexBin = fileURLToPath(new URL('../../codex/dist/bin.cjs', import.meta.url));
    const payload = { ...JSON.parse(input.toString()), turn_id: 't', model: 'm', permission_mode: 'default' };
    execFileSync(process.execPath, [codexBin, 'hook'], {
      input: JSON.stringify(payload),
      env: { PATH: process.env.PATH, HOME: home, WARDEN_RESIDENT: '0' },
      encoding: 'utf8',
    });
    hook();
    expect(readdirSync(cacheDir()).filter((name) => name.endsWith('.v8cache'))).toHaveLength(2);
  });

  it('never runs a cache made from other bytes of the same length', () => {
    // A copy of the built hook whose deny message is changed, byte for byte the same length.
    const copy = path.join(home, 'dist');
    cpSync(path.dirname(bin), copy, { recursive: true });
    const run = (command: string) =>
      execFileSync(process.execPath, [path.join(copy, 'bin.cjs'), 'hook'], {
        input: JSON.stringify({ ...JSON.parse(input.toString()), tool_input: { command } }),
        env: { PATH: process.env.PATH, HOME: home, WARDEN_RESIDENT: '0' },
        encoding: 'utf8',
      });
    expect(run('rm -rf /')).toContain('Warden (');
    const bundle = path.join(copy, 'hook.cjs');
    const source = readFileSync(bundle, 'utf8');
    expect(source).toContain('Warden (');
    const { atime, mtime } = statSync(bundle);
    writeFileSync(bundle, source.replaceAll('Warden (', 'WARDEN ('));
    // Same length and same mtime: only the content tells the two bundles apart.
    utimesSync(bundle, atime, mtime);
    expect(readFileSync(bundle).length).toBe(Buffer.byteLength(source));
    // V8 alone would accept the first cache (same source length) and run the old code.
    expect(run('rm -rf /')).toContain('WARDEN (');
  });

  it('loads the detector rules it needs through code caches of their own, with the same answer', () => {
    // A tool output with a cloud key: the secret rules and the injection rules are loaded.
    const output = {
      session_id: 's',
      transcript_path: '/tmp/t.jsonl',
      cwd: '/home/dev/project',
      hook_event_name: 'PostToolUse',
      tool_name: 'Bash',
      tool_input: { command: 'cat deploy.conf' },
      tool_response: {
        stdout: `deploy notes for the user\naws_access_key_id = ${['AKIA', 'Q3ZP7RWT', 'XK5M2NVB'].join('')}\n`,
        stderr: '',
      },
      tool_use_id: 'toolu_1',
    };
    const run = () =>
      execFileSync(process.execPath, [bin, 'hook'], {
        input: JSON.stringify(output),
        env: { PATH: process.env.PATH, HOME: home, WARDEN_RESIDENT: '0' },
        encoding: 'utf8',
      });
    const first = run();
    expect(JSON.parse(first).hookSpecificOutput.updatedToolOutput.stdout).toContain('[REDACTED');
    const chunks = readdirSync(cacheDir()).filter((name) => name.startsWith('lazy-detectors-'));
    expect(chunks).toHaveLength(2);
    for (const name of chunks) expect(statSync(path.join(cacheDir(), name)).mode & 0o777).toBe(0o600);
    const written = chunks.map((name) => statSync(path.join(cacheDir(), name)).mtimeMs);
    expect(run()).toBe(first);
    // Used as they were: a missing or rejected cache would have been written again.
    expect(chunks.map((name) => statSync(path.join(cacheDir(), name)).mtimeMs)).toEqual(written);
  });

  it('removes its temporary file when writing the cache fails', () => {
    // The cache's own name is taken by a directory: the rename fails on every run.
    hook();
    const [cache] = readdirSync(cacheDir());
    rmSync(path.join(cacheDir(), cache!));
    mkdirSync(path.join(cacheDir(), cache!));
    for (let run = 0; run < 3; run++) expect(hook()).toBe('');
    expect(readdirSync(cacheDir())).toEqual([cache]);
  });
});

describe('warden-claude-code install and the caches', () => {
  it('leaves a code cache the first hook call uses as it is, and records nothing of its warm-up', () => {
    execFileSync(process.execPath, [bin, 'install', '--on-failure', 'block'], {
      env: { PATH: process.env.PATH, HOME: home, WARDEN_RESIDENT: '0' },
      encoding: 'utf8',
    });
    const warden = path.join(home, '.warden');
    const [cache, ...others] = readdirSync(cacheDir());
    expect(others).toEqual([]);
    expect(cache).toMatch(/\.v8cache$/);
    // The warm-up's scratch home is gone, and its decision is in no audit log.
    expect(readdirSync(warden).sort()).toEqual(['bin', 'cache']);
    const file = path.join(cacheDir(), cache!);
    const written = statSync(file).mtimeMs;
    expect(JSON.parse(hook('rm -rf /')).hookSpecificOutput.permissionDecision).toBe('deny');
    // Accepted as it was (a rejected or missing cache is rewritten when the hook exits).
    expect(statSync(file).mtimeMs).toBe(written);
    expect(verifyAuditLog({ auditDir: path.join(warden, 'audit') }).records).toBe(1);
  });

  it('follows an edit of the policy file of the same size, made right after a call', () => {
    const warden = path.join(home, '.warden');
    mkdirSync(warden, { recursive: true, mode: 0o700 });
    const policy = (program: string) =>
      `extends: recommended\nrules:\n  - id: team.no-${program}\n    effect: deny\n    actions: [shell.exec]\n    when: { programs: [${program}] }\n    reason: Not ${program}.\n`;
    writeFileSync(path.join(warden, 'config.yaml'), 'mode: enforce\n', { mode: 0o600 });
    writeFileSync(path.join(warden, 'policy.yaml'), policy('aaa'), { mode: 0o600 });
    const decisionOf = (command: string) => {
      const output = hook(command);
      return output === '' ? 'allow' : JSON.parse(output).hookSpecificOutput.permissionDecision;
    };
    expect(decisionOf('aaa --now')).toBe('deny');
    expect(readdirSync(cacheDir()).filter((name) => name.endsWith('.parsed.json'))).toHaveLength(2);
    writeFileSync(path.join(warden, 'policy.yaml'), policy('bbb'), { mode: 0o600 });
    expect(decisionOf('aaa --now')).toBe('allow');
    expect(decisionOf('bbb --now')).toBe('deny');
  });
});

describe('warden-claude-code hook in a hostile home', () => {
  const run = (env: Record<string, string>, command = 'ls') =>
    spawnSync(process.execPath, [bin, 'hook'], {
      input: JSON.stringify({ ...JSON.parse(input.toString()), tool_input: { command } }),
      env: { PATH: process.env.PATH ?? '', HOME: home, WARDEN_RESIDENT: '0', ...env },
      encoding: 'utf8',
    });

  it("refuses a WARDEN_HOME that is a link to another user's folder, and blocks by the failure policy", () => {
    const other = path.join(home, 'other-user');
    mkdirSync(other, { mode: 0o700 });
    writeFileSync(path.join(other, 'config.yaml'), 'mode: observe\n');
    chownSync(other, 4242, 4242);
    const link = path.join(home, 'linked-home');
    symlinkSync(other, link);
    const result = run({ WARDEN_HOME: link }, 'rm -rf /');
    const output = JSON.parse(result.stdout);
    expect(output.hookSpecificOutput.permissionDecision).toBe('deny');
    expect(output.hookSpecificOutput.permissionDecisionReason).toMatch(/belongs to user 4242/);
    expect(output.systemMessage).toMatch(/not writing its audit log/);
    // Nothing was written into the other user's folder.
    expect(readdirSync(other)).toEqual(['config.yaml']);
  });

  it('refuses a policy file others can write', () => {
    const policy = path.join(home, 'policy.yaml');
    writeFileSync(policy, 'extends: observe\n');
    chmodSync(policy, 0o666);
    const result = JSON.parse(run({ WARDEN_POLICY: policy }, 'ls').stdout);
    expect(result.hookSpecificOutput.permissionDecision).toBe('deny');
    expect(result.hookSpecificOutput.permissionDecisionReason).toMatch(/writable by everyone.*chmod go-w/);
  });

  it('works around a .lock that is a directory at once, and says so once', () => {
    const audit = path.join(home, '.warden', 'audit');
    mkdirSync(path.join(audit, '.lock'), { recursive: true });
    const first = run({});
    expect(first.status).toBe(0);
    expect(JSON.parse(first.stdout).systemMessage).toMatch(/\.lock is a directory/);
    const second = run({});
    expect(second.stdout).toBe('');
    expect(verifyAuditLog({ auditDir: audit })).toMatchObject({ ok: true, records: 2 });
    expect(readAuditHealth({ home: path.join(home, '.warden') })).toMatchObject({ lockProblems: 1 });
  });
});

describe('warden-claude-code --version', () => {
  it('prints the package and its version', () => {
    const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    const output = execFileSync(process.execPath, [bin, '--version'], { encoding: 'utf8' });
    expect(output).toBe(`@warden/claude-code ${version} (Node ${process.versions.node})\n`);
  });
});
