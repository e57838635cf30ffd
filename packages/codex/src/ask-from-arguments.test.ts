import { describe, expect, it } from 'vitest';
import { askFromArguments } from './ask-from-arguments.js';

describe('askFromArguments', () => {
  it('reads --ask deny|defer in either spelling, wherever it stands', () => {
    expect(askFromArguments({ argv: ['--ask', 'deny'] })).toBe('deny');
    expect(askFromArguments({ argv: ['--transport', 'mcp', '--ask=defer'] })).toBe('defer');
  });

  it('leaves the default for no flag, a missing value or an unknown one', () => {
    expect(askFromArguments({ argv: [] })).toBeUndefined();
    expect(askFromArguments({ argv: ['--ask'] })).toBeUndefined();
    expect(askFromArguments({ argv: ['--ask=allow'] })).toBeUndefined();
  });
});
