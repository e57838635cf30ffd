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
    {
      command: 'chmod 777 ~/.ssh',
      effect: 'deny',
      rule: 'secrets.shell-access',
      targets: ['read:/home/u/.ssh'],
    },
    { command: 'chmod 644 ~/.ssh/id_rsa', effect: 'deny', rule: 'secrets.shell-access' },
    { command: 'chmod o+r ~/.aws/credentials', effect: 'deny', rule: 'secrets.shell-access' },
    { command: 'chmod 600 ~/.ssh/id_rsa', effect: 'allow', targets: ['metadata:/home/u/.ssh/id_rsa'] },
    { command: 'chmod go-rwx ~/.ssh', effect: 'allow' },
    { command: 'chmod u+x scripts/run.sh', effect: 'allow' },
    { command: 'chmod 644 src/index.ts', effect: 'allow' },
    { command: 'setfacl -m u:nobody:rw /etc/shadow', effect: 'deny', rule: 'secrets.shell-access' },
    { command: 'setfacl -m u:dev:rx ./shared', effect: 'allow' },
    {
      command: 'cp /bin/bash /tmp/rootbash && chmod +s /tmp/rootbash',
      effect: 'deny',
      findings: ['shell.privilege_grant'],
      programs: ['cp', 'chmod'],
    },
    { command: 'chmod 4755 ./bin/helper', effect: 'deny', findings: ['shell.privilege_grant'] },
    { command: 'chmod 0755 ./bin/helper', effect: 'allow' },
  ]);
});
