import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** Every non-200 answer: `{v:1, error:{code, message}}` (core's `errorResponseSchema`). */
export function jsonError(
  c: Context,
  status: ContentfulStatusCode,
  code: string,
  message: string,
  headers?: Record<string, string>,
) {
  return c.json({ v: 1 as const, error: { code, message } }, status, headers);
}

export function errorBody(code: string, message: string): string {
  return JSON.stringify({ v: 1, error: { code, message } });
}
