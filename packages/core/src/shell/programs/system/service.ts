import { defineProgram, raise, words } from '../program-module.js';
import { SERVICE_CONTROL } from './service-control.js';

/** SysV `service NAME stop|restart`. */
export const service = defineProgram({
  name: 'system/service',
  programs: ['service'],
  findings: [SERVICE_CONTROL],
  describe(call) {
    if (/^(stop|restart|force-reload|--stop|--full-restart)$/.test(words(call.args)[1] ?? call.args[1] ?? ''))
      raise(call, SERVICE_CONTROL.id, 'This stops or restarts a system service.');
  },
});
