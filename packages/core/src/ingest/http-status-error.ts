import { TransportError } from '../errors.js';

/** The parts of an HTTP answer an error needs. */
interface ResponseLike {
  statusCode: number;
  headers: Record<string, string | string[] | undefined>;
  json: unknown;
}

const RETRYABLE_STATUS = new Set([401, 403, 408, 425, 429]);

/**
 * Whether sending the same request again can succeed. 401/403 count: the events are kept until
 * the token is fixed, never dropped.
 */
export function isRetryableStatus(statusCode: number): boolean {
  return RETRYABLE_STATUS.has(statusCode) || statusCode >= 500;
}

/** An HTTP answer that is not a success, with the server's `Retry-After` when it sent one. */
export class HttpStatusError extends TransportError {
  readonly retryAfterMs: number | undefined;

  constructor(options: {
    message: string;
    statusCode: number;
    retryAfterMs?: number;
    isRetryable?: boolean;
  }) {
    super({
      message: options.message,
      statusCode: options.statusCode,
      isRetryable: options.isRetryable ?? isRetryableStatus(options.statusCode),
    });
    this.name = 'HttpStatusError';
    this.retryAfterMs = options.retryAfterMs;
  }

  /** Builds the error from a response: status, the server's own message if it gave one (cut short), Retry-After. */
  static fromResponse(where: string, response: ResponseLike): HttpStatusError {
    const body = response.json as { error?: { message?: unknown }; message?: unknown } | undefined;
    const said =
      typeof body?.error?.message === 'string'
        ? body.error.message
        : typeof body?.message === 'string'
          ? body.message
          : '';
    const retryAfter = response.headers['retry-after'];
    const seconds = typeof retryAfter === 'string' ? Number(retryAfter) : Number.NaN;
    const hint =
      response.statusCode === 401 || response.statusCode === 403
        ? ' (the server refused the token: check WARDEN_TOKEN or AKTO_API_TOKEN)'
        : '';
    return new HttpStatusError({
      message: `${where}: HTTP ${response.statusCode}${said ? `: ${said.slice(0, 200)}` : ''}${hint}`,
      statusCode: response.statusCode,
      ...(Number.isFinite(seconds) && seconds >= 0 ? { retryAfterMs: seconds * 1000 } : {}),
    });
  }
}
