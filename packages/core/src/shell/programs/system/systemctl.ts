import { defineProgram, raise, readWordsOrOperands, words } from '../program-module.js';
import { PERSISTENCE } from './persistence.js';
import { SYSTEM_POWER } from './power.js';
import { SERVICE_CONTROL } from './service-control.js';

/** Programs of this module whose operands are words, not files. */
const WORD_PROGRAMS = new Set(['systemctl']);

export const systemctl = defineProgram({
  name: 'system/systemctl',
  programs: ['systemctl', 'loginctl'],
  findings: [PERSISTENCE, SYSTEM_POWER, SERVICE_CONTROL],
  ownsArguments: true,
  describe(call) {
    readWordsOrOperands(call, WORD_PROGRAMS);
    const [verb] = words(call.args);
    if (call.program === 'loginctl') {
      if (verb === 'enable-linger')
        raise(call, PERSISTENCE.id, 'This keeps user services running after logout.');
      return;
    }
    if (
      /^(poweroff|reboot|halt|kexec|suspend|hibernate|hybrid-sleep|rescue|emergency|isolate|soft-reboot)$/.test(
        verb ?? '',
      )
    )
      raise(call, SYSTEM_POWER.id, 'This shuts down or reboots the machine.');
    else if (
      /^(stop|disable|mask|kill|reset-failed|daemon-reexec|restart|try-restart|reload-or-restart|revert|set-default)$/.test(
        verb ?? '',
      )
    )
      raise(call, SERVICE_CONTROL.id, `systemctl ${verb} changes running system services.`);
    if (
      /^(enable|reenable|link|preset|preset-all|add-wants|add-requires|edit|set-default|revert)$/.test(
        verb ?? '',
      )
    )
      raise(call, PERSISTENCE.id, 'This makes a service start on its own.');
  },
});
