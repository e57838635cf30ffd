import { describe } from 'vitest';
import { itDecides } from '../program-test.js';

describe('files/dd', () => {
  itDecides([
    {
      command: 'dd if=/dev/zero of=test.img bs=1M count=10',
      effect: 'allow',
      targets: ['write:/home/u/project/test.img'],
    },
    { command: 'dd if=image.iso of=/dev/sda bs=4M', effect: 'deny', targets: ['write:/dev/sda'] },
  ]);
});
