import type { Child } from 'hono/jsx';
import type { DashboardUser } from './dashboard-user.js';

export type NavKey = 'overview' | 'denials' | 'events' | 'fleet' | 'settings' | 'none';

const NAV: { key: NavKey; href: string; label: string }[] = [
  { key: 'overview', href: '/', label: 'Overview' },
  { key: 'denials', href: '/denials', label: 'Denials' },
  { key: 'events', href: '/events', label: 'Events' },
  { key: 'fleet', href: '/fleet', label: 'Fleet' },
  { key: 'settings', href: '/settings', label: 'Settings' },
];

/** htmx settings that keep it inside the CSP: no eval, no inline indicator styles, no script tags from swaps. */
const HTMX_CONFIG = JSON.stringify({
  includeIndicatorStyles: false,
  allowEval: false,
  allowScriptTags: false,
  selfRequestsOnly: true,
  historyCacheSize: 0,
});

/** The page shell: landmarks, a skip link, one h1 per page (the page's own), the nav and sign-out. */
export function Layout(props: {
  title: string;
  nav: NavKey;
  user?: DashboardUser;
  csrfToken?: string;
  scripts?: ('htmx' | 'charts')[];
  children?: Child;
}) {
  const scripts = props.scripts ?? [];
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="referrer" content="no-referrer" />
        {scripts.includes('htmx') ? <meta name="htmx-config" content={HTMX_CONFIG} /> : null}
        <title>{`${props.title} · Warden`}</title>
        <link rel="icon" href="data:," />
        <link rel="stylesheet" href="/assets/dashboard.css" />
        {scripts.includes('charts') ? <link rel="stylesheet" href="/assets/uplot.css" /> : null}
        {scripts.includes('htmx') ? <script src="/assets/htmx.js" defer /> : null}
        {scripts.includes('charts') ? <script src="/assets/uplot.js" defer /> : null}
        {scripts.length > 0 ? <script src="/assets/dashboard.js" defer /> : null}
      </head>
      <body>
        <a class="skip-link" href="#main">
          Skip to content
        </a>
        <header class="site">
          <a class="brand" href="/">
            Warden
          </a>
          {props.user ? (
            <nav aria-label="Main">
              <ul>
                {NAV.map((item) => (
                  <li>
                    <a href={item.href} aria-current={item.key === props.nav ? 'page' : undefined}>
                      {item.label}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          ) : null}
          {props.user ? (
            <div class="who">
              <span>
                {props.user.tenant} · {props.user.role}
              </span>
              <form method="post" action="/logout">
                <input type="hidden" name="csrf" value={props.csrfToken ?? ''} />
                <button type="submit">Sign out</button>
              </form>
            </div>
          ) : null}
        </header>
        <main id="main" tabindex={-1}>
          {props.children}
        </main>
        <footer class="site">Warden dashboard · times in UTC</footer>
      </body>
    </html>
  );
}
