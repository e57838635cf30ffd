import { TransportError } from '../../errors.js';
import type { BatchOutcome, CreateBackendOptions, IngestBackend } from '../backend.js';
import { createHttpClient } from '../http-client.js';
import { HttpStatusError, isRetryableStatus } from '../http-status-error.js';
import type { WardenEvent } from '../warden-protocol.js';
import { AKTO_PROXY_PATH, aktoConnector, aktoQuery, toAktoRecord } from './akto-payload.js';
import { parseAktoVerdict } from './akto-verdict.js';

const PARALLEL_SENDS = 4;

/**
 * The Akto-compatible backend. Verdicts: one call with `guardrails` (or `response_guardrails`
 * for results and answers) and no `ingest_data`, so an ingestion failure on their side cannot
 * swallow the verdict. Records: one call per event with `ingest_data` only, from the spool,
 * after the agent has its answer; a denied event is recorded once, as the 403 record.
 */
export function createAktoBackend(options: CreateBackendOptions): IngestBackend {
  const { server } = options;
  const settings = server.akto!;
  const client = createHttpClient({
    url: server.url,
    token: server.token,
    authScheme: 'raw',
    caFile: server.caFile,
    connections: PARALLEL_SENDS,
    ...(options.dispatcher ? { dispatcher: options.dispatcher } : {}),
  });
  const where = `POST ${server.url}${AKTO_PROXY_PATH}`;

  async function sendOne(
    event: WardenEvent,
    signal: AbortSignal,
  ): Promise<'accepted' | { error: string; retry: boolean }> {
    const blocked =
      event.decision.effect === 'deny'
        ? {
            reason: event.decision.reason || 'Policy violation',
            by:
              event.decision.ruleId.startsWith('akto:') || event.remote?.effect === 'deny'
                ? 'Akto Proxy'
                : 'Warden',
          }
        : undefined;
    try {
      const response = await client.request({
        method: 'POST',
        path: AKTO_PROXY_PATH,
        query: aktoQuery({ connector: aktoConnector(settings, event.agent), ingest: true }),
        body: toAktoRecord({ event, settings, ...(blocked ? { blocked } : {}) }),
        signal,
      });
      if (response.statusCode >= 200 && response.statusCode < 300) return 'accepted';
      // 422 is Akto's `success:false`, typically a failed publish on their side: worth another try.
      const error = HttpStatusError.fromResponse(where, response);
      return {
        error: error.message,
        retry: response.statusCode === 422 || isRetryableStatus(response.statusCode),
      };
    } catch (error) {
      return { error: (error as Error).message, retry: true };
    }
  }

  return {
    id: 'akto',
    async sendBatch({ events, signal }) {
      const outcome: BatchOutcome = { accepted: [], duplicates: [], rejected: [], retry: [] };
      let next = 0;
      const workers = Array.from({ length: Math.min(PARALLEL_SENDS, events.length) }, async () => {
        while (next < events.length) {
          const event = events[next++]!;
          const result = await sendOne(event, signal);
          if (result === 'accepted') outcome.accepted.push(event.id);
          else (result.retry ? outcome.retry : outcome.rejected).push({ id: event.id, error: result.error });
        }
      });
      await Promise.all(workers);
      if (outcome.accepted.length === 0 && outcome.rejected.length === 0 && outcome.retry.length > 0) {
        // Nothing got through: the server is away; report it as one failure so the sender backs off.
        throw new TransportError({ message: outcome.retry[0]!.error, isRetryable: true });
      }
      return outcome;
    },

    async decide({ event, signal }) {
      if (event.phase === 'session') return { effect: 'allow' };
      const onResponse = event.phase === 'tool_result' || event.phase === 'response';
      const response = await client.request({
        method: 'POST',
        path: AKTO_PROXY_PATH,
        query: aktoQuery({
          connector: aktoConnector(settings, event.agent),
          guardrails: !onResponse,
          responseGuardrails: onResponse,
        }),
        body: toAktoRecord({ event, settings }),
        signal,
      });
      if (response.statusCode !== 200 && response.statusCode !== 422) {
        throw HttpStatusError.fromResponse(where, response);
      }
      return parseAktoVerdict({ statusCode: response.statusCode, json: response.json, where });
    },

    async health({ signal }) {
      // Akto has no health endpoint: any HTTP answer from the proxy path means it is reachable.
      const response = await client.request({ method: 'GET', path: AKTO_PROXY_PATH, signal });
      return response.statusCode < 500
        ? {
            ok: true,
            statusCode: response.statusCode,
            message: `reachable (HTTP ${response.statusCode} to GET)`,
          }
        : { ok: false, statusCode: response.statusCode, message: `HTTP ${response.statusCode}` };
    },

    close: () => client.close(),
  };
}
