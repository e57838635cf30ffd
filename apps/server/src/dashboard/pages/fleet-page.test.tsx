import { describe, expect, it } from 'vitest';
import type { DeviceHealth } from '../../store/store.js';
import { FleetPage, findDrift } from './fleet-page.js';

function device(name: string, overrides: Partial<DeviceHealth> = {}): DeviceHealth {
  return {
    device: name,
    agent: 'claude-code',
    user: null,
    firstSeen: '2026-12-01T00:00:00.000Z',
    lastSeen: '2026-12-07T00:00:00.000Z',
    adapter: '@warden/claude-code@0.1.0',
    policyHash: 'aaa',
    orgPolicyEtag: 'etag-2',
    mode: 'enforce',
    eventCount: 1,
    failures24h: 0,
    errors24h: 0,
    silent: false,
    suspended: null,
    ...overrides,
  };
}

describe('findDrift', () => {
  it('flags devices behind the current org policy, and hashes that differ from most devices of the agent', () => {
    const behind = device('b', { orgPolicyEtag: 'etag-1' });
    const never = device('c', { orgPolicyEtag: null });
    const odd = device('d', { policyHash: 'zzz' });
    const fine = [device('a'), device('e'), device('f')];
    const drift = findDrift({ devices: [...fine, behind, never, odd], orgEtag: 'etag-2' });
    expect([...drift.entries()].map(([entry, why]) => [entry.device, why])).toEqual([
      ['b', 'applies an older org policy'],
      ['c', 'has not applied the org policy'],
      ['d', 'policy differs from most devices'],
    ]);
  });
});

describe('FleetPage', () => {
  it('puts silent devices on top and shows the first 200 rows with a link to all', async () => {
    const devices = Array.from({ length: 250 }, (_, index) => device(`d-${index}`));
    devices[240] = device('gone-quiet', { silent: true, lastSeen: '2026-11-01T00:00:00.000Z' });
    const html = await (
      <FleetPage
        user={{ tenantId: 't', tenant: 'default', role: 'admin', name: 'admin', sessionId: 's' }}
        csrfToken="x"
        devices={devices}
        silentAfterSeconds={3600}
        now={new Date('2026-12-07T00:00:00.000Z')}
      />
    ).toString();
    const rows = html.split('<tr').slice(2);
    expect(rows[0]).toContain('gone-quiet');
    expect(rows).toHaveLength(200);
    expect(html).toContain('Showing 200 of 250 rows');
  });
});
