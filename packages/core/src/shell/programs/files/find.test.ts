import { describe } from 'vitest';
import { itDecides } from '../program-test.js';

describe('files/find', () => {
  itDecides([
    { command: 'find . -name "*.test.ts"', effect: 'allow', targets: ['read:/home/u/project'] },
    { command: 'gfind src -type f', effect: 'allow', targets: ['read:/home/u/project/src'] },
    { command: 'find . -name "*.orig" -delete', effect: 'allow', targets: ['delete:/home/u/project'] },
    { command: 'find ~ -delete', effect: 'deny', targets: ['delete:/home/u'] },
    { command: 'find ~/.ssh -type f -exec cat {} +', effect: 'deny', programs: ['find', 'cat'] },
    {
      command: 'find / -name id_rsa',
      effect: 'deny',
      rule: 'secrets.shell-access',
      targets: ['read:/id_rsa'],
    },
    { command: 'find ~ -name "*.pem" -type f', effect: 'deny', rule: 'secrets.shell-access' },
    { command: 'find $HOME -iname "credentials"', effect: 'deny', rule: 'secrets.shell-access' },
    { command: 'find / -name "*.log" -mtime +30', effect: 'allow' },
    { command: 'find . -name "*.pyc" -delete', effect: 'allow' },
  ]);
});
