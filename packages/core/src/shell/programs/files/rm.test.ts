import { describe } from 'vitest';
import { itDecides } from '../program-test.js';

describe('files/rm', () => {
  itDecides([
    { command: 'rm -rf dist build', effect: 'allow', targets: ['delete:/home/u/project/dist'] },
    { command: 'rmdir empty-dir', effect: 'allow', targets: ['delete:/home/u/project/empty-dir'] },
    { command: 'unlink old.log', effect: 'allow', targets: ['delete:/home/u/project/old.log'] },
    { command: 'trash notes.txt', effect: 'allow', targets: ['delete:/home/u/project/notes.txt'] },
    { command: 'trash-put tmp.txt', effect: 'allow', targets: ['delete:/home/u/project/tmp.txt'] },
    { command: 'rm -rf ~', effect: 'deny', targets: ['delete:/home/u'] },
    { command: 'rm -rf --no-preserve-root /', effect: 'deny', findings: ['shell.rm_no_preserve_root'] },
    { command: 'srm -r ~/.ssh', effect: 'deny', targets: ['delete:/home/u/.ssh'] },
    { command: 'wipe -rf ~/.gnupg', effect: 'deny', targets: ['delete:/home/u/.gnupg'] },
    { command: 'rm -rf .git', effect: 'deny', targets: ['delete:/home/u/project/.git'] },
  ]);
});
