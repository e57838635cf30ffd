import { statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig, resolveWardenHome, USER_POLICY_FILE, type WardenConfig } from '../config/load-config.js';
import { SUSPENSION_FILE } from '../config/suspension.js';

export interface ConfigCache {
  /**
   * The config, loaded on the first call and again only when one of the files it was built from
   * changed (size, mtime, inode or mode). A load that fails is not kept: the caller gets the error
   * and the next call tries again.
   */
  get(): Promise<WardenConfig>;
  /** The config last loaded, if any, without checking the files (for failure answers). */
  peek(): WardenConfig | undefined;
}

export interface CreateConfigCacheOptions {
  env?: NodeJS.ProcessEnv;
  /** The user's home directory; defaults to `$HOME`, else `os.homedir()`. */
  userHome?: string;
}

function stamp(file: string, ownerOnly = false): string {
  try {
    const stats = statSync(file, { bigint: true });
    // Of a directory only who owns it and may write it counts: its mtime moves with every audit segment.
    if (ownerOnly) return `${stats.ino}:${stats.mode}:${stats.uid}`;
    return `${stats.ino}:${stats.size}:${stats.mtimeNs}:${stats.mode}:${stats.uid}`;
  } catch {
    return '-';
  }
}

/**
 * Keeps the compiled config of a long-lived process (the session server) and re-checks its files
 * cheaply per call: a policy or config edit takes effect on the next event, without re-reading
 * and re-compiling on every call. The files are Warden's home itself, `config.yaml`, the policy
 * file in force and every file it extends, and `suspended.json`.
 */
export function createConfigCache(options: CreateConfigCacheOptions = {}): ConfigCache {
  const env = options.env ?? process.env;
  const userHome = options.userHome ?? env.HOME ?? os.homedir();
  const home = resolveWardenHome({ env, userHome });
  const fixed = [
    home,
    path.join(home, 'config.yaml'),
    path.join(home, USER_POLICY_FILE),
    path.join(home, SUSPENSION_FILE),
    ...(env.WARDEN_POLICY ? [path.resolve(env.WARDEN_POLICY)] : []),
  ];
  let cached: { config: WardenConfig; extra: string[]; fixedKey: string; extraKey: string } | undefined;

  const keyOf = (files: readonly string[]) => files.map((file) => stamp(file, file === home)).join('|');

  return {
    async get() {
      if (cached && keyOf(fixed) === cached.fixedKey && keyOf(cached.extra) === cached.extraKey)
        return cached.config;
      // The stamps are taken before reading, so an edit during the load is seen next time.
      const before = keyOf(fixed);
      const config = await loadConfig({ env, userHome });
      const sources = config.policy.sources.filter((source) => path.isAbsolute(source));
      const extra = [...sources.filter((source) => !fixed.includes(source))];
      cached = { config, extra, fixedKey: before, extraKey: keyOf(extra) };
      return config;
    },
    peek: () => cached?.config,
  };
}
