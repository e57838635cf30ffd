import { defineProgram, raise, readWrapperFlags } from '../program-module.js';
import { DEFERRED_EXEC } from './deferred-exec.js';

/** at, batch and systemd-run: what they run is analysed by the unwrapping, and the hand-off is asked about. */
export const at = defineProgram({
  name: 'launchers/at',
  programs: ['at', 'batch', 'systemd-run'],
  findings: [DEFERRED_EXEC],
  ownsArguments: true,
  describe(call) {
    if (call.program === 'systemd-run') readWrapperFlags(call);
    // Listing and removing jobs hand nothing over.
    if (call.program !== 'systemd-run' && call.args.some((arg) => /^-[a-zA-Z]*[lrdc]$/.test(arg))) return;
    raise(call, DEFERRED_EXEC.id, `${call.program} runs commands later, outside this session.`);
  },
});
