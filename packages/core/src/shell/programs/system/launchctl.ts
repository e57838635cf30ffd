import { defineProgram, raise, words } from '../program-module.js';
import { PERSISTENCE } from './persistence.js';
import { SERVICE_CONTROL } from './service-control.js';

export const launchctl = defineProgram({
  name: 'system/launchctl',
  programs: ['launchctl'],
  findings: [PERSISTENCE, SERVICE_CONTROL],
  describe(call) {
    const [verb] = words(call.args);
    if (/^(load|bootstrap|submit|enable|setenv|config)$/.test(verb ?? ''))
      raise(call, PERSISTENCE.id, 'This loads a LaunchAgent or daemon that starts on its own.');
    if (/^(unload|bootout|remove|disable|kill|stop|reboot)$/.test(verb ?? ''))
      raise(call, SERVICE_CONTROL.id, 'This stops or removes a launchd service.');
  },
});
