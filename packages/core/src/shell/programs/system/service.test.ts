import { describe } from 'vitest';
import { itDecides } from '../program-test.js';

describe('system/service', () => {
  itDecides([
    { command: 'service nginx status', effect: 'allow' },
    { command: 'service nginx stop', effect: 'ask', findings: ['shell.service_control'] },
    { command: 'service --status-all', effect: 'allow' },
  ]);
});
