import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliDecompressSync, gunzipSync, inflateSync, zstdDecompressSync } from 'node:zlib';

/** One HTTP request a scripted model server received. */
export interface RecordedRequest {
  method: string;
  /** Path and query as received, e.g. `/v1/messages?beta=true`. */
  url: string;
  /** Path without the query, e.g. `/v1/messages`. */
  path: string;
  headers: IncomingHttpHeaders;
  /** The body as text, after undoing any content-encoding. */
  rawBody: string;
  /** The parsed JSON body, or `undefined` when the body was empty or not JSON. */
  body: unknown;
  /** When the request arrived (`performance.now()` of the test process), for gap measurements. */
  receivedAt: number;
}

export interface RecordingServer {
  port: number;
  /** Every request, in arrival order. */
  requests: RecordedRequest[];
  close(): Promise<void>;
}

const maximumBodyBytes = 64 * 1024 * 1024;
const requestTimeoutMs = 30_000;

/**
 * The HTTP side shared by the scripted model servers: a loopback server on an ephemeral port
 * that decodes and records every request, then hands it to the server's own `route`.
 */
export async function startRecordingServer(options: {
  route: (options: { recorded: RecordedRequest; response: ServerResponse }) => void;
  /** Answers a request whose body could not be read. */
  sendBodyError: (options: { response: ServerResponse; message: string }) => void;
}): Promise<RecordingServer> {
  const requests: RecordedRequest[] = [];
  const server = createServer((request, response) => {
    const receivedAt = performance.now();
    readBody(request)
      .then((rawBody) => {
        const recorded: RecordedRequest = {
          receivedAt,
          method: request.method ?? 'GET',
          url: request.url ?? '/',
          path: (request.url ?? '/').split('?')[0] ?? '/',
          headers: request.headers,
          rawBody,
          body: parseJson(rawBody),
        };
        requests.push(recorded);
        options.route({ recorded, response });
      })
      .catch((error: unknown) => {
        options.sendBodyError({ response, message: `could not read the request body: ${String(error)}` });
      });
  });
  server.requestTimeout = requestTimeoutMs;
  server.headersTimeout = requestTimeoutMs;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    // Port 0 gives an ephemeral port, so parallel test files never collide.
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    port,
    requests,
    close() {
      return new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Keep-alive sockets would otherwise hold close() open until they time out.
        server.closeAllConnections();
      });
    },
  };
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > maximumBodyBytes) throw new Error(`body larger than ${maximumBodyBytes} bytes`);
    chunks.push(buffer);
  }
  const raw = Buffer.concat(chunks);
  const encoding = String(request.headers['content-encoding'] ?? '').toLowerCase();
  if (encoding === 'gzip') return gunzipSync(raw).toString('utf8');
  if (encoding === 'deflate') return inflateSync(raw).toString('utf8');
  if (encoding === 'br') return brotliDecompressSync(raw).toString('utf8');
  if (encoding === 'zstd') return zstdDecompressSync(raw).toString('utf8');
  return raw.toString('utf8');
}

function parseJson(text: string): unknown {
  if (text.length === 0) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// Rough, but clients only display or sum these numbers; they must merely be plausible integers.
export function estimateTokens(text: string): number {
  return Math.max(1, Math.ceil(text.length / 4));
}

export function sendJson(options: { response: ServerResponse; status: number; value: unknown }): void {
  options.response.writeHead(options.status, { 'content-type': 'application/json' });
  options.response.end(JSON.stringify(options.value));
}
