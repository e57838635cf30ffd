import type { Dispatcher } from 'undici';
import { readAuditLog } from '../audit/read-audit-log.js';
import { loadConfig } from '../config/load-config.js';
import type { ServerSettings } from '../config/server-settings.js';
import { formatIssue } from '../format-issue.js';
import { HttpStatusError } from '../ingest/http-status-error.js';
import { ANCHORS_PATH, anchorsResponseSchema, DEVICE_HEADER } from '../ingest/warden-protocol.js';
import { resolveDeviceId } from './resolve-device-id.js';

export interface AnchorProblem {
  /** `missing`: the server holds an anchor for a line the local log does not have; `rewritten`: the line is there with another hash (or another event). */
  kind: 'missing' | 'rewritten';
  seq: number;
  eventId: string;
  /** When the server received the event the anchor came with. */
  ts: string;
  serverHash: string;
  localHash?: string;
  message: string;
}

export interface ServerAuditVerification {
  /** True when every anchor the server holds matches the local log. */
  ok: boolean;
  device: string;
  server: string;
  /** Anchors the server holds for this device, all compared. */
  anchors: number;
  matched: number;
  /** Every mismatch, in `seq` order (the first `maxProblems` of them; `problemCount` counts all). */
  problems: AnchorProblem[];
  problemCount: number;
  /** Set when the comparison could not be made (no server, unreachable, a bad answer); `ok` is then false. */
  error?: string;
}

export interface VerifyAgainstServerOptions {
  env?: NodeJS.ProcessEnv;
  /** The device whose anchors to compare; default `WARDEN_DEVICE_ID`, else the host name. */
  device?: string;
  /** Default: from `loadConfig({ env })`. */
  server?: ServerSettings;
  /** Default: `$WARDEN_HOME/audit`. */
  auditDir?: string;
  /** Anchors per request (default 1000). */
  pageSize?: number;
  /** Problems listed in full (default 100). */
  maxProblems?: number;
  /** Per request (default 15 s). */
  timeoutMs?: number;
  dispatcher?: Dispatcher;
  signal?: AbortSignal;
}

/**
 * Compares the local audit log with the anchors (`{seq, hash}` of each event as it was sent)
 * the server keeps for this device, page by page through `GET /v1/anchors`. The local chain can
 * be forged whole by anyone who can write `~/.warden/audit` (it then verifies on its own); the
 * server's copy of the anchors cannot, so every anchor whose line is missing or hashes
 * differently is a rewritten log. Lines the server has no anchor for (not sent yet, or sent to
 * an Akto backend) are not judged. Never throws: failures come back in `error`.
 */
export async function verifyAgainstServer(
  options: VerifyAgainstServerOptions = {},
): Promise<ServerAuditVerification> {
  const env = options.env ?? process.env;
  const device = options.device ?? resolveDeviceId({ env });
  const result: ServerAuditVerification = {
    ok: false,
    device,
    server: options.server?.url ?? '',
    anchors: 0,
    matched: 0,
    problems: [],
    problemCount: 0,
  };
  let server = options.server;
  let auditDir = options.auditDir;
  if (!server || !auditDir) {
    try {
      const config = await loadConfig({ env });
      server ??= config.server;
      auditDir ??= config.auditDir;
    } catch (error) {
      return { ...result, error: `the configuration is invalid: ${(error as Error).message}` };
    }
  }
  if (server?.backend !== 'warden') {
    return {
      ...result,
      error: server
        ? `${server.url} is an Akto backend, which keeps no audit anchors`
        : 'no Warden server is configured (WARDEN_SERVER_URL or server: in config.yaml)',
    };
  }
  result.server = server.url;

  // seq -> the line's hash and event id. Only what the comparison needs is kept per line.
  const local = new Map<number, { hash: string; id: string }>();
  for (const line of readAuditLog({ auditDir: auditDir! }))
    local.set(line.record.seq, { hash: line.hash, id: line.record.id });

  const maxProblems = options.maxProblems ?? 100;
  // undici loads only now: importing core must not load the network modules.
  const { createHttpClient } = await import('../ingest/http-client.js');
  const client = createHttpClient({
    url: server.url,
    token: server.token,
    authScheme: 'bearer',
    caFile: server.caFile,
    connections: 1,
    ...(options.dispatcher ? { dispatcher: options.dispatcher } : {}),
  });
  const where = `GET ${server.url}${ANCHORS_PATH}`;
  try {
    let after: number | undefined;
    // Bounded: a server that keeps answering `next` without progress cannot loop us forever.
    for (let page = 0; page < 1_000_000; page++) {
      const signal = AbortSignal.any([
        AbortSignal.timeout(options.timeoutMs ?? 15_000),
        ...(options.signal ? [options.signal] : []),
      ]);
      const response = await client.request({
        method: 'GET',
        path: ANCHORS_PATH,
        query: {
          device,
          limit: String(options.pageSize ?? 1000),
          ...(after !== undefined ? { after: String(after) } : {}),
        },
        headers: { [DEVICE_HEADER]: device },
        signal,
      });
      if (response.statusCode !== 200) throw HttpStatusError.fromResponse(where, response);
      const parsed = anchorsResponseSchema.safeParse(response.json);
      if (!parsed.success)
        throw new Error(
          `${where}: the answer is not a v1 anchors page (${formatIssue(parsed.error.issues[0]!)})`,
        );
      for (const anchor of parsed.data.anchors) {
        result.anchors++;
        const line = local.get(anchor.seq);
        let problem: AnchorProblem | undefined;
        if (!line) {
          problem = {
            kind: 'missing',
            seq: anchor.seq,
            eventId: anchor.eventId,
            ts: anchor.ts,
            serverHash: anchor.hash,
            message: `seq ${anchor.seq} (event ${anchor.eventId}) was sent to the server but is not in the local log`,
          };
        } else if (line.hash !== anchor.hash || line.id !== anchor.eventId) {
          problem = {
            kind: 'rewritten',
            seq: anchor.seq,
            eventId: anchor.eventId,
            ts: anchor.ts,
            serverHash: anchor.hash,
            localHash: line.hash,
            message: `seq ${anchor.seq} differs from what was sent to the server: the local line is ${line.id === anchor.eventId ? 'the same event, changed' : `event ${line.id}, not ${anchor.eventId}`}`,
          };
        } else result.matched++;
        if (problem) {
          result.problemCount++;
          if (result.problems.length < maxProblems) result.problems.push(problem);
        }
      }
      const next = parsed.data.next;
      if (next === undefined || parsed.data.anchors.length === 0 || (after !== undefined && next <= after))
        break;
      after = next;
    }
  } catch (error) {
    return { ...result, error: error instanceof Error ? error.message : String(error) };
  } finally {
    await client.close().catch(() => undefined);
  }
  result.ok = result.problemCount === 0;
  return result;
}
