import type { Hono } from 'hono';
import type { Store } from '../../store/store.js';
import type { DashboardEnv } from '../index.js';
import { renderPage } from '../index.js';
import { FleetPage } from '../pages/fleet-page.js';

/** `/fleet`: every device and agent, silent ones first, drift and failures highlighted. */
export function registerFleetRoutes(options: {
  app: Hono<DashboardEnv>;
  store: Store;
  now: () => Date;
}): void {
  const { app, store } = options;
  app.get('/fleet', async (c) => {
    const user = c.get('user');
    const now = options.now();
    const [fleet, org] = await Promise.all([
      store.listDevices({ tenantId: user.tenantId, now: now.toISOString() }),
      store.getOrgPolicy({ tenantId: user.tenantId }),
    ]);
    return renderPage(
      c,
      <FleetPage
        user={user}
        csrfToken={c.get('csrfToken')}
        devices={fleet.devices}
        silentAfterSeconds={fleet.silentAfterSeconds}
        orgEtag={org?.etag}
        now={now}
        all={c.req.query('all') === '1'}
      />,
    );
  });
}
