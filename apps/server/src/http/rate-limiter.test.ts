import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limiter.js';

describe('RateLimiter', () => {
  it('allows a burst, then refills at the sustained rate, per key', () => {
    const limiter = new RateLimiter({ perSecond: 2, burst: 2 });
    expect(limiter.take('a', 0).ok).toBe(true);
    expect(limiter.take('a', 0).ok).toBe(true);
    expect(limiter.take('a', 0)).toEqual({ ok: false, retryAfterSeconds: 1 });
    expect(limiter.take('b', 0).ok).toBe(true);
    expect(limiter.take('a', 500).ok).toBe(true);
    expect(limiter.take('a', 500).ok).toBe(false);
  });
});
