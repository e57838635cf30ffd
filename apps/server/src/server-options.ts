/** Limits and settings of one server process. Every field has a safe default. */
export interface ServerOptions {
  /** Largest request body, after gzip decompression (default 10 MiB). */
  maxBodyBytes: number;
  /** Every request is answered within this (default 30 s). */
  requestTimeoutMs: number;
  /** Per-token token bucket: sustained requests per second and burst (default 50/s, burst 200). */
  rateLimit: { perSecond: number; burst: number };
  /** Devices with no event for longer than this are flagged silent, unless the tenant sets its own (default 1 h). */
  silentAfterSeconds: number;
  /** How often devices should refetch the org policy (default 60 s). */
  policyRefreshSeconds: number;
  /** `/api/http-proxy`: answer "block" when the request cannot be evaluated (default true). */
  aktoFailClosed: boolean;
  /** Server version for `/v1/health`. */
  version: string;
}

export const DEFAULT_SERVER_OPTIONS: ServerOptions = {
  maxBodyBytes: 10 * 1024 * 1024,
  requestTimeoutMs: 30_000,
  rateLimit: { perSecond: 50, burst: 200 },
  silentAfterSeconds: 3600,
  policyRefreshSeconds: 60,
  aktoFailClosed: true,
  version: '0.1.0',
};

export function resolveServerOptions(options: Partial<ServerOptions> | undefined): ServerOptions {
  return { ...DEFAULT_SERVER_OPTIONS, ...options };
}
