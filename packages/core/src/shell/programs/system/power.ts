import { defineProgram, raise, words } from '../program-module.js';

export const SYSTEM_POWER = {
  id: 'shell.system_power',
  summary: 'The machine is shut down, rebooted or put into another run level.',
};

/** shutdown, reboot, halt, poweroff, and init/telinit to a run level that stops the machine. */
export const power = defineProgram({
  name: 'system/power',
  programs: ['shutdown', 'reboot', 'halt', 'poweroff', 'init', 'telinit'],
  findings: [SYSTEM_POWER],
  describe(call) {
    if (call.program !== 'init' && call.program !== 'telinit')
      raise(call, SYSTEM_POWER.id, 'This shuts down or reboots the machine.');
    else if (/^[0156sS]$/.test(words(call.args)[0] ?? ''))
      raise(call, SYSTEM_POWER.id, 'This changes the run level (shutdown or reboot).');
  },
});
