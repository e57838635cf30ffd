import { readFileSync } from 'node:fs';
import { rootCertificates } from 'node:tls';
import { gzipSync } from 'node:zlib';
import { type Dispatcher, Pool } from 'undici';
import type { Secret } from '../config/secret.js';
import { TransportError } from '../errors.js';

/** Bodies above this size are gzip-compressed (when the server protocol allows it). */
const GZIP_ABOVE_BYTES = 1024;
/** Answers larger than this are not read (a verdict or an acknowledgement is small). */
const MAX_RESPONSE_BYTES = 4 * 1024 * 1024;

export interface HttpClientOptions {
  /** Base URL: origin plus an optional path prefix. */
  url: string;
  token?: Secret | undefined;
  /** `bearer`: `Authorization: Bearer <token>`; `raw`: `Authorization: <token>` (Akto). */
  authScheme: 'bearer' | 'raw';
  /** A dispatcher to use instead of the client's own keep-alive pool (tests, proxies). */
  dispatcher?: Dispatcher;
  /** Extra CA certificates (PEM) trusted on top of the system's. */
  caFile?: string | undefined;
  /** Parallel connections of the pool. */
  connections?: number;
}

export interface HttpRequest {
  method: 'GET' | 'POST';
  path: string;
  query?: Record<string, string>;
  body?: unknown;
  gzip?: boolean;
  /** Extra request headers (`if-none-match`, the device header). Never the token: that is the client's. */
  headers?: Record<string, string>;
  signal: AbortSignal;
}

export interface HttpResponse {
  statusCode: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  /** The body parsed as JSON, or undefined when it is not JSON. Untrusted: validate it. */
  json: unknown;
}

export interface HttpClient {
  request(request: HttpRequest): Promise<HttpResponse>;
  close(): Promise<void>;
}

/** Describes a network failure without ever including headers (the token travels in one). */
function describeError(error: unknown): string {
  const value = error as { code?: string; name?: string; message?: string; cause?: unknown };
  if (value?.name === 'AbortError' || value?.name === 'TimeoutError') return 'timed out';
  const code = value?.code ?? (value?.cause as { code?: string } | undefined)?.code;
  const message = value?.message ?? String(error);
  return code && !message.includes(code) ? `${code}: ${message}` : message;
}

/**
 * A small JSON-over-HTTP client on undici: one keep-alive pool per server, gzip for large
 * bodies, a signal for the caller's deadline, TLS always verified. Every failure comes back as
 * a TransportError that says whether a retry can help; none mentions the token.
 */
export function createHttpClient(options: HttpClientOptions): HttpClient {
  const base = new URL(options.url);
  const prefix = base.pathname.replace(/\/+$/, '');
  let ca: string[] | undefined;
  // Given alone, `ca` would replace the bundled roots; the file adds to them.
  if (options.caFile) ca = [...rootCertificates, readFileSync(options.caFile, 'utf8')];
  const ownPool = options.dispatcher
    ? undefined
    : new Pool(base.origin, {
        connections: options.connections ?? 4,
        keepAliveTimeout: 30_000,
        connectTimeout: 10_000,
        // TLS is verified, always: there is deliberately no setting for rejectUnauthorized.
        ...(ca ? { connect: { ca } } : {}),
      });
  const dispatcher: Dispatcher = options.dispatcher ?? ownPool!;

  return {
    async request(request) {
      const search = request.query ? `?${new URLSearchParams(request.query).toString()}` : '';
      const path = `${prefix}${request.path}${search}`;
      const where = `${request.method} ${base.origin}${prefix}${request.path}`;
      const headers: Record<string, string> = {
        accept: 'application/json',
        'user-agent': 'warden',
        ...request.headers,
      };
      const token = options.token?.reveal();
      if (token) headers.authorization = options.authScheme === 'bearer' ? `Bearer ${token}` : token;
      let body: Buffer | undefined;
      if (request.body !== undefined) {
        body = Buffer.from(JSON.stringify(request.body), 'utf8');
        headers['content-type'] = 'application/json';
        if (request.gzip && body.length > GZIP_ABOVE_BYTES) {
          body = gzipSync(body);
          headers['content-encoding'] = 'gzip';
        }
      }
      if (request.signal.aborted) {
        throw new TransportError({ message: `${where}: timed out before sending`, isRetryable: true });
      }

      let response: Dispatcher.ResponseData;
      try {
        response = await dispatcher.request({
          origin: base.origin,
          path,
          method: request.method,
          headers,
          body: body ?? null,
          signal: request.signal,
        });
      } catch (error) {
        throw new TransportError({
          message: `${where}: ${describeError(error)}`,
          isRetryable: true,
          cause: error,
        });
      }

      let text: string;
      try {
        const length = Number(response.headers['content-length'] ?? 0);
        if (length > MAX_RESPONSE_BYTES) {
          await response.body.dump();
          text = '';
        } else {
          text = await response.body.text();
        }
      } catch (error) {
        throw new TransportError({
          message: `${where}: the answer was cut off: ${describeError(error)}`,
          statusCode: response.statusCode,
          isRetryable: true,
          cause: error,
        });
      }
      let json: unknown;
      if (text) {
        try {
          json = JSON.parse(text);
        } catch {
          json = undefined;
        }
      }
      return { statusCode: response.statusCode, headers: response.headers, text, json };
    },
    async close() {
      await ownPool?.close();
    },
  };
}
