import { describe } from 'vitest';
import { itDecides } from '../program-test.js';

describe('files/shred', () => {
  itDecides([
    { command: 'shred -n 1 scratch.bin', effect: 'allow', targets: ['write:/home/u/project/scratch.bin'] },
    { command: 'shred -u ~/.ssh/id_ed25519', effect: 'deny', targets: ['delete:/home/u/.ssh/id_ed25519'] },
  ]);
});
