import { describe, expect, it } from 'vitest';
import { describeLine, itDecides } from '../program-test.js';

describe('system/launchctl', () => {
  it('raises shell.persistence for launchctl load ~/Library/LaunchAgents/com.x.plist', () => {
    const result = describeLine('launchctl load ~/Library/LaunchAgents/com.x.plist');
    expect(result.findings).toEqual(['shell.persistence']);
  });
  it('raises nothing for launchctl list', () => {
    const result = describeLine('launchctl list');
    expect(result.findings).toEqual([]);
  });
});

describe('system/launchctl through the engine', () => {
  itDecides([
    { command: 'launchctl list', effect: 'allow' },
    {
      command: 'launchctl load ~/Library/LaunchAgents/x.plist',
      effect: 'ask',
      findings: ['shell.persistence'],
    },
  ]);
});
