import { describe, expect, it } from 'vitest';
import { compilePattern } from './compile-pattern.js';

describe('compilePattern', () => {
  it('compiles a plain pattern with its flags', () => {
    expect(compilePattern('ab+c', 'g')?.flags).toBe('g');
  });

  it('keeps a case-insensitive group working, on engines with or without regexp modifiers', () => {
    const regex = compilePattern('^(?i:token)-[0-9]+$', '');
    expect(regex?.test('TOKEN-42')).toBe(true);
    expect(regex?.test('token-x')).toBe(false);
  });

  it('answers null for a pattern no engine form accepts', () => {
    expect(compilePattern('(unclosed', '')).toBeNull();
  });
});
