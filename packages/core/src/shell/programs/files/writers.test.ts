import { describe } from 'vitest';
import { itDecides } from '../program-test.js';

describe('files/writers', () => {
  itDecides([
    { command: 'mkdir -p src/utils', effect: 'allow', targets: ['write:/home/u/project/src/utils'] },
    { command: 'touch src/index.ts', effect: 'allow', targets: ['write:/home/u/project/src/index.ts'] },
    { command: 'truncate -s 0 app.log', effect: 'allow', targets: ['write:/home/u/project/app.log'] },
    {
      command: 'echo ok | tee result.txt',
      effect: 'allow',
      programs: ['echo', 'tee'],
      targets: ['write:/home/u/project/result.txt'],
    },
    { command: 'echo "alias ls=rm" | tee -a ~/.bashrc', effect: 'deny', programs: ['echo', 'tee'] },
    { command: 'truncate -s 0 ~/.warden/audit.log', effect: 'deny' },
    { command: 'touch ~/.config/autostart/x.desktop', effect: 'deny' },
    { command: 'mkdir -p ~/.config/systemd/user', effect: 'deny' },
  ]);
});
