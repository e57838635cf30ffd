import { EffectBadge } from '../components/badges.js';
import { Time } from '../components/time-cell.js';
import { clipText, visibleText } from '../components/visible-text.js';
import type { DashboardUser } from '../dashboard-user.js';
import { eventSummary } from '../event-summary.js';
import { Layout } from '../layout.js';
import type { AnchorContinuity } from '../queries/anchor-continuity.js';
import type { EventRecord } from '../queries/get-event.js';

const MAX_SHOWN = 20_000;

/** Pretty JSON of redacted event data, shown as text (escaped, invisible characters made visible). */
function jsonText(value: unknown): string {
  return clipText(JSON.stringify(value, null, 2) ?? '', MAX_SHOWN);
}

function traceOf(raw: Record<string, unknown>): { ruleId: string; effect: string; matched: string }[] {
  const decision = raw.decision as { trace?: unknown } | undefined;
  if (!Array.isArray(decision?.trace)) return [];
  return decision.trace.flatMap((entry) =>
    typeof entry === 'object' && entry !== null
      ? [
          {
            ruleId: String((entry as Record<string, unknown>).ruleId ?? ''),
            effect: String((entry as Record<string, unknown>).effect ?? ''),
            matched: String((entry as Record<string, unknown>).matched ?? ''),
          },
        ]
      : [],
  );
}

export function EventDetailPage(props: {
  user: DashboardUser;
  csrfToken: string;
  record: EventRecord;
  anchor?: AnchorContinuity;
}) {
  const { event, raw } = props.record;
  const decision = event.decision;
  const trace = traceOf(raw);
  return (
    <Layout title="Event" nav="events" user={props.user} csrfToken={props.csrfToken}>
      <h1>
        Event <EffectBadge effect={decision.effect} />
      </h1>
      <p class="text">{clipText(eventSummary(event), 2000)}</p>
      <div class="grid">
        <section class="panel" aria-labelledby="facts-h">
          <h2 id="facts-h">What happened</h2>
          <dl class="facts">
            <dt>Time</dt>
            <dd>
              <Time iso={event.ts} />{' '}
              <span class="muted">
                (received <Time iso={props.record.receivedAt} />)
              </span>
            </dd>
            <dt>Agent</dt>
            <dd>{event.agent}</dd>
            <dt>Device</dt>
            <dd>
              <a href={`/events?device=${encodeURIComponent(props.record.device)}`}>
                {visibleText(props.record.device)}
              </a>
            </dd>
            <dt>User</dt>
            <dd>{visibleText(props.record.user ?? '—')}</dd>
            <dt>Session</dt>
            <dd>
              <a href={`/sessions/${encodeURIComponent(event.session)}`}>{visibleText(event.session)}</a>
            </dd>
            <dt>Hook event</dt>
            <dd>
              {event.hookEvent} ({event.phase})
            </dd>
            <dt>Tool</dt>
            <dd>{event.tool ? visibleText(event.tool.name) : '—'}</dd>
            <dt>Working directory</dt>
            <dd class="text">{clipText(event.cwd, 1000)}</dd>
            <dt>Event id</dt>
            <dd class="text">{visibleText(event.id)}</dd>
            {event.backfilled ? (
              <>
                <dt>Backfilled</dt>
                <dd>rebuilt from the audit log (no input or output text)</dd>
              </>
            ) : null}
          </dl>
        </section>
        <section class="panel" aria-labelledby="decision-h">
          <h2 id="decision-h">Decision</h2>
          <dl class="facts">
            <dt>Applied</dt>
            <dd>
              <EffectBadge effect={decision.effect} /> in {decision.mode} mode
            </dd>
            <dt>Policy said</dt>
            <dd>
              <EffectBadge effect={decision.policyEffect} />
            </dd>
            <dt>Rule</dt>
            <dd>
              <a href={`/events?rule=${encodeURIComponent(decision.ruleId)}`}>
                {visibleText(decision.ruleId)}
              </a>
            </dd>
            <dt>Reason</dt>
            <dd>{clipText(decision.reason, 2000)}</dd>
            {decision.failure ? (
              <>
                <dt>Failure</dt>
                <dd>
                  failure policy {decision.failure.policy}: {clipText(decision.failure.error, 1000)}
                </dd>
              </>
            ) : null}
            {event.remote ? (
              <>
                <dt>Remote verdict</dt>
                <dd class="text">{jsonText(event.remote)}</dd>
              </>
            ) : null}
            {event.client?.latencyMs !== undefined ? (
              <>
                <dt>Hook latency</dt>
                <dd>{event.client.latencyMs.toFixed(1)} ms</dd>
              </>
            ) : null}
          </dl>
          <h3>Findings</h3>
          {decision.findings.length === 0 ? (
            <p class="muted">None.</p>
          ) : (
            <ul>
              {decision.findings.map((finding) => (
                <li>
                  <strong>{visibleText(finding.id)}</strong>: {clipText(finding.message, 500)}
                  {finding.subject ? <span class="text"> ({clipText(finding.subject, 200)})</span> : null}
                </li>
              ))}
            </ul>
          )}
          <h3>Decision trace</h3>
          {trace.length === 0 ? (
            <p class="muted">The client sent no rule trace: the rule above decided.</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th scope="col">Rule</th>
                  <th scope="col">Effect</th>
                  <th scope="col">Why it matched</th>
                </tr>
              </thead>
              <tbody>
                {trace.map((entry) => (
                  <tr>
                    <td>{visibleText(entry.ruleId)}</td>
                    <td>
                      <EffectBadge effect={entry.effect} />
                    </td>
                    <td>{clipText(entry.matched, 500)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
        <section class="panel" aria-labelledby="audit-h">
          <h2 id="audit-h">Audit anchor</h2>
          {props.anchor ? (
            <dl class="facts">
              <dt>Sequence</dt>
              <dd>{props.anchor.seq}</dd>
              <dt>Hash</dt>
              <dd class="text">{visibleText(props.anchor.hash)}</dd>
              <dt>Held by the server</dt>
              <dd>{props.anchor.matches ? 'yes, same hash' : 'no: the server holds no matching anchor'}</dd>
              <dt>Chain around it</dt>
              <dd>
                {props.anchor.previous === 'missing' || props.anchor.next === 'missing' ? (
                  <strong class="drift">
                    gap: {props.anchor.previous === 'missing' ? `seq ${props.anchor.seq - 1} missing` : ''}
                    {props.anchor.previous === 'missing' && props.anchor.next === 'missing' ? ', ' : ''}
                    {props.anchor.next === 'missing' ? `seq ${props.anchor.seq + 1} missing` : ''}
                  </strong>
                ) : (
                  <span>
                    continuous (
                    {props.anchor.previous === 'start' ? 'first record' : `seq ${props.anchor.seq - 1}`} →{' '}
                    {props.anchor.seq} →{' '}
                    {props.anchor.next === 'latest' ? 'latest so far' : `seq ${props.anchor.seq + 1}`})
                  </span>
                )}
              </dd>
            </dl>
          ) : (
            <p class="muted">This event carries no audit anchor.</p>
          )}
        </section>
      </div>
      <section class="panel" aria-labelledby="actions-h">
        <h2 id="actions-h">Actions Warden saw</h2>
        {event.actions.length === 0 ? (
          <p class="muted">None.</p>
        ) : (
          <pre tabindex={0}>{jsonText(event.actions)}</pre>
        )}
      </section>
      {event.tool?.input !== undefined ? (
        <section class="panel" aria-labelledby="input-h">
          <h2 id="input-h">Tool input (redacted)</h2>
          <pre tabindex={0}>{jsonText(event.tool.input)}</pre>
        </section>
      ) : null}
      {event.tool?.response !== undefined ? (
        <section class="panel" aria-labelledby="response-h">
          <h2 id="response-h">Tool result (redacted)</h2>
          <pre tabindex={0}>{jsonText(event.tool.response)}</pre>
        </section>
      ) : null}
      {event.prompt ? (
        <section class="panel" aria-labelledby="prompt-h">
          <h2 id="prompt-h">Prompt (redacted)</h2>
          <pre tabindex={0}>{clipText(event.prompt, MAX_SHOWN)}</pre>
        </section>
      ) : null}
      {event.output ? (
        <section class="panel" aria-labelledby="output-h">
          <h2 id="output-h">Output (redacted)</h2>
          <pre tabindex={0}>{clipText(event.output, MAX_SHOWN)}</pre>
        </section>
      ) : null}
    </Layout>
  );
}
