import { describe, expect, it } from 'vitest';
import { describeLine } from '../program-test.js';

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
