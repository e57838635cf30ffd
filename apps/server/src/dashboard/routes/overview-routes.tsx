import type { Hono } from 'hono';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { Store } from '../../store/store.js';
import type { DashboardEnv } from '../index.js';
import { renderPage } from '../index.js';
import { OVERVIEW_RANGES, OverviewPage, type OverviewRange } from '../pages/overview-page.js';
import { listAgents } from '../queries/list-agents.js';

/** `/`: decisions over time by effect, top rules and tools, hook latency, from the hourly tables. */
export function registerOverviewRoutes(options: {
  app: Hono<DashboardEnv>;
  store: Store;
  db: Kysely<Database>;
  now: () => Date;
}): void {
  const { app, store } = options;
  app.get('/', async (c) => {
    const user = c.get('user');
    const requested = c.req.query('range') ?? '24h';
    const range: OverviewRange = requested in OVERVIEW_RANGES ? (requested as OverviewRange) : '24h';
    const agent = c.req.query('agent') || undefined;
    const now = options.now();
    // Whole hours: the hourly tables answer exactly, and the chart's last point is the current hour.
    const until = new Date(Math.ceil(now.getTime() / 3_600_000) * 3_600_000);
    const since = new Date(until.getTime() - OVERVIEW_RANGES[range] * 3_600_000);
    const [stats, agents] = await Promise.all([
      store.getStats({
        tenantId: user.tenantId,
        since: since.toISOString(),
        until: until.toISOString(),
        ...(agent ? { agent } : {}),
        top: 10,
      }),
      listAgents({ db: options.db, tenantId: user.tenantId }),
    ]);
    return renderPage(
      c,
      <OverviewPage
        user={user}
        csrfToken={c.get('csrfToken')}
        stats={stats}
        range={range}
        agent={agent}
        agents={agents}
      />,
    );
  });
}
