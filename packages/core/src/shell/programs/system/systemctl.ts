import { defineProgram, raise, words } from '../program-module.js';
import { PERSISTENCE } from './persistence.js';

export const systemctl = defineProgram({
  name: 'system/systemctl',
  programs: ['systemctl', 'loginctl'],
  findings: [PERSISTENCE],
  describe(call) {
    const [verb] = words(call.args);
    if (call.program === 'loginctl') {
      if (verb === 'enable-linger')
        raise(call, PERSISTENCE.id, 'This keeps user services running after logout.');
      return;
    }
    if (
      /^(enable|reenable|link|preset|preset-all|add-wants|add-requires|edit|set-default|revert)$/.test(
        verb ?? '',
      )
    )
      raise(call, PERSISTENCE.id, 'This makes a service start on its own.');
  },
});
