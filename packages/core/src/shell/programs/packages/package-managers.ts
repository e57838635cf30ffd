import { DEFERRED_EXEC } from '../launchers/deferred-exec.js';
import { defineProgram, raise, words } from '../program-module.js';

export const GUARD_TAMPER = {
  id: 'shell.guard_tamper',
  summary:
    'The guard itself is stopped, removed or switched off (its processes, its packages, its hook settings).',
};

const REMOVE = /^(uninstall|remove|rm|r|un|unlink|erase)$/;
const GUARD_PACKAGE = /^(@warden\/|warden-|warden$)/;
const LIFECYCLE =
  /^scripts\.(preinstall|install|postinstall|prepare|preprepare|postprepare|prepack|postpack|prepublish)=/;

/** Uninstalling Warden's packages, and install-time scripts set from the command line. */
export const packageManagers = defineProgram({
  name: 'packages/package-managers',
  programs: ['npm', 'pnpm', 'yarn', 'bun'],
  findings: [GUARD_TAMPER, DEFERRED_EXEC],
  describe(call) {
    if (!call.args.some((arg) => REMOVE.test(arg) || arg === 'pkg')) return;
    const operands = words(call.args);
    const removeAt = operands.findIndex((word) => REMOVE.test(word));
    if (
      removeAt >= 0 &&
      removeAt <= 1 &&
      operands.slice(removeAt + 1).some((word) => GUARD_PACKAGE.test(word))
    )
      raise(call, GUARD_TAMPER.id, "This uninstalls Warden's packages.");
    if (
      operands[0] === 'pkg' &&
      operands[1] === 'set' &&
      operands.slice(2).some((word) => LIFECYCLE.test(word))
    )
      raise(call, DEFERRED_EXEC.id, 'This sets a script that runs on every install.');
  },
});
