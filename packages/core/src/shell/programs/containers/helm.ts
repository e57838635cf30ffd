import { defineProgram, raise, readWordsOrOperands, words } from '../program-module.js';
import { KUBECTL_DELETE } from './kubectl-delete.js';

/** Programs of this module whose operands are words, not files. */
const WORD_PROGRAMS = new Set(['helm']);

/** helm: uninstalling or rolling back a release. */
export const helm = defineProgram({
  name: 'containers/helm',
  programs: ['helm'],
  findings: [KUBECTL_DELETE],
  ownsArguments: true,
  describe(call) {
    readWordsOrOperands(call, WORD_PROGRAMS);
    const [verb] = words(call.args);
    call.description.subcommand = verb;
    if (/^(uninstall|delete|del|un|rollback)$/.test(verb ?? ''))
      raise(call, KUBECTL_DELETE.id, 'This removes or rolls back a Helm release.');
  },
});
