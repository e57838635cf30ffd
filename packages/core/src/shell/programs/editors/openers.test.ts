import { describe, expect, it } from 'vitest';
import { describeLine } from '../program-test.js';

describe('editors/openers', () => {
  it('reads an editor operand as a file it writes', () => {
    expect(describeLine('code ~/.warden/config.yaml').targets).toEqual(['write:~/.warden/config.yaml']);
    expect(describeLine('cursor src/index.ts:12:3').targets).toEqual(['write:src/index.ts']);
  });
  it('reads a file handed to the desktop opener', () => {
    expect(describeLine('xdg-open ~/.ssh/id_rsa').targets).toEqual(['read:~/.ssh/id_rsa']);
    expect(describeLine('open https://example.com').targets).toEqual([]);
  });
  it('names no file to edit for a diff or an extension install', () => {
    expect(describeLine('code --diff a.ts b.ts').targets).toEqual(['read:a.ts', 'read:b.ts']);
    expect(describeLine('code --install-extension biomejs.biome').targets).toEqual([]);
  });
});
