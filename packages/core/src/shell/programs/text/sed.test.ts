import { describe } from 'vitest';
import { itDecides } from '../program-test.js';

describe('text/sed', () => {
  itDecides([
    { command: "sed -n '1,80p' src/app.ts", effect: 'allow', targets: ['read:/home/u/project/src/app.ts'] },
    { command: 'gsed -i s/foo/bar/ src/a.ts', effect: 'allow', targets: ['write:/home/u/project/src/a.ts'] },
    {
      command: "sed -i 's/enforce/observe/' ~/.warden/config.yaml",
      effect: 'deny',
      targets: ['write:/home/u/.warden/config.yaml'],
    },
    { command: 'sed -n p ~/.netrc', effect: 'deny', targets: ['read:/home/u/.netrc'] },
  ]);
});
