import { describe } from 'vitest';
import { itDecides } from '../program-test.js';

describe('system/power', () => {
  itDecides([
    { command: 'shutdown -h now', effect: 'deny', findings: ['shell.system_power'] },
    { command: 'reboot', effect: 'deny', findings: ['shell.system_power'] },
    { command: 'halt', effect: 'deny', findings: ['shell.system_power'] },
    { command: 'poweroff', effect: 'deny', findings: ['shell.system_power'] },
    { command: 'init 0', effect: 'deny', findings: ['shell.system_power'] },
    { command: 'telinit 6', effect: 'deny', findings: ['shell.system_power'] },
    { command: 'init --version', effect: 'allow' },
  ]);
});
