import {
  loadConfig,
  openHttpClient,
  TransportError,
  type WardenEvent,
  wardenEventSchema,
} from '@warden/core';
import * as z from 'zod/mini';
import type { AuditFilter } from './audit-filter.js';

/** `GET /v1/events`: the server's query API (documented in the Warden protocol). */
export const EVENTS_QUERY_PATH = '/v1/events';

const eventsPageSchema = z.object({
  v: z.literal(1),
  events: z.array(wardenEventSchema),
  next: z.optional(z.string()),
});

export class ServerQueryError extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode: number) {
    super(message);
    this.exitCode = exitCode;
  }
}

/**
 * Reads the team's events from the configured server, page by page (`next` cursors) until
 * `limit` events or the last page. Authorization: `Bearer $WARDEN_TOKEN`.
 */
export async function queryServerEvents(options: {
  env: NodeJS.ProcessEnv;
  filter: AuditFilter;
  limit: number;
  timeoutMs?: number;
}): Promise<WardenEvent[]> {
  let config: Awaited<ReturnType<typeof loadConfig>>;
  try {
    config = await loadConfig({ env: options.env });
  } catch (error) {
    throw new ServerQueryError(`the configuration is invalid: ${(error as Error).message}`, 3);
  }
  const server = config.server;
  if (server?.backend !== 'warden')
    throw new ServerQueryError(
      server
        ? `--server needs a Warden server; ${server.url} is ${server.backend}-compatible and has no query API`
        : 'no server is configured: set WARDEN_SERVER_URL and WARDEN_TOKEN (or `server:` in config.yaml)',
      3,
    );
  const client = await openHttpClient({
    url: server.url,
    token: server.token,
    authScheme: 'bearer',
    caFile: server.caFile,
  });
  const events: WardenEvent[] = [];
  const { filter } = options;
  let cursor: string | undefined;
  try {
    for (let page = 0; page < 1000 && events.length < options.limit; page++) {
      const query: Record<string, string> = { limit: String(Math.min(options.limit - events.length, 1000)) };
      if (filter.effect) query.effect = filter.effect;
      if (filter.agent) query.agent = filter.agent;
      if (filter.session) query.session = filter.session;
      if (filter.rule) query.rule = filter.rule;
      if (filter.since !== undefined) query.since = new Date(filter.since).toISOString();
      if (filter.until !== undefined) query.until = new Date(filter.until).toISOString();
      if (cursor) query.cursor = cursor;
      const response = await client.request({
        method: 'GET',
        path: EVENTS_QUERY_PATH,
        query,
        signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
      });
      if (response.statusCode !== 200) {
        const body = response.json as { error?: { message?: unknown } } | undefined;
        const detail =
          typeof body?.error?.message === 'string' ? `: ${body.error.message.slice(0, 200)}` : '';
        throw new ServerQueryError(
          `the server's query API failed: HTTP ${response.statusCode}${detail}${response.statusCode === 401 || response.statusCode === 403 ? ' (check WARDEN_TOKEN)' : ''}`,
          3,
        );
      }
      const parsed = eventsPageSchema.safeParse(response.json);
      if (!parsed.success)
        throw new ServerQueryError(
          `${server.url}${EVENTS_QUERY_PATH} answered something that is not an events page`,
          3,
        );
      events.push(...parsed.data.events);
      cursor = parsed.data.next;
      if (!cursor) break;
    }
  } catch (error) {
    if (error instanceof ServerQueryError) throw error;
    if (TransportError.isInstance(error))
      throw new ServerQueryError(`the server's query API failed: ${(error as Error).message}`, 3);
    throw error;
  } finally {
    await client.close().catch(() => undefined);
  }
  return events.slice(0, options.limit);
}
