import type { CommandFacts } from '../policy/compile-policy.js';
import { classifyPath, resolvePath } from './classify-path.js';
import type { PathContext } from './types.js';

/**
 * Paths written inside an argument: `~/x`, `$HOME/x`, `/abs/x`, and relative paths through a
 * dot-directory (`.claude/settings.json`, `sub/.warden/policy.yaml`), whether bare or quoted in code.
 */
const MENTIONED_PATH =
  /(?:~|\$HOME|\$\{HOME\})(?:\/[\w.@+-]+)+|(?<![\w.$}~-])\/(?:[\w.@+-]+\/)*[\w.@+-]+|(?<![\w/.$}~-])(?:[\w@+-][\w.@+-]*\/)*\.[\w-][\w.@+-]*(?:\/[\w.@+-]+)*/g;
/** Programs that only print their arguments: naming a file is not touching it. */
const PRINTERS = new Set(['echo', 'printf', ':', 'true']);
const PROTECTED_CLASSES = new Set(['guard_config', 'agent_config']);
const MAX_MENTIONS_PER_COMMAND = 32;

/**
 * Generalises self-protection past what the shell analysis knows: where an argument names Warden's
 * files, a policy, the hook code or an agent's settings (in inline code it cannot read, a tool with
 * no table, `pathlib.Path('/…/policy.yaml').write_text(…)`), and neither that command reports the
 * path as a target nor any command of the line writes, deletes or changes it, the path is added to
 * that command as an access of unknown kind (inline code read as a read is judged again: reading
 * the policy from Python is asked about, the price of not missing a write the analysis cannot see).
 * The recommended pack asks about those (`shell.unknown-access-sensitive`), so a route the
 * analysis misses is asked about instead of silently allowed. Changes `commands` in place.
 */
export function addMentionedProtectedPaths(options: {
  commands: CommandFacts[];
  context: PathContext;
}): void {
  const { commands, context } = options;
  // Judged already: a path some command writes, deletes, changes or uses in an unknown way. A path
  // another command only reads (what inline code was read as) is judged again where it is named.
  const judged = new Set<string>();
  for (const command of commands)
    for (const facts of command.paths)
      if (facts.access !== 'read' && facts.access !== 'list') judged.add(facts.path);
  for (const command of commands) {
    if (PRINTERS.has(command.program)) continue;
    const known = new Set(judged);
    for (const facts of command.paths) known.add(facts.path);
    let mentions = 0;
    for (const arg of command.args) {
      if (!/[/.]/.test(arg)) continue;
      for (const match of arg.matchAll(MENTIONED_PATH)) {
        if (++mentions > MAX_MENTIONS_PER_COMMAND) break;
        const resolved = resolvePath({ path: match[0], cwd: context.cwd, home: context.home });
        if (known.has(resolved)) continue;
        // Lexically first (no file system call); links are followed only for a candidate.
        // A mention counts for the protected places themselves, not the directories above them
        // (`cd /tmp` is not about the Node that happens to live below it; deleting /tmp still is).
        const lexical = classifyPath({
          path: resolved,
          ...context,
          followSymlinks: false,
          protectedAncestors: false,
        });
        if (!lexical.some((name) => PROTECTED_CLASSES.has(name))) continue;
        known.add(resolved);
        judged.add(resolved);
        command.paths.push({
          path: resolved,
          classes: classifyPath({ path: resolved, ...context }),
          access: 'other',
        });
      }
    }
  }
}
