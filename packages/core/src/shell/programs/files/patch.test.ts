import { describe } from 'vitest';
import { itDecides } from '../program-test.js';

describe('files/patch', () => {
  itDecides([
    { command: 'patch -p1 -i fix.diff', effect: 'allow', targets: ['read:/home/u/project/fix.diff'] },
    { command: 'patch ~/.bashrc evil.diff', effect: 'deny', targets: ['write:/home/u/.bashrc'] },
  ]);
});
