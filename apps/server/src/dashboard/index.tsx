import { type Context, Hono, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Child } from 'hono/jsx';
import type { Kysely } from 'kysely';
import { authenticateToken } from '../auth/authenticate-token.js';
import type { Database } from '../db/schema.js';
import type { ServerOptions } from '../server-options.js';
import type { Store } from '../store/store.js';
import { createAssetRoutes } from './assets.js';
import { csrfTokenFor, isSameOrigin, isValidCsrfToken } from './auth/csrf.js';
import {
  createWebSession,
  deleteWebSession,
  readWebSession,
  WEB_SESSION_TTL_MS,
} from './auth/web-sessions.js';
import type { DashboardUser } from './dashboard-user.js';
import { encodeCursor, parseEventQuery } from './event-filter-query.js';
import { streamEventExport } from './export-events.js';
import { DenialsPage, TRIAGE_STATES } from './pages/denials-page.js';
import { ErrorPage } from './pages/error-page.js';
import { EventDetailPage } from './pages/event-detail-page.js';
import { EventsPage } from './pages/events-page.js';
import { LoginPage } from './pages/login-page.js';
import { SessionPage } from './pages/session-page.js';
import { anchorContinuity } from './queries/anchor-continuity.js';
import { getEvent } from './queries/get-event.js';
import { registerExceptionRoutes } from './routes/exception-routes.js';
import { registerFleetRoutes } from './routes/fleet-routes.js';
import { registerOverviewRoutes } from './routes/overview-routes.js';
import { registerSettingsRoutes } from './routes/settings-routes.js';
import { securityHeaders } from './security-headers.js';

export interface CreateDashboardOptions {
  store: Store;
  /** The same database as the store: web sessions live in the dashboard's own table. */
  db: Kysely<Database>;
  settings: ServerOptions;
  /** The clock (tests move it). */
  now?: () => Date;
}

export const SESSION_COOKIE = 'warden_session';
export type DashboardEnv = { Variables: { user: DashboardUser; csrfToken: string } };
export type DashboardContext = Context<DashboardEnv>;

/** Every path the dashboard answers; its middleware runs on these only, never on the API. */
const PAGE_PATHS = [
  '/',
  '/login',
  '/logout',
  '/denials',
  '/denials/*',
  '/events',
  '/events/*',
  '/sessions/*',
  '/fleet',
  '/settings',
  '/settings/*',
];

/** Renders a page as a complete HTML document. */
export async function renderPage(
  c: Context,
  page: Child,
  status: 200 | 400 | 403 | 404 = 200,
): Promise<Response> {
  const body = await (page as { toString(): string | Promise<string> }).toString();
  return c.html(`<!DOCTYPE html>${body}`, status);
}

/** A redirect target from a form: a path on this server only (no `//host`, no scheme). */
function safeNext(value: unknown): string {
  return typeof value === 'string' && /^\/(?![/\\])[^\s]*$/.test(value) ? value : '/';
}

function isSecureRequest(c: Context): boolean {
  return new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto') === 'https';
}

/**
 * The server-rendered dashboard: pages for the security team, on the same process and the same
 * tokens as the API. Signing in turns an admin or viewer token into a web session cookie.
 */
export function createDashboard(options: CreateDashboardOptions): Hono<DashboardEnv> {
  const { store, db } = options;
  const now = options.now ?? (() => new Date());
  const app = new Hono<DashboardEnv>();

  for (const path of [...PAGE_PATHS, '/assets/*']) app.use(path, securityHeaders());
  app.route('/', createAssetRoutes());

  const limitBody = bodyLimit({
    maxSize: 1024 * 1024,
    onError: (c) => c.text('The form is larger than 1 MiB.', 413),
  });

  app.get('/login', async (c) => {
    const user = await readWebSession({ db, sessionId: getCookie(c, SESSION_COOKIE), now: now() });
    if (user) return c.redirect(safeNext(c.req.query('next')), 303);
    return renderPage(c, <LoginPage next={safeNext(c.req.query('next'))} />);
  });

  app.post('/login', limitBody, async (c) => {
    if (
      !isSameOrigin({
        host: c.req.header('host'),
        origin: c.req.header('origin'),
        secFetchSite: c.req.header('sec-fetch-site'),
      })
    ) {
      return renderPage(
        c,
        <ErrorPage title="Request refused" message="Sign-in must come from this server's own page." />,
        403,
      );
    }
    const form = await c.req.parseBody();
    const next = safeNext(form.next);
    const principal = await authenticateToken({
      store,
      token: typeof form.token === 'string' ? form.token : undefined,
    });
    if (!principal) {
      return renderPage(
        c,
        <LoginPage next={next} error="That token is not valid, or it was revoked." />,
        403,
      );
    }
    if (principal.role !== 'admin' && principal.role !== 'viewer') {
      return renderPage(
        c,
        <LoginPage
          next={next}
          error="Device tokens cannot sign in. Use an admin or viewer token (warden server token create --role viewer)."
        />,
        403,
      );
    }
    const sessionId = await createWebSession({
      db,
      principal: { ...principal, role: principal.role },
      now: now(),
    });
    setCookie(c, SESSION_COOKIE, sessionId, {
      httpOnly: true,
      sameSite: 'Strict',
      secure: isSecureRequest(c),
      path: '/',
      maxAge: Math.floor(WEB_SESSION_TTL_MS / 1000),
    });
    return c.redirect(next, 303);
  });

  // Every other page needs a web session; every POST also a CSRF token, this origin and the admin role.
  const requireUser: MiddlewareHandler<DashboardEnv> = async (c, next) => {
    // `/events` matches both `/events` and `/events/*`: check once.
    if (c.get('user')) return next();
    const user = await readWebSession({ db, sessionId: getCookie(c, SESSION_COOKIE), now: now() });
    if (!user) {
      if (c.req.method === 'GET' || c.req.method === 'HEAD') {
        const url = new URL(c.req.url);
        return c.redirect(`/login?next=${encodeURIComponent(url.pathname + url.search)}`, 303);
      }
      return renderPage(
        c,
        <ErrorPage title="Signed out" message="Your session has ended. Sign in again." />,
        403,
      );
    }
    c.set('user', user);
    c.set('csrfToken', csrfTokenFor(user.sessionId));
    if (c.req.method === 'POST') {
      const sameOrigin = isSameOrigin({
        host: c.req.header('host'),
        origin: c.req.header('origin'),
        secFetchSite: c.req.header('sec-fetch-site'),
      });
      const form = await c.req.parseBody();
      if (!sameOrigin || !isValidCsrfToken({ sessionId: user.sessionId, token: form.csrf })) {
        return renderPage(
          c,
          <ErrorPage
            title="Request refused"
            message="The form's security token did not match. Reload the page and try again."
          />,
          403,
        );
      }
      if (user.role !== 'admin' && c.req.path !== '/logout') {
        return renderPage(
          c,
          <ErrorPage title="Read-only" message="Viewer tokens can look but not change anything." />,
          403,
        );
      }
    }
    await next();
  };
  for (const path of PAGE_PATHS) {
    if (path !== '/login') {
      app.use(path, limitBody);
      app.use(path, requireUser);
    }
  }

  app.post('/logout', async (c) => {
    await deleteWebSession({ db, sessionId: c.get('user').sessionId });
    deleteCookie(c, SESSION_COOKIE, { path: '/', secure: isSecureRequest(c) });
    return c.redirect('/login', 303);
  });

  app.get('/denials', async (c) => {
    const requested = c.req.query('state') ?? 'open';
    const state = [...TRIAGE_STATES, 'all'].includes(requested) ? requested : 'open';
    const user = c.get('user');
    // The most recent groups first; a long tail is one click away, never an unbounded page.
    const limit = c.req.query('more') === '1' ? 1000 : 100;
    const groups = await store.listDenialGroups({
      tenantId: user.tenantId,
      ...(state === 'all' ? {} : { triageState: state }),
      limit: limit + 1,
    });
    const notice = c.req.query('done') === '1' ? 'Triage saved.' : undefined;
    return renderPage(
      c,
      <DenialsPage
        user={user}
        csrfToken={c.get('csrfToken')}
        state={state}
        groups={groups}
        notice={notice}
      />,
    );
  });

  app.post('/denials/triage', async (c) => {
    const form = await c.req.parseBody();
    const field = (name: string) => (typeof form[name] === 'string' ? (form[name] as string) : '');
    const state = field('state');
    if (!(TRIAGE_STATES as readonly string[]).includes(state)) {
      return renderPage(
        c,
        <ErrorPage title="Not saved" message="Choose open, acknowledged or ignored." />,
        400,
      );
    }
    const user = c.get('user');
    const found = await store.triageDenialGroup({
      tenantId: user.tenantId,
      ruleId: field('rule'),
      device: field('device'),
      agent: field('agent'),
      state,
      by: user.name,
      at: now().toISOString(),
    });
    if (!found)
      return renderPage(c, <ErrorPage title="Not found" message="That denial group does not exist." />, 404);
    const back = [...TRIAGE_STATES, 'all'].includes(field('back')) ? field('back') : 'open';
    return c.redirect(`/denials?state=${back}&done=1`, 303);
  });

  app.get('/events', async (c) => {
    const user = c.get('user');
    const query = parseEventQuery(c.req.query(), { now: now() });
    const page = await store.listEvents({
      tenantId: user.tenantId,
      filter: query.filter,
      ...(query.cursor ? { cursor: query.cursor } : {}),
      limit: 50,
    });
    return renderPage(
      c,
      <EventsPage
        user={user}
        csrfToken={c.get('csrfToken')}
        query={query}
        events={page.events}
        nextCursor={page.next ? encodeCursor(page.next) : undefined}
      />,
    );
  });

  app.get('/events/export.csv', (c) => streamEventExport({ c, store, format: 'csv', now: now() }));
  app.get('/events/export.ndjson', (c) => streamEventExport({ c, store, format: 'ndjson', now: now() }));

  app.get('/events/:id', async (c) => {
    const user = c.get('user');
    const record = await getEvent({ db, tenantId: user.tenantId, id: c.req.param('id') });
    if (!record)
      return renderPage(
        c,
        <ErrorPage
          title="No such event"
          message="No event with that id in this tenant."
          user={user}
          csrfToken={c.get('csrfToken')}
        />,
        404,
      );
    const anchor = record.event.audit
      ? await anchorContinuity({
          store,
          tenantId: user.tenantId,
          device: record.device,
          seq: record.event.audit.seq,
          hash: record.event.audit.hash,
        })
      : undefined;
    return renderPage(
      c,
      <EventDetailPage user={user} csrfToken={c.get('csrfToken')} record={record} anchor={anchor} />,
    );
  });

  app.get('/sessions/:id', async (c) => {
    const user = c.get('user');
    const limit = 2000;
    const found = await store.getSession({ tenantId: user.tenantId, session: c.req.param('id'), limit });
    if (!found)
      return renderPage(
        c,
        <ErrorPage
          title="No such session"
          message="No event of this tenant belongs to that session."
          user={user}
          csrfToken={c.get('csrfToken')}
        />,
        404,
      );
    return renderPage(
      c,
      <SessionPage
        user={user}
        csrfToken={c.get('csrfToken')}
        session={found.session}
        events={found.events}
        truncated={found.events.length >= limit && found.session.counts.events > limit}
      />,
    );
  });

  registerOverviewRoutes({ app, store, db, now });
  registerFleetRoutes({ app, store, now });
  registerExceptionRoutes({ app, store, db });
  registerSettingsRoutes({ app, store, now, defaultSilentAfterSeconds: options.settings.silentAfterSeconds });
  return app;
}
