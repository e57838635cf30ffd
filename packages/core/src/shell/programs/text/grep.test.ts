import { describe } from 'vitest';
import { itDecides } from '../program-test.js';

describe('text/grep', () => {
  itDecides([
    { command: "grep -rn 'TODO' src", effect: 'allow', targets: ['read:/home/u/project/src'] },
    { command: 'egrep -c "a|b" notes.md', effect: 'allow', targets: ['read:/home/u/project/notes.md'] },
    { command: 'fgrep -e x notes.md', effect: 'allow', targets: ['read:/home/u/project/notes.md'] },
    { command: 'ggrep -i x notes.md', effect: 'allow', targets: ['read:/home/u/project/notes.md'] },
    { command: "rg -n 'analyzeShell' packages", effect: 'allow', targets: ['read:/home/u/project/packages'] },
    { command: 'ag parse src', effect: 'allow', targets: ['read:/home/u/project/src'] },
    { command: 'ack --type=ts parse src', effect: 'allow', targets: ['read:/home/u/project/src'] },
    { command: 'grep -r token ~/.aws', effect: 'deny', targets: ['read:/home/u/.aws'] },
    { command: 'rg -uu password ~/.config/gh', effect: 'deny' },
    {
      command: 'grep -r "AKIA" ~',
      effect: 'deny',
      rule: 'secrets.shell-access',
      targets: ['read:/home/u/.aws/credentials'],
    },
    { command: 'grep -rn password /', effect: 'deny', rule: 'secrets.shell-access' },
    { command: 'rg --hidden token ~', effect: 'deny', rule: 'secrets.shell-access' },
    { command: 'rg token ~', effect: 'allow' },
    { command: 'grep -rn TODO src', effect: 'allow', targets: ['read:/home/u/project/src'] },
    { command: 'grep -r "import" ~/work/other-app/src', effect: 'allow' },
  ]);
});
