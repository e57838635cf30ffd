import { describe } from 'vitest';
import { itDecides } from '../program-test.js';

describe('text/awk', () => {
  itDecides([
    { command: "awk '{print $1}' access.log", effect: 'allow', targets: ['read:/home/u/project/access.log'] },
    {
      command: "gawk -i inplace '{print}' data.txt",
      effect: 'allow',
      targets: ['write:/home/u/project/data.txt'],
    },
    {
      command: "mawk -F, '{print $2}' data.csv",
      effect: 'allow',
      targets: ['read:/home/u/project/data.csv'],
    },
    { command: "nawk 'NR==1' ~/.ssh/id_rsa", effect: 'deny', targets: ['read:/home/u/.ssh/id_rsa'] },
  ]);
});
