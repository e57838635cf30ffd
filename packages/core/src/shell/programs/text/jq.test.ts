import { describe } from 'vitest';
import { itDecides } from '../program-test.js';

describe('text/jq', () => {
  itDecides([
    { command: 'jq .version package.json', effect: 'allow', targets: ['read:/home/u/project/package.json'] },
    {
      command: 'yq .services docker-compose.yml',
      effect: 'allow',
      targets: ['read:/home/u/project/docker-compose.yml'],
    },
    {
      command: 'gojq --rawfile t notes.md . data.json',
      effect: 'allow',
      targets: ['read:/home/u/project/notes.md'],
    },
    { command: 'jq -r .token ~/.config/gh/hosts.yml', effect: 'deny' },
  ]);
});
