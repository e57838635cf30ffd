import { describe } from 'vitest';
import { itDecides } from '../program-test.js';

describe('files/chmod', () => {
  itDecides([
    {
      command: 'chmod +x scripts/build.sh',
      effect: 'allow',
      targets: ['metadata:/home/u/project/scripts/build.sh'],
    },
    {
      command: 'chmod -x scripts/old.sh',
      effect: 'allow',
      targets: ['metadata:/home/u/project/scripts/old.sh'],
    },
    { command: 'chown -R dev:dev build', effect: 'allow', targets: ['metadata:/home/u/project/build'] },
    { command: 'chgrp staff notes.md', effect: 'allow', targets: ['metadata:/home/u/project/notes.md'] },
    { command: 'chattr +i notes.md', effect: 'allow', targets: ['metadata:/home/u/project/notes.md'] },
    { command: 'setfacl -m u:dev:rw notes.md', effect: 'allow' },
    { command: 'chmod -R 777 /etc', effect: 'deny', targets: ['metadata:/etc'] },
    { command: 'chmod 600 ~/.warden/config.yaml', effect: 'deny' },
    { command: 'chown root /usr/local/bin/tool', effect: 'deny' },
  ]);
});
