import { describe, expect, it } from 'vitest';
import { lineDiff } from './line-diff.js';

describe('lineDiff', () => {
  it('marks added and removed lines and keeps the common ones', () => {
    const diff = lineDiff({ before: 'a\nb\nc\n', after: 'a\nB\nc\nd\n' });
    expect(diff).toEqual([
      { kind: 'same', text: 'a' },
      { kind: 'del', text: 'b' },
      { kind: 'add', text: 'B' },
      { kind: 'same', text: 'c' },
      { kind: 'add', text: 'd' },
    ]);
  });

  it('shows a whole new file as added lines', () => {
    expect(lineDiff({ before: '', after: 'x\ny' })).toEqual([
      { kind: 'add', text: 'x' },
      { kind: 'add', text: 'y' },
    ]);
  });
});
