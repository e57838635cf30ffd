import { TransportError } from '../errors.js';
import type { BatchOutcome, CreateBackendOptions, IngestBackend } from './backend.js';
import { createHttpClient } from './http-client.js';
import { HttpStatusError } from './http-status-error.js';
import {
  DECIDE_PATH,
  decideResponseSchema,
  EVENTS_PATH,
  eventBatchResponseSchema,
  HEALTH_PATH,
  healthResponseSchema,
  WARDEN_PROTOCOL_VERSION,
} from './warden-protocol.js';

/** The Warden server protocol (warden-protocol.ts) over the undici client. */
export function createWardenBackend(options: CreateBackendOptions): IngestBackend {
  const { server } = options;
  const client = createHttpClient({
    url: server.url,
    token: server.token,
    authScheme: 'bearer',
    caFile: server.caFile,
    // Batches go one after another: one connection, kept alive, is all a sender needs.
    connections: 1,
    ...(options.dispatcher ? { dispatcher: options.dispatcher } : {}),
  });

  return {
    id: 'warden',
    async sendBatch({ events, signal }) {
      const response = await client.request({
        method: 'POST',
        path: EVENTS_PATH,
        body: { v: WARDEN_PROTOCOL_VERSION, events },
        gzip: true,
        signal,
      });
      const where = `POST ${server.url}${EVENTS_PATH}`;
      if (response.statusCode !== 200) throw HttpStatusError.fromResponse(where, response);
      const parsed = eventBatchResponseSchema.safeParse(response.json);
      if (!parsed.success) {
        // The events may or may not be stored: keep them; a resend is harmless.
        throw new TransportError({
          message: `${where}: the answer is not a v1 batch acknowledgement`,
          isRetryable: true,
        });
      }
      const sent = new Set(events.map((event) => event.id));
      const outcome: BatchOutcome = { accepted: [], duplicates: [], rejected: [], retry: [] };
      // Each id counts once, and only ids of this batch count: a confused server cannot make us drop others.
      const settled = new Set<string>();
      const settle = (id: string) => {
        if (!sent.has(id) || settled.has(id)) return false;
        settled.add(id);
        return true;
      };
      for (const id of parsed.data.accepted) if (settle(id)) outcome.accepted.push(id);
      for (const id of parsed.data.duplicates ?? []) if (settle(id)) outcome.duplicates.push(id);
      for (const entry of parsed.data.rejected ?? []) {
        if (!settle(entry.id)) continue;
        (entry.retryable ? outcome.retry : outcome.rejected).push({ id: entry.id, error: entry.error });
      }
      for (const id of sent)
        if (!settled.has(id)) outcome.retry.push({ id, error: 'not acknowledged by the server' });
      return outcome;
    },

    async decide({ event, budgetMs, signal }) {
      const response = await client.request({
        method: 'POST',
        path: DECIDE_PATH,
        body: { v: WARDEN_PROTOCOL_VERSION, event, budgetMs },
        gzip: true,
        signal,
      });
      const where = `POST ${server.url}${DECIDE_PATH}`;
      if (response.statusCode !== 200) throw HttpStatusError.fromResponse(where, response);
      const parsed = decideResponseSchema.safeParse(response.json);
      if (!parsed.success) {
        throw new TransportError({ message: `${where}: the answer is not a v1 verdict`, isRetryable: false });
      }
      return {
        effect: parsed.data.effect,
        ...(parsed.data.reason ? { reason: parsed.data.reason } : {}),
        ...(parsed.data.ruleId ? { ruleId: parsed.data.ruleId } : {}),
        ...(parsed.data.findings ? { findings: parsed.data.findings } : {}),
      };
    },

    async health({ signal }) {
      const response = await client.request({ method: 'GET', path: HEALTH_PATH, signal });
      const parsed = healthResponseSchema.safeParse(response.json);
      if (response.statusCode === 200 && parsed.success && parsed.data.ok) {
        return {
          ok: true,
          statusCode: 200,
          message: `reachable${parsed.data.version ? `, server ${parsed.data.version}` : ''}`,
        };
      }
      return {
        ok: false,
        statusCode: response.statusCode,
        message: HttpStatusError.fromResponse(`GET ${server.url}${HEALTH_PATH}`, response).message,
      };
    },

    close: () => client.close(),
  };
}
