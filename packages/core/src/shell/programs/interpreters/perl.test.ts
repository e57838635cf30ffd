import { describe } from 'vitest';
import { itDecides } from '../program-test.js';

describe('interpreters/perl', () => {
  itDecides([
    {
      command: 'perl scripts/gen.pl input.txt',
      effect: 'allow',
      targets: ['execute:/home/u/project/scripts/gen.pl', 'read:/home/u/project/input.txt'],
    },
    {
      command: "perl -pi -e 's/a/b/' src/a.txt",
      effect: 'allow',
      targets: ['write:/home/u/project/src/a.txt'],
    },
    { command: "perl -pi -e 's/enforce/observe/' ~/.warden/config.yaml", effect: 'deny' },
    {
      command: "perl -0pi -e 's/hooks//s' .claude/settings.json",
      effect: 'deny',
      targets: ['write:/home/u/project/.claude/settings.json'],
    },
    {
      command: "perl -0777 -ne 'print' notes.txt",
      effect: 'allow',
      targets: ['read:/home/u/project/notes.txt'],
    },
  ]);
});
