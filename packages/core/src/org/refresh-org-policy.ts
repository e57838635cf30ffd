import type { Dispatcher } from 'undici';
import type { ServerSettings } from '../config/server-settings.js';
import { TransportError } from '../errors.js';
import { formatIssue } from '../format-issue.js';
import { HttpStatusError } from '../ingest/http-status-error.js';
import { DEVICE_HEADER, orgPolicyResponseSchema, POLICY_PATH } from '../ingest/warden-protocol.js';
import { readOrgPolicyCache, writeOrgPolicyCache } from './org-policy-cache.js';
import { resolveDeviceId } from './resolve-device-id.js';

/** How often a device asks for the org policy when the server does not say (seconds). */
export const DEFAULT_ORG_POLICY_REFRESH_SECONDS = 60;
/** A policy request never waits longer than this. */
const REQUEST_TIMEOUT_MS = 5000;

export interface RefreshOrgPolicyOptions {
  server: ServerSettings;
  /** Warden's home, where `org-policy.json` is kept. */
  home: string;
  env?: NodeJS.ProcessEnv;
  /** Ask now even if the copy is younger than `refreshSeconds` (`warden flush`). */
  force?: boolean;
  /** At most this long for the request (default 5 s). */
  timeoutMs?: number;
  dispatcher?: Dispatcher;
  signal?: AbortSignal;
}

export interface OrgPolicyRefresh {
  /**
   * `updated`: a new answer was stored; `unchanged`: the server answered 304; `fresh`: the copy
   * was young enough, nothing asked; `skipped`: not a Warden server; `unsupported`: the server
   * has no `/v1/policy` (404); `failed`: no usable answer, the last copy stays in force.
   */
  status: 'updated' | 'unchanged' | 'fresh' | 'skipped' | 'unsupported' | 'failed';
  /** The ETag of the copy in force after this refresh. */
  etag?: string;
  suspended?: boolean;
  error?: string;
}

/**
 * Fetches the tenant's org policy and suspension state (`GET /v1/policy`, with `If-None-Match`
 * and the device header) and stores the answer in `$WARDEN_HOME/org-policy.json`, at most every
 * `refreshSeconds`. Runs in the background sender, never in a hook. Never throws: when the
 * server is unreachable or answers nonsense, the last stored copy stays in force, suspension
 * included.
 */
export async function refreshOrgPolicy(options: RefreshOrgPolicyOptions): Promise<OrgPolicyRefresh> {
  const { server, home } = options;
  if (server.backend !== 'warden') return { status: 'skipped' };
  const previous = readOrgPolicyCache({ home });
  // A copy from another server (the device was moved) is neither fresh nor a base for a 304.
  const cache =
    previous.status === 'ok' && previous.cache.serverUrl === server.url ? previous.cache : undefined;
  if (cache && !options.force) {
    const age = Date.now() - Date.parse(cache.fetchedAt);
    const interval = (cache.refreshSeconds ?? DEFAULT_ORG_POLICY_REFRESH_SECONDS) * 1000;
    if (age >= 0 && age < interval) return describe('fresh', cache);
  }

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
  const where = `GET ${server.url}${POLICY_PATH}`;
  try {
    const signal = AbortSignal.any([
      AbortSignal.timeout(options.timeoutMs ?? REQUEST_TIMEOUT_MS),
      ...(options.signal ? [options.signal] : []),
    ]);
    const response = await client.request({
      method: 'GET',
      path: POLICY_PATH,
      headers: {
        [DEVICE_HEADER]: resolveDeviceId({ env: options.env ?? process.env }),
        ...(cache ? { 'if-none-match': quote(cache.etag) } : {}),
      },
      signal,
    });
    if (response.statusCode === 304 && cache) {
      // Same policy: only the time of the check changes, so the interval starts again.
      writeOrgPolicyCache({ home, cache: { ...cache, fetchedAt: new Date().toISOString() } });
      return describe('unchanged', cache);
    }
    if (response.statusCode === 404) {
      return {
        status: 'unsupported',
        error: `${where}: the server has no org policy endpoint (404)`,
        ...(cache ? { etag: cache.etag } : {}),
      };
    }
    if (response.statusCode !== 200) throw HttpStatusError.fromResponse(where, response);
    const parsed = orgPolicyResponseSchema.safeParse(response.json);
    if (!parsed.success) {
      throw new TransportError({
        message: `${where}: the answer is not a v1 org policy (${formatIssue(parsed.error.issues[0]!)})`,
        isRetryable: true,
      });
    }
    const fresh = { ...parsed.data, fetchedAt: new Date().toISOString(), serverUrl: server.url };
    writeOrgPolicyCache({ home, cache: fresh });
    return describe('updated', fresh);
  } catch (error) {
    return {
      status: 'failed',
      error: error instanceof Error ? error.message : String(error),
      ...(cache ? { etag: cache.etag } : {}),
    };
  } finally {
    await client.close().catch(() => undefined);
  }
}

function quote(etag: string): string {
  return etag.startsWith('"') || etag.startsWith('W/') ? etag : `"${etag}"`;
}

function describe(
  status: OrgPolicyRefresh['status'],
  cache: { etag: string; suspended?: unknown },
): OrgPolicyRefresh {
  return { status, etag: cache.etag, suspended: Boolean(cache.suspended) };
}
