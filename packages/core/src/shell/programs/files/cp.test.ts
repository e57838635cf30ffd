import { describe } from 'vitest';
import { itDecides } from '../program-test.js';

describe('files/cp', () => {
  itDecides([
    {
      command: 'cp src/a.ts src/b.ts',
      effect: 'allow',
      targets: ['read:/home/u/project/src/a.ts', 'write:/home/u/project/src/b.ts'],
    },
    { command: 'gcp -r assets public', effect: 'allow', targets: ['write:/home/u/project/public'] },
    { command: 'mv old.ts new.ts', effect: 'allow', targets: ['delete:/home/u/project/old.ts'] },
    { command: 'gmv a.txt b.txt', effect: 'allow', targets: ['write:/home/u/project/b.txt'] },
    {
      command: 'install -m 755 bin/tool out/tool',
      effect: 'allow',
      targets: ['write:/home/u/project/out/tool'],
    },
    { command: 'ln -s ../shared/config.ts config.ts', effect: 'allow' },
    { command: 'cp ~/.ssh/id_rsa ./key', effect: 'deny', targets: ['read:/home/u/.ssh/id_rsa'] },
    { command: 'mv ~/.bashrc /tmp/x', effect: 'deny' },
    {
      command: 'ln ~/.warden/config.yaml cfg',
      effect: 'deny',
      targets: ['write:/home/u/.warden/config.yaml'],
    },
    { command: 'install -m 644 evil.sh ~/.bashrc', effect: 'deny', targets: ['write:/home/u/.bashrc'] },
    { command: 'cp -r dotfiles/. ~/', effect: 'ask', rule: 'shell.write-home' },
    { command: 'cp -a skel/* ~/.local/', effect: 'deny', rule: 'shell.write-autorun' },
    { command: 'cp -r templates/* ~/work/new-app/', effect: 'allow' },
    { command: 'cp -r assets public/', effect: 'allow', targets: ['write:/home/u/project/public/assets'] },
    { command: 'mv notes.txt ~/', effect: 'allow', targets: ['write:/home/u/notes.txt'] },
    { command: 'cp dotfiles/.bashrc ~/', effect: 'deny', rule: 'shell.write-shell-rc' },
    {
      command: 'cp evil.pth ~/.local/lib/python3.12/site-packages/',
      effect: 'deny',
      rule: 'shell.write-autorun',
      targets: ['write:/home/u/.local/lib/python3.12/site-packages/evil.pth'],
    },
    { command: 'mv hook.sh post-checkout .git/hooks', effect: 'ask', rule: 'shell.write-project-autorun' },
    { command: 'cp notes.txt docs/', effect: 'allow', targets: ['write:/home/u/project/docs/notes.txt'] },
  ]);
});
