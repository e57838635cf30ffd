import * as z from 'zod/mini';
import { actionKindSchema } from '../action.js';
import { detectorsPolicySchema } from '../detectors/detectors-settings.js';
import { phaseSchema } from '../guard-event.js';
import { PATH_CLASSES } from '../paths/types.js';

import { effectSchema, failurePolicySchema, modeSchema } from './enums.js';

export { effectSchema, failurePolicySchema, modeSchema };
export const pathClassSchema = z.enum(PATH_CLASSES);
/** How a command or tool uses a path (see TargetAccess in shell/types.ts). */
export const targetAccessSchema = z.enum(['read', 'write', 'delete', 'execute', 'metadata', 'list', 'other']);

const PATH_CLASS_NAMES = pathClassSchema.options.join('|');
export const targetExpressionSchema = z
  .string()
  .check(
    z.regex(
      new RegExp(`^\\s*!?\\s*(${PATH_CLASS_NAMES})\\s*(&\\s*!?\\s*(${PATH_CLASS_NAMES})\\s*)*$`),
      `a path class (${pathClassSchema.options.join(', ')}), optionally combined with & and !`,
    ),
  );

const stringList = z.array(z.string().check(z.minLength(1)));

/**
 * Conditions of a rule. Every condition given must hold (AND); inside one condition a list
 * matches when any entry matches (OR). Conditions about one shell command (`programs`,
 * `args`, `flags`, `targets` and `paths` on a shell.exec) must hold on the same simple command.
 */
export const conditionsSchema = z.strictObject({
  /** Native tool names, globs: `Bash`, `mcp__*`. */
  tools: z.optional(stringList),
  /** Programs that would run (basename, after unwrapping sudo, bash -c, xargs, ...), globs: `rm`, `mkfs*`. */
  programs: z.optional(stringList),
  /** Any argument of the command matches any of these globs. */
  args: z.optional(stringList),
  /** The subcommand of multi-command tools, globs: `push` (git), `system prune` (docker), `delete` (kubectl). */
  subcommands: z.optional(stringList),
  /** Wrappers the command was found inside, globs: `sudo`, `bash -c`, `xargs`, `ssh *`, `find -exec`. */
  via: z.optional(stringList),
  /**
   * Every entry must be present among the command's flags; `|` separates alternatives:
   * `[r|R|recursive, f|force]` matches `rm -rf`, `rm -r -f` and `rm --recursive --force`.
   */
  flags: z.optional(stringList),
  /** Path globs (`~` expands) matched against file paths and shell path arguments. */
  paths: z.optional(stringList),
  /**
   * Path classes of file paths and shell path arguments. An entry may combine classes of one
   * path with `&` and negate with `!`: `outside_project & !tmp`.
   */
  targets: z.optional(z.array(targetExpressionSchema)),
  /**
   * How the path is used, for `targets` and `paths`: read, write, delete, execute, metadata
   * (chmod, chown), list (ls, stat) or other (an operand of a program Warden has no table for).
   * File tools: Read is read, Write and Edit are write, deletions are delete.
   */
  access: z.optional(z.array(targetAccessSchema)),
  /** Host patterns: `example.com`, `*.example.com`. */
  hosts: z.optional(stringList),
  mcpServers: z.optional(stringList),
  mcpTools: z.optional(stringList),
  /** Finding ids from the detectors and the shell analysis, globs: `secret.*`. */
  findings: z.optional(stringList),
  /** Regular expressions (case-insensitive) tested against the command, prompt or answer text. */
  matches: z.optional(
    z.array(
      z.string().check(
        z.refine((source) => {
          try {
            new RegExp(source);
            return true;
          } catch {
            return false;
          }
        }, 'not a valid regular expression'),
      ),
    ),
  ),
});
export type Conditions = z.infer<typeof conditionsSchema>;

export const ruleSchema = z.strictObject({
  id: z
    .string()
    .check(z.regex(/^[A-Za-z0-9][A-Za-z0-9._:-]*$/, 'rule ids use letters, digits, ".", "_", ":" and "-"')),
  description: z.optional(z.string()),
  effect: effectSchema,
  /** Action kinds; a trailing `*` matches a family (`file.*`). Omitted: every action. */
  actions: z.optional(z.array(z.union([actionKindSchema, z.string().check(z.regex(/^[a-z]+\.\*$|^\*$/))]))),
  /** Phases the rule applies to. Omitted: the natural phase of each action (tool calls for tools). */
  phases: z.optional(z.array(phaseSchema)),
  /** Adapter ids (`claude-code`, `codex`, `agent-sdk`). Omitted: every agent. */
  agents: z.optional(stringList),
  when: z.optional(conditionsSchema),
  /** Exceptions: the rule does not match when these conditions all hold. */
  unless: z.optional(conditionsSchema),
  /** Shown to the agent on deny: say what to do instead. */
  reason: z.string().check(z.minLength(1)),
  enabled: z.optional(z.boolean()),
});
export type Rule = z.infer<typeof ruleSchema>;

export const policySchema = z.strictObject({
  $schema: z.optional(z.string()),
  version: z.optional(z.literal(1)),
  /**
   * Built-in packs (`recommended`, `strict`, `observe`) or policy files, applied in order. `none`
   * says on purpose that nothing is extended (with `acknowledge: no-protections` for a policy that
   * then has no rule that denies or asks).
   */
  extends: z.optional(z.union([z.string(), z.array(z.string())])),
  /**
   * `no-protections`: this policy has no rule that denies or asks, and that is meant. Without it, a
   * policy with no protections (an empty file, `rules: []`, every pack rule disabled, `extends`
   * nothing) is warned about and the `recommended` pack's protections stay in force.
   */
  acknowledge: z.optional(z.enum(['no-protections'])),
  mode: z.optional(modeSchema),
  failure: z.optional(failurePolicySchema),
  /** Effect when no rule matches a tool call. Default `allow`. */
  defaultEffect: z.optional(effectSchema),
  /** Rule ids from extended policies to switch off. */
  disable: z.optional(stringList),
  /** Rules; a rule whose id an extended policy already has replaces it in place. */
  rules: z.optional(z.array(ruleSchema)),
  /** Secrets, PII and prompt-injection detectors: which run, and what each does per phase. */
  detectors: z.optional(detectorsPolicySchema),
});
export type Policy = z.infer<typeof policySchema>;
