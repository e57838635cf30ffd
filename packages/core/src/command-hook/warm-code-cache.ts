import {
  closeSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';

export interface WarmCodeCacheOptions {
  /** Warden's home, whose `cache/` the hook reads its code cache from. */
  wardenHome: string;
  /** The Node the hooks run with. */
  nodePath: string;
  /** The adapter's entry point (dist/bin.cjs), run as `<node> <hookScript> hook`. */
  hookScript: string;
  /**
   * A benign hook input in the agent's format (a PreToolUse of a harmless Bash command), given
   * the directory to name as its `cwd` (a scratch directory with no project policy).
   */
  input: (cwd: string) => string;
  /** How long the warm-up run may take. Default 15 s. */
  timeoutMs?: number;
}

/**
 * Makes the first hook call after `install` as fast as the later ones. The hook's V8 code cache
 * is written when a hook process exits and holds what that run compiled; without this, the
 * first real tool call pays for compiling everything and only the second is fast. So install
 * runs the hook once on a harmless input, through the whole decision path (parse, shell
 * analysis, policy, audit append, render), and keeps the code cache that run wrote.
 *
 * The run gets a scratch home of its own (inside Warden's home, private, removed afterwards), so
 * its decision is not recorded in the real audit log, not sent to a server and leaves no session
 * state: only the code cache file moves into `$WARDEN_HOME/cache`. The cache is bound to the
 * bundle file's identity as always. Best effort: returns whether a cache was installed.
 */
export function warmCodeCache(options: WarmCodeCacheOptions): boolean {
  let scratch: string | undefined;
  try {
    mkdirSync(options.wardenHome, { recursive: true, mode: 0o700 });
    scratch = mkdtempSync(path.join(options.wardenHome, '.warm-up-'));
    const inputFile = path.join(scratch, 'input.json');
    writeFileSync(inputFile, options.input(scratch), { mode: 0o600 });
    // A file on stdin, as an agent's pipe: the hook reads it the way it reads real input.
    const stdin = openSync(inputFile, 'r');
    try {
      // The in-process hook is what the cache is for: no resident decider for the scratch home.
      const env: NodeJS.ProcessEnv = { ...process.env, WARDEN_HOME: scratch, WARDEN_RESIDENT: '0' };
      for (const name of Object.keys(env)) {
        // The scratch home has no config; nothing may point the run at a server or a policy.
        if (/^(WARDEN_(POLICY|SERVER_URL|TOKEN|MODE|FAILURE)|AKTO_)/.test(name)) delete env[name];
      }
      // Loaded here, not at the top: this module is part of the hook's bundle and of core's
      // index, where node:child_process (and the net module it pulls in) must not load.
      const { spawnSync } = process.getBuiltinModule(
        'node:child_process',
      ) as typeof import('node:child_process');
      spawnSync(options.nodePath, [options.hookScript, 'hook'], {
        env,
        cwd: scratch,
        stdio: [stdin, 'ignore', 'ignore'],
        timeout: options.timeoutMs ?? 15_000,
      });
    } finally {
      closeSync(stdin);
    }
    const scratchCache = path.join(scratch, 'cache');
    const made = readdirSync(scratchCache).filter((name) => name.endsWith('.v8cache'));
    if (made.length === 0) return false;
    const cacheDir = path.join(options.wardenHome, 'cache');
    mkdirSync(cacheDir, { recursive: true, mode: 0o700 });
    // Same file system (the scratch home is inside Warden's home): each rename is atomic.
    for (const name of made) renameSync(path.join(scratchCache, name), path.join(cacheDir, name));
    return true;
  } catch {
    return false;
  } finally {
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  }
}
