import { describe, expect, it } from 'vitest';
import { parseTime } from './parse-time.js';

describe('parseTime', () => {
  const now = Date.UTC(2026, 11, 7, 12, 0, 0);
  it('reads relative times back from now', () => {
    expect(parseTime('2h', now)).toBe('2026-12-07T10:00:00.000Z');
    expect(parseTime('30m', now)).toBe('2026-12-07T11:30:00.000Z');
    expect(parseTime('7d', now)).toBe('2026-11-30T12:00:00.000Z');
  });
  it('normalises ISO times and refuses anything else', () => {
    expect(parseTime('2026-12-01T10:00:00+01:00', now)).toBe('2026-12-01T09:00:00.000Z');
    expect(parseTime('yesterday', now)).toBeUndefined();
    expect(parseTime('5y', now)).toBeUndefined();
  });
});
