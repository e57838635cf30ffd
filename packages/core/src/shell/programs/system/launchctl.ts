import { defineProgram, raise, words } from '../program-module.js';
import { PERSISTENCE } from './persistence.js';

export const launchctl = defineProgram({
  name: 'system/launchctl',
  programs: ['launchctl'],
  findings: [PERSISTENCE],
  describe(call) {
    const [verb] = words(call.args);
    if (/^(load|bootstrap|submit|enable|setenv|config)$/.test(verb ?? ''))
      raise(call, PERSISTENCE.id, 'This loads a LaunchAgent or daemon that starts on its own.');
  },
});
