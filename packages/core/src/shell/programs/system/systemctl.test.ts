import { describe, expect, it } from 'vitest';
import { describeLine, itDecides } from '../program-test.js';

describe('system/systemctl', () => {
  it('raises shell.persistence for systemctl --user enable --now miner.service', () => {
    const result = describeLine('systemctl --user enable --now miner.service');
    expect(result.findings).toEqual(['shell.persistence']);
  });
  it('raises shell.persistence for loginctl enable-linger dev', () => {
    const result = describeLine('loginctl enable-linger dev');
    expect(result.findings).toEqual(['shell.persistence']);
  });
  it('raises nothing for systemctl status nginx', () => {
    const result = describeLine('systemctl status nginx');
    expect(result.findings).toEqual([]);
  });
});

describe('system/systemctl through the engine', () => {
  itDecides([
    { command: 'systemctl status nginx', effect: 'allow' },
    { command: 'systemctl --user enable evil.service', effect: 'ask', findings: ['shell.persistence'] },
    { command: 'loginctl enable-linger dev', effect: 'ask', findings: ['shell.persistence'] },
  ]);
});
