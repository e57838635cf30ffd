import type { SessionSummary, StoredEvent } from '../../store/store.js';
import { EffectBadge } from '../components/badges.js';
import { Time } from '../components/time-cell.js';
import { clipText, visibleText } from '../components/visible-text.js';
import type { DashboardUser } from '../dashboard-user.js';
import { eventSummary } from '../event-summary.js';
import { Layout } from '../layout.js';

const STEP_TITLES: Record<string, string> = {
  prompt: 'Prompt',
  tool_call: 'Tool call',
  tool_result: 'Result',
  response: 'Answer',
  session: 'Session',
};

function responseText(event: StoredEvent): string | undefined {
  if (event.output) return event.output;
  const response = event.tool?.response;
  if (response === undefined) return undefined;
  return typeof response === 'string' ? response : JSON.stringify(response, null, 2);
}

function Step(props: { event: StoredEvent }) {
  const event = props.event;
  const decision = event.decision;
  const effectClass = ['allow', 'ask', 'deny'].includes(decision.effect) ? `effect-${decision.effect}` : '';
  const result =
    event.phase === 'tool_result' || event.phase === 'response' ? responseText(event) : undefined;
  return (
    <li class={effectClass} id={`e-${event.id}`}>
      <div class="step-head">
        <strong>{STEP_TITLES[event.phase] ?? event.phase}</strong>
        {event.tool ? <span>{visibleText(event.tool.name)}</span> : null}
        <EffectBadge effect={decision.effect} />
        <Time iso={event.ts} />
        <a href={`/events/${encodeURIComponent(event.id)}`}>details</a>
      </div>
      {event.phase === 'prompt' && event.prompt ? <p class="text">{clipText(event.prompt, 4000)}</p> : null}
      {event.phase === 'tool_call' ? <p class="text">{clipText(eventSummary(event), 4000)}</p> : null}
      {event.phase === 'session' ? <p class="muted">{event.hookEvent}</p> : null}
      {event.phase === 'tool_call' && event.actions.length > 0 ? (
        <ul>
          {event.actions.map((action) => (
            <li>
              <code>{action.kind}</code>{' '}
              <span class="text">{clipText(JSON.stringify(action.resources), 600)}</span>
            </li>
          ))}
        </ul>
      ) : null}
      {result !== undefined ? <pre tabindex={0}>{clipText(result, 4000)}</pre> : null}
      {decision.ruleId && (decision.effect !== 'allow' || decision.findings.length > 0) ? (
        <p>
          Rule <strong>{visibleText(decision.ruleId)}</strong>: {clipText(decision.reason, 1000)}
        </p>
      ) : null}
      {decision.findings.length > 0 ? (
        <p class="muted">
          Findings: {decision.findings.map((finding) => visibleText(finding.id)).join(', ')}
        </p>
      ) : null}
    </li>
  );
}

export function SessionPage(props: {
  user: DashboardUser;
  csrfToken: string;
  session: SessionSummary;
  events: StoredEvent[];
  truncated: boolean;
}) {
  const s = props.session;
  return (
    <Layout title={`Session ${s.id}`} nav="events" user={props.user} csrfToken={props.csrfToken}>
      <h1>
        Session <span class="text">{clipText(s.id, 80)}</span>
      </h1>
      <div class="cards">
        <div class="card">
          <div class="label">Agent</div>
          <div>{s.agent}</div>
        </div>
        <div class="card">
          <div class="label">Device</div>
          <div>{visibleText(s.device)}</div>
        </div>
        <div class="card">
          <div class="label">From</div>
          <Time iso={s.firstTs} />
        </div>
        <div class="card">
          <div class="label">To</div>
          <Time iso={s.lastTs} />
        </div>
        <div class="card">
          <div class="label">Events</div>
          <div class="value">{s.counts.events}</div>
        </div>
        <div class="card">
          <div class="label">Denied / asked</div>
          <div class="value">
            {s.counts.deny} / {s.counts.ask}
          </div>
        </div>
      </div>
      <p class="actions">
        <a class="button secondary" href={`/events?session=${encodeURIComponent(s.id)}`}>
          This session in the events list
        </a>
      </p>
      {props.truncated ? (
        <p class="error">The timeline shows the first {props.events.length} events of this session.</p>
      ) : null}
      <h2>Timeline</h2>
      <ol class="timeline" aria-label="Session timeline, in order">
        {props.events.map((event) => (
          <Step event={event} />
        ))}
      </ol>
    </Layout>
  );
}
