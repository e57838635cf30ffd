import { describe, expect, it } from 'vitest';
import { parseApplyPatch } from './parse-apply-patch.js';

describe('parseApplyPatch', () => {
  it('reads the envelope Codex 0.169 sends for apply_patch (captured)', () => {
    expect(parseApplyPatch('*** Begin Patch\n*** Add File: /tmp/pwned\n+pwned\n*** End Patch\n')).toEqual([
      { kind: 'add', path: '/tmp/pwned', addedText: 'pwned' },
    ]);
  });

  it('reads every operation of a multi-file patch, with moves and added lines', () => {
    const patch = [
      '*** Begin Patch',
      '*** Add File: src/new.ts',
      '+export const a = 1;',
      '+export const b = 2;',
      '*** Update File: src/old.ts',
      '*** Move to: src/renamed.ts',
      '@@ function main() {',
      '-  run();',
      '+  runSafely();',
      ' }',
      '*** End of File',
      '*** Delete File: build/stale.js',
      '*** End Patch',
    ].join('\n');
    expect(parseApplyPatch(patch)).toEqual([
      { kind: 'add', path: 'src/new.ts', addedText: 'export const a = 1;\nexport const b = 2;' },
      { kind: 'update', path: 'src/old.ts', moveTo: 'src/renamed.ts', addedText: '  runSafely();' },
      { kind: 'delete', path: 'build/stale.js', addedText: '' },
    ]);
  });

  it('sees headers Codex accepts with surrounding whitespace, including U+0085 that JavaScript does not trim', () => {
    const patch =
      '*** Begin Patch\n  *** Add File: .env\n+A=1\n\t*** Delete File: id_rsa  \n\u0085*** Add File: x.pem\n*** End Patch';
    expect(parseApplyPatch(patch).map((operation) => operation.path)).toEqual(['.env', 'id_rsa', 'x.pem']);
  });

  it('accepts CRLF line endings and the heredoc wrapper of lenient mode', () => {
    const patch =
      "<<'EOF'\r\n*** Begin Patch\r\n*** Update File: a.txt\r\n@@\r\n-x\r\n+y\r\n*** End Patch\r\nEOF";
    expect(parseApplyPatch(patch)).toEqual([{ kind: 'update', path: 'a.txt', addedText: 'y' }]);
  });

  it('does not mistake added content for headers', () => {
    const patch = '*** Begin Patch\n*** Add File: notes.md\n+*** Add File: .env\n*** End Patch';
    expect(parseApplyPatch(patch)).toEqual([
      { kind: 'add', path: 'notes.md', addedText: '*** Add File: .env' },
    ]);
  });

  it('still reports the paths of a malformed patch', () => {
    expect(
      parseApplyPatch('*** Update File: a.ts\n*** Move to: ../../etc/passwd').map(
        (operation) => operation.moveTo,
      ),
    ).toEqual(['../../etc/passwd']);
    expect(parseApplyPatch('*** Move to: /etc/hosts')).toEqual([
      { kind: 'add', path: '/etc/hosts', addedText: '' },
    ]);
    expect(parseApplyPatch('no patch here')).toEqual([]);
  });
});
