import { describe } from 'vitest';
import { itDecides } from '../program-test.js';

describe('files/sort', () => {
  itDecides([
    {
      command: 'sort -u words.txt -o words.txt',
      effect: 'allow',
      targets: ['write:/home/u/project/words.txt'],
    },
    { command: 'sort -o ~/.bashrc lines.txt', effect: 'deny', targets: ['write:/home/u/.bashrc'] },
    { command: 'sort ~/.netrc', effect: 'deny', targets: ['read:/home/u/.netrc'] },
  ]);
});
