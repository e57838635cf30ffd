import type { Hono } from 'hono';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { Store } from '../../store/store.js';
import { draftException } from '../draft-exception.js';
import type { DashboardEnv } from '../index.js';
import { renderPage } from '../index.js';
import { lineDiff } from '../line-diff.js';
import { ExceptionPage } from '../pages/exception-page.js';

/** `/denials/exception`: a reviewable org-policy diff for one denial group (never applied here). */
export function registerExceptionRoutes(options: {
  app: Hono<DashboardEnv>;
  store: Store;
  db: Kysely<Database>;
}): void {
  const { app, store } = options;
  app.get('/denials/exception', async (c) => {
    const user = c.get('user');
    const ruleId = c.req.query('rule') ?? '';
    const device = c.req.query('device') ?? '';
    const agent = c.req.query('agent') ?? '';
    const base = { user, csrfToken: c.get('csrfToken'), ruleId, device, agent };
    const [page, org] = await Promise.all([
      store.listEvents({ tenantId: user.tenantId, filter: { rule: ruleId, device, agent }, limit: 1 }),
      store.getOrgPolicy({ tenantId: user.tenantId }),
    ]);
    const event = page.events[0];
    if (!event)
      return renderPage(
        c,
        <ExceptionPage {...base} message="No event of this group is stored any more." />,
        404,
      );
    const draft = draftException({ orgYaml: org?.yaml, ruleId, event });
    if (draft.kind === 'not-possible')
      return renderPage(c, <ExceptionPage {...base} message={draft.message} />);
    return renderPage(
      c,
      <ExceptionPage
        {...base}
        diff={lineDiff({ before: draft.before, after: draft.after })}
        after={draft.after}
      />,
    );
  });
}
