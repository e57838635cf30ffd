import type { OrgPolicyRecord, SuspensionRecord, TenantSettings, TokenRecord } from '../../store/store.js';
import { Time } from '../components/time-cell.js';
import { visibleText } from '../components/visible-text.js';
import type { DashboardUser } from '../dashboard-user.js';
import { Layout } from '../layout.js';

export interface PolicyUploadError {
  message: string;
  line?: number;
  text: string;
}

export function PolicyErrorView(props: { error: PolicyUploadError }) {
  const lines = props.error.text.split('\n');
  const line = props.error.line;
  const from = line ? Math.max(1, line - 5) : 1;
  const to = line ? Math.min(lines.length, line + 5) : Math.min(lines.length, 20);
  return (
    <div>
      <p class="error" role="alert" id="policy-error">
        {line ? `Line ${line}: ` : ''}
        {props.error.message}
      </p>
      <section class="diff" aria-label="The uploaded policy around the error">
        {lines.slice(from - 1, to).map((text, index) => {
          const number = from + index;
          return (
            <div class={number === line ? 'line-error' : undefined} id={`policy-line-${number}`}>
              {`${String(number).padStart(4, ' ')}  ${visibleText(text)}`}
              {number === line ? '   ← here' : ''}
            </div>
          );
        })}
      </section>
    </div>
  );
}

export function PolicyUploadForm(props: {
  csrfToken: string;
  text: string;
  error?: PolicyUploadError;
  label?: string;
}) {
  return (
    <form method="post" action="/settings/policy" enctype="multipart/form-data">
      <input type="hidden" name="csrf" value={props.csrfToken} />
      {props.error ? <PolicyErrorView error={props.error} /> : null}
      <p>
        <label for="policy-yaml">Org policy (YAML or JSON)</label>
        <textarea
          id="policy-yaml"
          name="yaml"
          rows={18}
          spellcheck={false}
          aria-describedby={props.error ? 'policy-error' : undefined}
        >
          {props.text}
        </textarea>
      </p>
      <p>
        <label for="policy-file">or upload a file</label>{' '}
        <input id="policy-file" name="file" type="file" accept=".yaml,.yml,.json" />
      </p>
      <button type="submit">{props.label ?? 'Validate and apply'}</button>
    </form>
  );
}

export function SettingsPage(props: {
  user: DashboardUser;
  csrfToken: string;
  tokens: TokenRecord[];
  settings: TenantSettings;
  defaultSilentAfterSeconds: number;
  orgPolicy?: OrgPolicyRecord;
  suspensions: SuspensionRecord[];
  newToken?: { token: string; name: string; role: string };
  notice?: string;
  error?: string;
  policyError?: PolicyUploadError;
  /** Prefills the suspend form (the fleet page's "Suspend…" link). */
  suspendDevice?: string;
}) {
  const isAdmin = props.user.role === 'admin';
  const tenantSuspension = props.suspensions.find((suspension) => suspension.scope === 'tenant');
  return (
    <Layout title="Settings" nav="settings" user={props.user} csrfToken={props.csrfToken}>
      <h1>Settings</h1>
      {props.notice ? (
        <p class="notice" role="status">
          {props.notice}
        </p>
      ) : null}
      {props.error ? (
        <p class="error" role="alert">
          {props.error}
        </p>
      ) : null}
      {!isAdmin ? <p class="muted">You are signed in with a viewer token: settings are read-only.</p> : null}

      <section class="panel" aria-labelledby="tokens-h">
        <h2 id="tokens-h">Tokens</h2>
        {props.newToken ? (
          <div class="notice" role="status">
            <p>
              New {props.newToken.role} token <strong>{props.newToken.name}</strong>. Copy it now: it is shown
              once and stored only as a hash.
            </p>
            <code class="secret" id="new-token">
              {props.newToken.token}
            </code>
          </div>
        ) : null}
        <div class="table-wrap">
          <table>
            <caption class="sr-only">Tokens of this tenant</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Role</th>
                <th scope="col">Prefix</th>
                <th scope="col">Created</th>
                <th scope="col">Last used</th>
                <th scope="col">State</th>
              </tr>
            </thead>
            <tbody>
              {props.tokens.map((token) => (
                <tr>
                  <td>{visibleText(token.name)}</td>
                  <td>{token.role}</td>
                  <td>
                    <code>{token.prefix}…</code>
                  </td>
                  <td>
                    <Time iso={token.createdAt} />
                  </td>
                  <td>
                    <Time iso={token.lastUsedAt} />
                  </td>
                  <td>
                    {token.revokedAt ? (
                      <span>
                        revoked <Time iso={token.revokedAt} />
                      </span>
                    ) : isAdmin ? (
                      <form method="post" action="/settings/tokens/revoke">
                        <input type="hidden" name="csrf" value={props.csrfToken} />
                        <input type="hidden" name="id" value={token.id} />
                        <button type="submit" class="danger" aria-label={`Revoke token ${token.name}`}>
                          Revoke
                        </button>
                      </form>
                    ) : (
                      'active'
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {isAdmin ? (
          <form method="post" action="/settings/tokens" class="filters">
            <input type="hidden" name="csrf" value={props.csrfToken} />
            <div class="field">
              <label for="token-name">Name</label>
              <input
                id="token-name"
                name="name"
                type="text"
                required
                maxlength={100}
                placeholder="alice-laptop"
              />
            </div>
            <div class="field">
              <label for="token-role">Role</label>
              <select id="token-role" name="role">
                <option value="device">device (hooks send events)</option>
                <option value="viewer">viewer (read-only dashboard)</option>
                <option value="admin">admin</option>
              </select>
            </div>
            <div class="field">
              <button type="submit">Create token</button>
            </div>
          </form>
        ) : null}
      </section>

      <section class="panel" aria-labelledby="retention-h">
        <h2 id="retention-h">Retention and silence</h2>
        <form method="post" action="/settings/retention" class="filters">
          <input type="hidden" name="csrf" value={props.csrfToken} />
          <div class="field">
            <label for="retention-days">Keep events for (days, empty: forever)</label>
            <input
              id="retention-days"
              name="retentionDays"
              type="number"
              min={1}
              max={36500}
              value={props.settings.retentionDays === null ? '' : String(props.settings.retentionDays)}
              disabled={!isAdmin}
            />
          </div>
          <div class="field">
            <label for="silent-after">A device is silent after (minutes)</label>
            <input
              id="silent-after"
              name="silentAfterMinutes"
              type="number"
              min={1}
              max={525600}
              value={String(
                Math.round((props.settings.silentAfterSeconds ?? props.defaultSilentAfterSeconds) / 60),
              )}
              disabled={!isAdmin}
            />
          </div>
          {isAdmin ? (
            <div class="field">
              <button type="submit">Save</button>
            </div>
          ) : null}
        </form>
      </section>

      <section class="panel" aria-labelledby="policy-h">
        <h2 id="policy-h">Org policy</h2>
        {props.orgPolicy ? (
          <p class="muted">
            ETag <code>{props.orgPolicy.etag}</code>, updated by {visibleText(props.orgPolicy.updatedBy)}{' '}
            <Time iso={props.orgPolicy.updatedAt} />. Devices combine it with their local policy; the most
            restrictive effect wins.
          </p>
        ) : (
          <p class="muted">No org policy yet: devices use their local policy only.</p>
        )}
        {isAdmin ? (
          <PolicyUploadForm
            csrfToken={props.csrfToken}
            text={props.policyError?.text ?? props.orgPolicy?.yaml ?? ''}
            error={props.policyError}
          />
        ) : props.orgPolicy ? (
          <pre tabindex={0}>{visibleText(props.orgPolicy.yaml)}</pre>
        ) : null}
      </section>

      <section class="panel" aria-labelledby="suspend-h">
        <h2 id="suspend-h">Kill switch</h2>
        <p class="muted">
          A suspended device (or every device of the tenant) denies every tool call until resumed, at its next
          policy refresh.
        </p>
        {props.suspensions.length > 0 ? (
          <ul>
            {props.suspensions.map((suspension) => (
              <li>
                <strong>
                  {suspension.scope === 'tenant' ? 'The whole tenant' : visibleText(suspension.device ?? '')}
                </strong>{' '}
                since <Time iso={suspension.since} /> by {visibleText(suspension.createdBy)}:{' '}
                {visibleText(suspension.reason)}
                {isAdmin ? (
                  <form method="post" action="/settings/resume" class="actions">
                    <input type="hidden" name="csrf" value={props.csrfToken} />
                    {suspension.scope === 'device' ? (
                      <input type="hidden" name="device" value={suspension.device ?? ''} />
                    ) : null}
                    <button type="submit" class="secondary">
                      Resume
                    </button>
                  </form>
                ) : null}
              </li>
            ))}
          </ul>
        ) : (
          <p>Nothing is suspended.</p>
        )}
        {isAdmin ? (
          <form method="post" action="/settings/suspend" class="filters">
            <input type="hidden" name="csrf" value={props.csrfToken} />
            <div class="field">
              <label for="suspend-device">Device (empty: the whole tenant)</label>
              <input
                id="suspend-device"
                name="device"
                type="text"
                maxlength={200}
                value={props.suspendDevice ?? ''}
              />
            </div>
            <div class="field">
              <label for="suspend-reason">Reason (shown to the agent)</label>
              <input id="suspend-reason" name="reason" type="text" required maxlength={500} />
            </div>
            <div class="field">
              <button type="submit" class="danger">
                {tenantSuspension ? 'Suspend device' : 'Suspend'}
              </button>
            </div>
          </form>
        ) : null}
      </section>
    </Layout>
  );
}
