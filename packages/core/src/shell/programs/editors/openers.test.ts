import { describe, expect, it } from 'vitest';
import { describeLine, itDecides } from '../program-test.js';

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

describe('editors/openers through the engine', () => {
  itDecides([
    { command: 'code src/app.ts', effect: 'allow' },
    { command: 'code-insiders ~/.bashrc', effect: 'deny' },
    { command: 'codium README.md', effect: 'allow' },
    { command: 'cursor src', effect: 'allow' },
    { command: 'windsurf ~/.warden/config.yaml', effect: 'deny' },
    { command: 'subl notes.md', effect: 'allow' },
    { command: 'zed src/app.ts', effect: 'allow' },
    { command: 'mate notes.md', effect: 'allow' },
    { command: 'atom notes.md', effect: 'allow' },
    { command: 'gedit notes.md', effect: 'allow' },
    { command: 'kate ~/.zshrc', effect: 'deny' },
    { command: 'open coverage/index.html', effect: 'allow' },
    { command: 'xdg-open ~/.ssh/id_rsa', effect: 'deny' },
    { command: 'gio open report.pdf', effect: 'allow' },
    { command: 'gnome-open report.pdf', effect: 'allow' },
    { command: 'kde-open report.pdf', effect: 'allow' },
    { command: 'wslview report.pdf', effect: 'allow' },
  ]);
});
