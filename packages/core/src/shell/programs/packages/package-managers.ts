import { DEFERRED_EXEC } from '../launchers/deferred-exec.js';
import { defineProgram, type ProgramCall, raise, readWordsOrOperands, words } from '../program-module.js';
import { describePublish, PACKAGE_PUBLISH } from './publish.js';
import { describeSourceRedirect, SOURCE_REDIRECT } from './source-redirect.js';
import { describeUrlInstall, URL_INSTALL } from './url-install.js';

export const GUARD_TAMPER = {
  id: 'shell.guard_tamper',
  summary:
    'The guard itself is stopped, removed or switched off (its processes, its packages, its hook settings).',
};

const REMOVE = /^(uninstall|remove|rm|r|un|unlink|erase)$/;
const GUARD_PACKAGE = /^(@warden\/|warden-|warden$)/;
const LIFECYCLE =
  /^scripts\.(preinstall|install|postinstall|prepare|preprepare|postprepare|prepack|postpack|prepublish)=/;

const PUBLISHES: Record<string, (operands: string[]) => boolean> = {
  npm: (operands) =>
    /^(publish|unpublish|deprecate|dist-tag|owner|access)$/.test(operands[0] ?? '') &&
    !(operands[0] === 'dist-tag' && operands[1] === 'ls'),
  pnpm: (operands) => operands[0] === 'publish' || (operands[0] === '-r' && operands[1] === 'publish'),
  yarn: (operands) => operands[0] === 'publish' || (operands[0] === 'npm' && operands[1] === 'publish'),
  bun: (operands) => operands[0] === 'publish',
};

/** The subcommand (`npm run`, `pnpm install`) and whether it publishes. */
function describeSubcommand(call: ProgramCall): void {
  if (!call.description.subcommand)
    call.description.subcommand = call.args.find((arg) => !arg.startsWith('-'));
  describePublish(call, PUBLISHES[call.program]!);
}

/** Programs of this module whose operands are words, not files. */
const WORD_PROGRAMS = new Set(['npm', 'pnpm', 'yarn', 'bun']);

/** Publishing, uninstalling Warden's packages, and install-time scripts set from the command line. */
export const packageManagers = defineProgram({
  name: 'packages/package-managers',
  programs: ['npm', 'pnpm', 'yarn', 'bun'],
  findings: [GUARD_TAMPER, DEFERRED_EXEC, PACKAGE_PUBLISH, URL_INSTALL, SOURCE_REDIRECT],
  ownsArguments: true,
  describe(call) {
    readWordsOrOperands(call, WORD_PROGRAMS);
    describeSubcommand(call);
    describeUrlInstall(call);
    describeSourceRedirect(call);
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
