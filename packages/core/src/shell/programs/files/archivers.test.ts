import { describe } from 'vitest';
import { itDecides } from '../program-test.js';

describe('files/archivers', () => {
  itDecides([
    { command: '7z l bundle.7z', effect: 'allow', targets: ['read:/home/u/project/bundle.7z'] },
    { command: '7z x data.7z -obuild/data', effect: 'allow', targets: ['write:/home/u/project/build/data'] },
    { command: '7za a site.7z dist', effect: 'allow', targets: ['write:/home/u/project/site.7z'] },
    { command: '7z x bundle.7z -o/usr/lib', effect: 'deny', rule: 'shell.write-system' },
    { command: '7zz x -o$HOME keys.7z', effect: 'ask', rule: 'shell.write-home', targets: ['write:/home/u'] },
    {
      command: '7zr x tools.7z -o$HOME/.local',
      effect: 'deny',
      rule: 'shell.write-autorun',
      targets: ['write:/home/u/.local/bin/bin'],
    },
    { command: 'unrar x assets.rar public/', effect: 'allow', targets: ['write:/home/u/project/public'] },
    { command: 'unrar x dotfiles.rar ~/', effect: 'ask', rule: 'shell.write-home' },
    { command: 'cpio -idmv -D /etc < archive.cpio', effect: 'deny', rule: 'shell.write-system' },
    { command: 'cpio -idv --directory=vendor < deps.cpio', effect: 'allow' },
    { command: 'cpio -o < list > out.cpio', effect: 'allow' },
    { command: 'cpio -pdm ~/.config < files.txt', effect: 'deny', rule: 'secrets.shell-access' },
  ]);
});
