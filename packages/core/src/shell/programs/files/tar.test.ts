import { describe } from 'vitest';
import { itDecides } from '../program-test.js';

describe('files/tar', () => {
  itDecides([
    {
      command: 'tar czf dist.tgz dist',
      effect: 'allow',
      targets: ['write:/home/u/project/dist.tgz', 'read:/home/u/project/dist'],
    },
    { command: 'gtar -xzf vendor.tgz -C vendor', effect: 'allow', targets: ['write:/home/u/project/vendor'] },
    { command: 'bsdtar -tf release.tar', effect: 'allow', targets: ['read:/home/u/project/release.tar'] },
    { command: 'tar czf /tmp/keys.tgz ~/.ssh', effect: 'deny', targets: ['read:/home/u/.ssh'] },
    { command: 'tar xf payload.tar -C ~/.ssh', effect: 'deny', targets: ['write:/home/u/.ssh'] },
  ]);
});
