import type { MiddlewareHandler } from 'hono';
import { authenticateToken } from '../auth/authenticate-token.js';
import { hasPermission, type Permission } from '../auth/roles.js';
import { jsonError } from '../http/json-error.js';
import type { RateLimiter } from '../http/rate-limiter.js';
import type { Store } from '../store/store.js';
import type { ApiEnv } from './api-env.js';

/** Reads `Authorization: Bearer <token>` (or the raw token, as Akto's scripts send it). */
export function presentedToken(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const match = /^Bearer\s+(.+)$/i.exec(header.trim());
  return (match?.[1] ?? header).trim();
}

/** Authenticates, rate-limits per token and checks the role. Never logs the token. */
export function requireAuth(options: {
  store: Store;
  limiter: RateLimiter;
  permission: Permission;
}): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const principal = await authenticateToken({
      store: options.store,
      token: presentedToken(c.req.header('authorization')),
    });
    if (!principal)
      return jsonError(
        c,
        401,
        'unauthorized',
        'A valid token is required: send "Authorization: Bearer wdn_…" (create one with `warden server token create`).',
      );
    const allowed = options.limiter.take(principal.tokenId);
    if (!allowed.ok)
      return jsonError(
        c,
        429,
        'rate_limited',
        `Too many requests for this token; retry in ${allowed.retryAfterSeconds} s.`,
        {
          'Retry-After': String(allowed.retryAfterSeconds),
        },
      );
    if (!hasPermission(principal.role, options.permission))
      return jsonError(
        c,
        403,
        'forbidden',
        `A ${principal.role} token cannot do this (it needs the "${options.permission}" permission).`,
      );
    c.set('principal', principal);
    await next();
  };
}
