import path from 'node:path';
import { AnalysisLimitError } from '../errors.js';
import { classifyPath } from '../paths/classify-path.js';
import type { PathContext } from '../paths/types.js';
import type { ShellAnalysis } from '../shell/types.js';
import type { CommandFacts, PathFacts } from './compile-policy.js';

/**
 * The facts rules test about the commands of a shell.exec: each simple command the analysis
 * found (wrappers and what they run alike), with its program-aware flags and its file targets
 * classified. A glob target is classified by the directory it can reach, so `rm -rf ../*` is
 * judged by the parent directory; `path` keeps the pattern for `paths:` globs.
 */
export function shellCommandFacts(options: {
  analysis: ShellAnalysis;
  context: PathContext;
  /** Epoch ms: classifying paths (a file system call each) stops there, see checkDeadline. */
  deadline?: number;
}): CommandFacts[] {
  const { analysis, context, deadline } = options;
  const root = path.resolve(context.cwd);
  let classified = 0;
  return analysis.commands.map((command) => {
    const paths: PathFacts[] = command.targets.map((target) => {
      if (deadline !== undefined && ++classified % 64 === 0 && Date.now() > deadline) {
        throw new AnalysisLimitError({
          limit: 'deadline',
          message: "the analysis did not finish within the hook's deadline",
          finding: { id: 'analysis.deadline', message: "analysis abandoned at the hook's deadline" },
        });
      }
      const classes = classifyPath({ path: target.resolved, ...context });
      if (target.unknownLocation) classes.push('unknown');
      // The project directory itself, or all of it (`rm -rf .`, `rm -rf *` at the top).
      if (target.resolved === root && (!target.glob || /(^|\/)(\*|\.\*|\*\/)$/.test(target.path))) {
        classes.push('project_root');
      }
      return { path: target.glob ? target.absolute : target.resolved, classes, access: target.access };
    });
    const facts: CommandFacts = {
      program: command.program,
      args: command.args,
      flags: new Set(command.flags),
      paths,
      via: command.via,
      wrapper: command.wrapper === true,
      dynamic: command.dynamic,
    };
    if (command.subcommand !== undefined) facts.subcommand = command.subcommand;
    return facts;
  });
}
