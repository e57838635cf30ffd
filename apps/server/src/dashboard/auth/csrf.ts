import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * The CSRF token of a web session: derived from the session's raw id, which only the cookie holder
 * knows (the database keeps a hash of it), so it needs no storage and cannot be read from a
 * database dump.
 */
export function csrfTokenFor(sessionId: string): string {
  return createHash('sha256').update(`warden-csrf:${sessionId}`).digest('base64url');
}

/** Compares in constant time; a missing or malformed token is simply not equal. */
export function isValidCsrfToken(options: { sessionId: string; token: unknown }): boolean {
  if (typeof options.token !== 'string' || options.token.length === 0) return false;
  const expected = Buffer.from(csrfTokenFor(options.sessionId));
  const given = Buffer.from(options.token);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/**
 * A POST must come from the dashboard's own pages. Browsers that send `Sec-Fetch-Site` (every
 * current one) say so directly: it must be same-origin. Without it, `Origin` must name the host
 * the request was sent to (compared by host, so a TLS-terminating proxy in front does not break
 * it). The pages' `Referrer-Policy: no-referrer` makes Chromium send `Origin: null` on form posts,
 * which is why the fetch metadata header comes first.
 */
export function isSameOrigin(options: { host?: string; origin?: string; secFetchSite?: string }): boolean {
  if (options.secFetchSite) return options.secFetchSite === 'same-origin';
  if (options.origin === undefined) return true;
  if (options.origin === 'null' || !options.host) return false;
  try {
    return new URL(options.origin).host === options.host;
  } catch {
    return false;
  }
}
