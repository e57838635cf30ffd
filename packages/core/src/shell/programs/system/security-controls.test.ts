import { describe } from 'vitest';
import { itDecides } from '../program-test.js';

const OFF = ['shell.security_disable'];

describe('system/security-controls', () => {
  itDecides([
    { command: 'spctl --master-disable', effect: 'ask', findings: OFF },
    { command: 'spctl --status', effect: 'allow' },
    { command: 'csrutil disable', effect: 'ask', findings: OFF },
    { command: 'csrutil status', effect: 'allow' },
    { command: 'xattr -d com.apple.quarantine ~/Downloads/tool', effect: 'ask', findings: OFF },
    { command: 'xattr -cr /Applications/Unknown.app', effect: 'ask', findings: OFF },
    { command: 'xattr -l build/app', effect: 'allow' },
    {
      command: 'defaults write com.apple.LaunchServices LSQuarantine -bool false',
      effect: 'ask',
      findings: OFF,
    },
    { command: 'defaults write com.apple.dock autohide -bool true', effect: 'allow' },
    { command: 'defaults read com.apple.finder', effect: 'allow' },
    { command: 'tccutil reset All', effect: 'ask', findings: OFF },
    { command: 'setenforce 0', effect: 'ask', findings: OFF },
    { command: 'setenforce 1', effect: 'allow' },
    { command: 'aa-teardown', effect: 'ask', findings: OFF },
    { command: 'aa-disable /etc/apparmor.d/usr.sbin.nginx', effect: 'ask', findings: OFF },
    { command: 'aa-complain /etc/apparmor.d/usr.bin.man', effect: 'ask', findings: OFF },
  ]);
});
