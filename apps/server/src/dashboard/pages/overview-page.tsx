import type { Stats } from '../../store/store.js';
import { formatTime } from '../components/format-time.js';
import { clipText } from '../components/visible-text.js';
import type { DashboardUser } from '../dashboard-user.js';
import { Layout } from '../layout.js';

export const OVERVIEW_RANGES = { '24h': 24, '7d': 24 * 7, '30d': 24 * 30 } as const;
export type OverviewRange = keyof typeof OVERVIEW_RANGES;

function BarTable(props: {
  caption: string;
  label: string;
  rows: { name: string; count: number; href: string }[];
}) {
  const max = Math.max(1, ...props.rows.map((row) => row.count));
  return (
    <table>
      <caption>{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col">{props.label}</th>
          <th scope="col" class="num">
            Count
          </th>
          <th scope="col">
            <span class="sr-only">Share</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {props.rows.length === 0 ? (
          <tr>
            <td colspan={3} class="muted">
              No events in this period.
            </td>
          </tr>
        ) : null}
        {props.rows.map((row) => (
          <tr>
            <td>
              <a href={row.href}>{clipText(row.name, 80)}</a>
            </td>
            <td class="num">{row.count}</td>
            <td>
              {/* The bar's width is an SVG attribute, not an inline style (the CSP forbids those). */}
              <svg width="120" height="10" aria-hidden="true" focusable="false">
                <rect
                  width={Math.max(2, Math.round((row.count / max) * 120))}
                  height="10"
                  rx="2"
                  fill="#1f5fbf"
                />
              </svg>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Every hour of the period, zeros included, so the chart's time axis is the period and not just the busy hours. */
function everyHour(stats: Stats): Stats['series'] {
  const byBucket = new Map(stats.series.map((point) => [new Date(point.bucket).getTime(), point]));
  const hours: Stats['series'] = [];
  const end = Date.parse(stats.until);
  for (let hour = Date.parse(stats.since); hour < end && hours.length < 24 * 31; hour += 3_600_000) {
    hours.push(byBucket.get(hour) ?? { bucket: new Date(hour).toISOString(), allow: 0, ask: 0, deny: 0 });
  }
  return hours;
}

export function OverviewPage(props: {
  user: DashboardUser;
  csrfToken: string;
  stats: Stats;
  range: OverviewRange;
  agent?: string;
  agents: string[];
}) {
  const { stats } = props;
  const agentQuery = props.agent ? `&agent=${encodeURIComponent(props.agent)}` : '';
  const since = stats.since.slice(0, 16);
  const series = everyHour(stats);
  return (
    <Layout
      title="Overview"
      nav="overview"
      user={props.user}
      csrfToken={props.csrfToken}
      scripts={['htmx', 'charts']}
    >
      <h1>Overview</h1>
      <form class="filters panel" method="get" action="/" aria-label="Period and agent">
        <div class="field">
          <label for="o-range">Period</label>
          <select id="o-range" name="range">
            {Object.keys(OVERVIEW_RANGES).map((range) => (
              <option value={range} selected={range === props.range}>
                last {range}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="o-agent">Agent</label>
          <select id="o-agent" name="agent">
            <option value="">every agent</option>
            {props.agents.map((agent) => (
              <option value={agent} selected={agent === props.agent}>
                {agent}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <button type="submit">Show</button>
        </div>
      </form>
      <div
        id="overview-live"
        hx-get={`/?range=${props.range}${agentQuery}`}
        hx-trigger="every 30s, warden:refresh"
        hx-select="#overview-live"
        hx-swap="outerHTML"
      >
        <div class="cards">
          <a class="card" href={`/events?effect=deny&since=${since}${agentQuery}`}>
            <div class="label">Denied</div>
            <div class="value">{stats.totals.deny}</div>
          </a>
          <a class="card" href={`/events?effect=ask&since=${since}${agentQuery}`}>
            <div class="label">Asked</div>
            <div class="value">{stats.totals.ask}</div>
          </a>
          <a class="card" href={`/events?effect=allow&since=${since}${agentQuery}`}>
            <div class="label">Allowed</div>
            <div class="value">{stats.totals.allow}</div>
          </a>
          <div class="card">
            <div class="label">Hook latency p50 / p99</div>
            <div class="value">
              {stats.latency.p50Ms === null ? '—' : `${stats.latency.p50Ms.toFixed(0)} ms`} /{' '}
              {stats.latency.p99Ms === null ? '—' : `${stats.latency.p99Ms.toFixed(0)} ms`}
            </div>
          </div>
        </div>
        <section class="panel" aria-labelledby="series-h">
          <h2 id="series-h">Decisions per hour</h2>
          <details open>
            <summary>Data table</summary>
            <div class="table-wrap">
              <table data-chart="Decisions per hour by effect">
                <thead>
                  <tr>
                    <th scope="col">Hour (UTC)</th>
                    <th scope="col" class="num">
                      deny
                    </th>
                    <th scope="col" class="num">
                      ask
                    </th>
                    <th scope="col" class="num">
                      allow
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {series.map((point) => (
                    <tr>
                      <th scope="row" data-value={point.bucket}>
                        {formatTime(point.bucket).slice(0, 16)}
                      </th>
                      <td class="num">{point.deny}</td>
                      <td class="num">{point.ask}</td>
                      <td class="num">{point.allow}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        </section>
        <div class="grid">
          <section class="panel" aria-labelledby="rules-h">
            <h2 id="rules-h">Top rules</h2>
            <BarTable
              caption="Rules that decided most often (deny and ask)"
              label="Rule"
              rows={stats.topRules.map((rule) => ({
                name: `${rule.ruleId} (${rule.effect})`,
                count: rule.count,
                href: `/events?rule=${encodeURIComponent(rule.ruleId)}&effect=${encodeURIComponent(rule.effect)}${agentQuery}`,
              }))}
            />
          </section>
          <section class="panel" aria-labelledby="tools-h">
            <h2 id="tools-h">Top tools</h2>
            <BarTable
              caption="Tools called most often"
              label="Tool"
              rows={stats.topTools.map((tool) => ({
                name: tool.tool,
                count: tool.count,
                href: `/events?tool=${encodeURIComponent(tool.tool)}${agentQuery}`,
              }))}
            />
          </section>
        </div>
      </div>
    </Layout>
  );
}
