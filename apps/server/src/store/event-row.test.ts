import { describe, expect, it } from 'vitest';
import { makeEvent } from '../testing/make-event.js';
import {
  eventDevice,
  hourBucket,
  latencyBin,
  latencyBinValue,
  normalizeTimestamp,
  searchText,
} from './event-row.js';

describe('event-row', () => {
  it('names the device by the client id, else the host name', () => {
    expect(eventDevice(makeEvent({ device: 'dev-1' }))).toBe('dev-1');
    expect(eventDevice({ ...makeEvent(), client: {} })).toBe('laptop-1');
    const { host: _host, ...bare } = makeEvent();
    expect(eventDevice({ ...bare, client: {} })).toBe('unknown');
  });

  it('normalises times and buckets them by hour', () => {
    expect(normalizeTimestamp('2026-12-01T10:20:30+02:00')).toBe('2026-12-01T08:20:30.000Z');
    expect(normalizeTimestamp('nope')).toBeUndefined();
    expect(normalizeTimestamp('2026-12-01T08:20:30.123Z')).toBe('2026-12-01T08:20:30.123Z');
    expect(normalizeTimestamp('2026-00-01T08:20:30.123Z')).toBeUndefined();
    expect(hourBucket('2026-12-01T08:20:30.000Z')).toBe('2026-12-01T08:00:00.000Z');
  });

  it('keeps latency bins within about 9 % of the value', () => {
    for (const ms of [1, 7, 50, 333, 2500]) {
      const upper = latencyBinValue(latencyBin(ms));
      expect(upper).toBeGreaterThanOrEqual(ms);
      expect(upper).toBeLessThan((ms + 1) * 1.1);
    }
  });

  it('searches lower-cased prompt, commands and reason, bounded in size', () => {
    const text = searchText(
      makeEvent({
        prompt: 'Deploy NOW',
        actions: [{ kind: 'shell.exec', resources: { command: 'RM -rf /' } }],
      }),
    );
    expect(text).toContain('deploy now');
    expect(text).toContain('rm -rf /');
    expect(searchText(makeEvent({ prompt: 'x'.repeat(100_000) })).length).toBeLessThanOrEqual(4000);
  });
});
