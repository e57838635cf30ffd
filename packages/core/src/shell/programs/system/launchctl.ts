import { defineProgram, raise, readWordsOrOperands, words } from '../program-module.js';
import { PERSISTENCE } from './persistence.js';
import { SERVICE_CONTROL } from './service-control.js';

/** Programs of this module whose operands are words, not files. */
const WORD_PROGRAMS = new Set(['launchctl']);

export const launchctl = defineProgram({
  name: 'system/launchctl',
  programs: ['launchctl'],
  findings: [PERSISTENCE, SERVICE_CONTROL],
  ownsArguments: true,
  describe(call) {
    readWordsOrOperands(call, WORD_PROGRAMS);
    const [verb] = words(call.args);
    if (/^(load|bootstrap|submit|enable|setenv|config)$/.test(verb ?? ''))
      raise(call, PERSISTENCE.id, 'This loads a LaunchAgent or daemon that starts on its own.');
    if (/^(unload|bootout|remove|disable|kill|stop|reboot)$/.test(verb ?? ''))
      raise(call, SERVICE_CONTROL.id, 'This stops or removes a launchd service.');
  },
});
