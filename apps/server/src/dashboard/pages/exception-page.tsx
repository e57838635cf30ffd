import { visibleText } from '../components/visible-text.js';
import type { DashboardUser } from '../dashboard-user.js';
import { Layout } from '../layout.js';
import type { DiffLine } from '../line-diff.js';
import { PolicyUploadForm } from './settings-page.js';

export function ExceptionPage(props: {
  user: DashboardUser;
  csrfToken: string;
  ruleId: string;
  device: string;
  agent: string;
  diff?: DiffLine[];
  after?: string;
  message?: string;
}) {
  return (
    <Layout title="Draft an exception" nav="denials" user={props.user} csrfToken={props.csrfToken}>
      <h1>Draft an exception</h1>
      <p>
        Rule <strong>{visibleText(props.ruleId)}</strong> on <strong>{visibleText(props.device)}</strong> (
        {visibleText(props.agent)}).
      </p>
      {props.message ? (
        <p class="error" role="status">
          {props.message}
        </p>
      ) : null}
      {props.diff ? (
        <section class="panel" aria-labelledby="diff-h">
          <h2 id="diff-h">Proposed change to the org policy</h2>
          <p class="muted">
            Nothing is applied until an admin submits it below; it is validated like any upload.
          </p>
          <section class="diff" aria-label="Unified diff" tabindex={0}>
            {props.diff.map((line) => (
              <div class={line.kind === 'same' ? undefined : line.kind}>
                {`${line.kind === 'add' ? '+' : line.kind === 'del' ? '-' : ' '} ${visibleText(line.text)}`}
              </div>
            ))}
          </section>
          {props.user.role === 'admin' && props.after !== undefined ? (
            <>
              <h2>Review and apply</h2>
              <PolicyUploadForm
                csrfToken={props.csrfToken}
                text={props.after}
                label="Validate and apply this policy"
              />
            </>
          ) : null}
        </section>
      ) : null}
      <p>
        <a href="/denials">Back to the inbox</a>
      </p>
    </Layout>
  );
}
