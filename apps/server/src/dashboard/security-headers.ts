import type { MiddlewareHandler } from 'hono';

/**
 * The dashboard's Content-Security-Policy: only the server's own scripts, styles and images, no
 * inline code, no framing, forms only to itself. Event text is attacker-controlled; escaping keeps
 * it text, and this policy keeps anything that slipped through from running.
 */
export const DASHBOARD_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'; " +
  "form-action 'self'; base-uri 'none'";

/** Sets the security headers on every dashboard answer (pages, assets, exports and redirects). */
export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    c.header('Content-Security-Policy', DASHBOARD_CSP);
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
    c.header('X-Frame-Options', 'DENY');
    c.header('Cross-Origin-Opener-Policy', 'same-origin');
    if (!c.res.headers.has('Cache-Control')) c.header('Cache-Control', 'no-store');
  };
}
