import { defineProgram, raise, readWordsOrOperands, words } from '../program-module.js';
import { SERVICE_CONTROL } from './service-control.js';

/** Programs of this module whose operands are words, not files. */
const WORD_PROGRAMS = new Set(['service']);

/** SysV `service NAME stop|restart`. */
export const service = defineProgram({
  name: 'system/service',
  programs: ['service'],
  findings: [SERVICE_CONTROL],
  ownsArguments: true,
  describe(call) {
    readWordsOrOperands(call, WORD_PROGRAMS);
    if (/^(stop|restart|force-reload|--stop|--full-restart)$/.test(words(call.args)[1] ?? call.args[1] ?? ''))
      raise(call, SERVICE_CONTROL.id, 'This stops or restarts a system service.');
  },
});
