import { lstatSync, realpathSync, type Stats, statSync } from 'node:fs';
import { UnsafePathError } from '../errors.js';

/**
 * Why a path Warden takes orders from (its home, a policy, its config) cannot be trusted, or
 * undefined when it can. The rule is ssh's for `~/.ssh`: it must belong to the user running
 * Warden (or root) and must not be writable by group or others; a symbolic link is judged by what
 * it points to, so `~/.warden` linked into another user's folder is refused. A path that does not
 * exist is fine (Warden creates its home privately). Not applicable on Windows (no uid).
 */
export function checkPrivatePath(options: {
  path: string;
  /** What the path is, for the message: `Warden's home`, `the policy file`. */
  role: string;
  uid?: number;
}): string | undefined {
  const uid = options.uid ?? process.getuid?.();
  if (uid === undefined) return undefined;
  let link: Stats;
  try {
    link = lstatSync(options.path);
  } catch {
    return undefined;
  }
  let stats = link;
  let shown = options.path;
  if (link.isSymbolicLink()) {
    try {
      stats = statSync(options.path);
      shown = `${options.path} (a link to ${realpathSync(options.path)})`;
    } catch {
      return `${options.role} ${options.path} is a symbolic link that leads nowhere`;
    }
  }
  if (stats.uid !== uid && stats.uid !== 0) {
    return `${options.role} ${shown} belongs to user ${stats.uid}, not to you (${uid}); Warden does not take orders from another user's files. Fix the owner or point WARDEN_HOME elsewhere`;
  }
  if ((stats.mode & 0o022) !== 0) {
    return `${options.role} ${shown} is writable by ${stats.mode & 0o002 ? 'everyone' : 'its group'} (mode ${(stats.mode & 0o777).toString(8)}); run chmod go-w on it`;
  }
  return undefined;
}

/** `checkPrivatePath`, throwing an UnsafePathError; the caller's failure policy answers. */
export function assertPrivatePath(options: { path: string; role: string; uid?: number }): void {
  const problem = checkPrivatePath(options);
  if (problem) throw new UnsafePathError({ message: problem, path: options.path });
}
