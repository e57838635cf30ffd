import type { DenialGroup } from '../../store/store.js';
import { SeverityBadge, StateBadge } from '../components/badges.js';
import { Time } from '../components/time-cell.js';
import { clipText, visibleText } from '../components/visible-text.js';
import type { DashboardUser } from '../dashboard-user.js';
import { Layout } from '../layout.js';

export const TRIAGE_STATES = ['open', 'acknowledged', 'ignored'] as const;
const TABS = [...TRIAGE_STATES, 'all'] as const;

function groupQuery(group: DenialGroup, extra: Record<string, string> = {}): string {
  return new URLSearchParams({
    rule: group.ruleId,
    device: group.device,
    agent: group.agent,
    ...extra,
  }).toString();
}

function TriageForms(props: { group: DenialGroup; csrfToken: string; state: string }) {
  const targets = TRIAGE_STATES.filter((state) => state !== props.group.triageState);
  const labels: Record<string, string> = { open: 'Reopen', acknowledged: 'Acknowledge', ignored: 'Ignore' };
  return (
    <div class="actions">
      {targets.map((target) => (
        <form method="post" action="/denials/triage">
          <input type="hidden" name="csrf" value={props.csrfToken} />
          <input type="hidden" name="rule" value={props.group.ruleId} />
          <input type="hidden" name="device" value={props.group.device} />
          <input type="hidden" name="agent" value={props.group.agent} />
          <input type="hidden" name="state" value={target} />
          <input type="hidden" name="back" value={props.state} />
          <button
            type="submit"
            class="secondary"
            aria-label={`${labels[target]} ${props.group.ruleId} on ${props.group.device}`}
          >
            {labels[target]}
          </button>
        </form>
      ))}
    </div>
  );
}

export function DenialsTable(props: {
  groups: DenialGroup[];
  user: DashboardUser;
  csrfToken: string;
  state: string;
}) {
  const canTriage = props.user.role === 'admin';
  return (
    <div class="table-wrap" id="denial-groups">
      <table>
        <caption class="sr-only">Denials and asks grouped by rule, device and agent</caption>
        <thead>
          <tr>
            <th scope="col">Severity</th>
            <th scope="col">Rule</th>
            <th scope="col">Device</th>
            <th scope="col">Agent</th>
            <th scope="col" class="num">
              Count
            </th>
            <th scope="col">First seen</th>
            <th scope="col">Last seen</th>
            <th scope="col">Last reason</th>
            <th scope="col">Triage</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {props.groups.map((group) => (
            <tr>
              <td>
                <SeverityBadge severity={group.severity} />
              </td>
              <td>
                <a href={`/events?${groupQuery(group)}`}>{visibleText(group.ruleId)}</a>
              </td>
              <td>{clipText(group.device, 60)}</td>
              <td>{group.agent}</td>
              <td class="num">{group.count}</td>
              <td>
                <Time iso={group.firstSeen} />
              </td>
              <td>
                <a href={`/events/${encodeURIComponent(group.lastEventId)}`}>
                  <Time iso={group.lastSeen} />
                </a>
              </td>
              <td>
                <span class="clip">{clipText(group.lastReason, 300)}</span>
              </td>
              <td>
                <StateBadge state={group.triageState} />
                {group.reopenedAt ? (
                  <div class="reopened">
                    came back <Time iso={group.reopenedAt} /> after{' '}
                    {group.triageBy ? visibleText(group.triageBy) : 'someone'} acknowledged it{' '}
                    <Time iso={group.triageAt} />
                  </div>
                ) : group.triageBy ? (
                  <div class="muted">
                    by {visibleText(group.triageBy)} <Time iso={group.triageAt} />
                  </div>
                ) : null}
              </td>
              <td>
                {canTriage ? (
                  <TriageForms group={group} csrfToken={props.csrfToken} state={props.state} />
                ) : null}
                <a href={`/denials/exception?${groupQuery(group)}`}>Draft an exception</a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function DenialsPage(props: {
  user: DashboardUser;
  csrfToken: string;
  state: string;
  groups: DenialGroup[];
  /** More groups than shown: offer the longer list. */
  more?: boolean;
  notice?: string;
}) {
  return (
    <Layout title="Denials" nav="denials" user={props.user} csrfToken={props.csrfToken} scripts={['htmx']}>
      <h1>Denials inbox</h1>
      {props.notice ? (
        <p class="notice" role="status">
          {props.notice}
        </p>
      ) : null}
      <nav aria-label="Triage state" class="actions pager">
        {TABS.map((tab) => (
          <a
            class={tab === props.state ? 'button' : 'button secondary'}
            href={`/denials?state=${tab}`}
            aria-current={tab === props.state ? 'page' : undefined}
          >
            {tab}
          </a>
        ))}
      </nav>
      <div
        id="denials-live"
        hx-get={`/denials?state=${props.state}`}
        hx-trigger="every 20s, warden:refresh"
        hx-select="#denials-live"
        hx-swap="outerHTML"
      >
        {props.groups.length === 0 ? (
          <p class="panel">
            Nothing here: no denial or ask {props.state === 'all' ? '' : `is ${props.state}`}.
          </p>
        ) : (
          <DenialsTable
            groups={props.groups}
            user={props.user}
            csrfToken={props.csrfToken}
            state={props.state}
          />
        )}
      </div>
    </Layout>
  );
}
