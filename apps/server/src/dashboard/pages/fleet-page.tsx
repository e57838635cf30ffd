import type { DeviceHealth } from '../../store/store.js';
import { formatAge } from '../components/format-time.js';
import { Time } from '../components/time-cell.js';
import { clipText, visibleText } from '../components/visible-text.js';
import type { DashboardUser } from '../dashboard-user.js';
import { Layout } from '../layout.js';

/**
 * Devices that report a policy hash different from most devices of the same agent, or an org
 * policy ETag other than the current one, are drifting: they do not enforce what the team thinks.
 */
export function findDrift(options: { devices: DeviceHealth[]; orgEtag?: string }): Map<DeviceHealth, string> {
  const common = new Map<string, string>();
  const counts = new Map<string, Map<string, number>>();
  for (const device of options.devices) {
    if (!device.policyHash) continue;
    const perAgent = counts.get(device.agent) ?? new Map<string, number>();
    perAgent.set(device.policyHash, (perAgent.get(device.policyHash) ?? 0) + 1);
    counts.set(device.agent, perAgent);
  }
  for (const [agent, perAgent] of counts) {
    const top = [...perAgent].sort((a, b) => b[1] - a[1])[0];
    if (top) common.set(agent, top[0]);
  }
  const drift = new Map<DeviceHealth, string>();
  for (const device of options.devices) {
    if (options.orgEtag && device.orgPolicyEtag !== options.orgEtag) {
      drift.set(
        device,
        device.orgPolicyEtag ? 'applies an older org policy' : 'has not applied the org policy',
      );
    } else if (device.policyHash && common.get(device.agent) !== device.policyHash) {
      drift.set(device, 'policy differs from most devices');
    }
  }
  return drift;
}

/** Rows on the fleet page before "show all": keeps the page light on a large fleet. */
export const FLEET_PAGE_ROWS = 200;

export function FleetPage(props: {
  user: DashboardUser;
  csrfToken: string;
  devices: DeviceHealth[];
  silentAfterSeconds: number;
  orgEtag?: string;
  now: Date;
  /** Show every row instead of the first FLEET_PAGE_ROWS (silent and drifting devices come first). */
  all?: boolean;
}) {
  const devices = [...props.devices];
  const drift = findDrift({ devices, orgEtag: props.orgEtag });
  // Silent first, then drifting, then the most recently seen: the rows that need someone on top.
  devices.sort(
    (a, b) =>
      Number(b.silent) - Number(a.silent) ||
      Number(drift.has(b)) - Number(drift.has(a)) ||
      (a.silent ? a.lastSeen.localeCompare(b.lastSeen) : b.lastSeen.localeCompare(a.lastSeen)),
  );
  const shown = props.all ? devices : devices.slice(0, FLEET_PAGE_ROWS);
  const silent = devices.filter((device) => device.silent).length;
  const isAdmin = props.user.role === 'admin';
  return (
    <Layout title="Fleet" nav="fleet" user={props.user} csrfToken={props.csrfToken} scripts={['htmx']}>
      <h1>Fleet health</h1>
      <div class="cards">
        <div class="card">
          <div class="label">Devices and agents</div>
          <div class="value">{devices.length}</div>
        </div>
        <div class="card">
          <div class="label">Silent over {Math.round(props.silentAfterSeconds / 60)} min</div>
          <div class="value">{silent}</div>
        </div>
        <div class="card">
          <div class="label">Policy drift</div>
          <div class="value">{drift.size}</div>
        </div>
      </div>
      <div
        id="fleet-live"
        hx-get={props.all ? '/fleet?all=1' : '/fleet'}
        hx-trigger="every 30s, warden:refresh"
        hx-select="#fleet-live"
        hx-swap="outerHTML"
      >
        {devices.length === 0 ? (
          <p class="panel">No device has reported yet. Point a hook at this server with a device token.</p>
        ) : (
          <div class="table-wrap">
            <table>
              <caption class="sr-only">Devices, silent ones first</caption>
              <thead>
                <tr>
                  <th scope="col">Device</th>
                  <th scope="col">Agent</th>
                  <th scope="col">User</th>
                  <th scope="col">Last event</th>
                  <th scope="col">Adapter</th>
                  <th scope="col">Policy</th>
                  <th scope="col">Mode</th>
                  <th scope="col" class="num">
                    Failures 24 h
                  </th>
                  <th scope="col" class="num">
                    Hook errors 24 h
                  </th>
                  <th scope="col">State</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((device) => {
                  const drifting = drift.get(device);
                  return (
                    <tr class={device.silent ? 'silent warn' : undefined}>
                      <td>
                        <a href={`/events?device=${encodeURIComponent(device.device)}`}>
                          {clipText(device.device, 60)}
                        </a>
                      </td>
                      <td>{device.agent}</td>
                      <td>{visibleText(device.user ?? '—')}</td>
                      <td>
                        <Time iso={device.lastSeen} />
                        <div class={device.silent ? 'drift' : 'muted'}>
                          {device.silent ? 'silent, ' : ''}
                          {formatAge({ iso: device.lastSeen, now: props.now })}
                        </div>
                      </td>
                      <td>{visibleText(device.adapter ?? '—')}</td>
                      <td>
                        <code>{device.policyHash ? device.policyHash.slice(0, 12) : '—'}</code>
                        {drifting ? <div class="drift">drift: {drifting}</div> : null}
                      </td>
                      <td>{device.mode ?? '—'}</td>
                      <td class="num">{device.failures24h}</td>
                      <td class="num">{device.errors24h}</td>
                      <td>
                        {device.suspended ? (
                          <strong class="drift">suspended ({device.suspended.scope})</strong>
                        ) : (
                          'active'
                        )}
                        {isAdmin && !device.suspended ? (
                          <div>
                            <a href={`/settings?device=${encodeURIComponent(device.device)}#suspend-h`}>
                              Suspend…
                            </a>
                          </div>
                        ) : null}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
        {shown.length < devices.length ? (
          <p class="pager">
            Showing {shown.length} of {devices.length} rows. <a href="/fleet?all=1">Show all</a>
          </p>
        ) : null}
      </div>
    </Layout>
  );
}
