import { describe } from 'vitest';
import { itDecides } from '../program-test.js';

describe('files/zip', () => {
  itDecides([
    {
      command: 'zip -r site.zip public',
      effect: 'allow',
      targets: ['write:/home/u/project/site.zip', 'read:/home/u/project/public'],
    },
    {
      command: 'unzip -o fixtures.zip -d fixtures',
      effect: 'allow',
      targets: ['write:/home/u/project/fixtures'],
    },
    { command: 'zip -r /tmp/k.zip ~/.ssh', effect: 'deny', targets: ['read:/home/u/.ssh'] },
    { command: 'unzip payload.zip -d ~/.config/autostart', effect: 'deny' },
    { command: 'unzip -o tools.zip -d ~', effect: 'ask', rule: 'shell.write-home' },
    { command: 'unzip kit.zip -d ~/.local', effect: 'deny', rule: 'shell.write-autorun' },
    { command: 'unzip config.zip -d /etc/nginx', effect: 'deny', rule: 'shell.write-system' },
    { command: 'unzip -l ~/Downloads/tools.zip', effect: 'allow' },
    { command: 'unzip -p release.zip VERSION', effect: 'allow' },
    { command: 'zip -r /tmp/all.zip ~', effect: 'deny', rule: 'secrets.shell-access' },
    { command: 'zip -r site.zip dist', effect: 'allow', targets: ['read:/home/u/project/dist'] },
  ]);
});
