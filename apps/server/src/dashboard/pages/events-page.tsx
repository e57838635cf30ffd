import type { StoredEvent } from '../../store/store.js';
import { EffectBadge } from '../components/badges.js';
import { FilterForm } from '../components/filter-form.js';
import { Time } from '../components/time-cell.js';
import { clipText, shortText } from '../components/visible-text.js';
import type { DashboardUser } from '../dashboard-user.js';
import {
  filterQueryString,
  type ParsedEventQuery,
  TEXT_SEARCH_DEFAULT_HOURS,
} from '../event-filter-query.js';
import { eventSummary } from '../event-summary.js';
import { Layout } from '../layout.js';

export function EventsTable(props: { events: StoredEvent[]; caption: string }) {
  return (
    <div class="table-wrap">
      <table>
        <caption class="sr-only">{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">Time</th>
            <th scope="col">Effect</th>
            <th scope="col">Agent</th>
            <th scope="col">Device</th>
            <th scope="col">Phase</th>
            <th scope="col">Tool</th>
            <th scope="col">What</th>
            <th scope="col">Rule</th>
            <th scope="col">Session</th>
          </tr>
        </thead>
        <tbody>
          {props.events.map((event) => (
            <tr>
              <td>
                <a href={`/events/${encodeURIComponent(event.id)}`}>
                  <Time iso={event.ts} />
                </a>
              </td>
              <td>
                <EffectBadge effect={event.decision.effect} />
              </td>
              <td>{event.agent}</td>
              <td>{clipText(event.client?.device ?? event.host?.name ?? '', 60)}</td>
              <td>{event.phase}</td>
              <td>{event.tool ? clipText(event.tool.name, 60) : '—'}</td>
              <td>
                <span class="clip text">{clipText(eventSummary(event), 200)}</span>
              </td>
              <td>{clipText(event.decision.ruleId, 80)}</td>
              <td>
                <a
                  href={`/sessions/${encodeURIComponent(event.session)}`}
                  title={shortText(event.session, 200)}
                >
                  {shortText(event.session, 14)}
                </a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function EventsPage(props: {
  user: DashboardUser;
  csrfToken: string;
  query: ParsedEventQuery;
  events: StoredEvent[];
  nextCursor?: string;
}) {
  const qs = filterQueryString(props.query.values);
  return (
    <Layout title="Events" nav="events" user={props.user} csrfToken={props.csrfToken}>
      <h1>Events</h1>
      <FilterForm values={props.query.values} action="/events" />
      {props.query.problems.map((problem) => (
        <p class="error" role="alert">
          {problem}
        </p>
      ))}
      {props.query.searchWindowSince ? (
        <p class="muted" role="status">
          Text search covers the last {TEXT_SEARCH_DEFAULT_HOURS} hours; set From to search further back.
        </p>
      ) : null}
      <div class="actions pager">
        <span class="muted">
          {props.events.length} event{props.events.length === 1 ? '' : 's'} on this page, newest first
        </span>
        <a class="button secondary" href={`/events/export.csv${qs}`} download>
          Export CSV
        </a>
        <a class="button secondary" href={`/events/export.ndjson${qs}`} download>
          Export NDJSON
        </a>
      </div>
      {props.events.length === 0 ? (
        <p class="panel">No event matches these filters.</p>
      ) : (
        <EventsTable events={props.events} caption="Events matching the filters" />
      )}
      {props.nextCursor ? (
        <nav class="pager" aria-label="Pages">
          <a
            href={`/events${filterQueryString(props.query.values, { cursor: props.nextCursor })}`}
            rel="next"
          >
            Older events →
          </a>
        </nav>
      ) : null}
    </Layout>
  );
}
