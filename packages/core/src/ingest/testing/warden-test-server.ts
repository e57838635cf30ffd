import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { gunzipSync } from 'node:zlib';
import type { DecideResponse, OrgPolicyResponse, WardenEvent } from '../warden-protocol.js';

/**
 * A real Warden protocol server on loopback for tests, with switchable misbehaviour:
 * - `accept`: stores each event id once, answers duplicates as such;
 * - `error500`: answers 500 without storing;
 * - `reset`: stores the batch, then destroys the connection instead of answering (a lost
 *   acknowledgement: the client must resend, the server must not store twice);
 * - `slow`: stores, then answers after `delayMs` (or never, while `hold` is set);
 * - `hang`: reads the request, then neither stores nor answers (a send cut off half way);
 * - `down`: not listening at all (connection refused), on the same port.
 */
export type ServerMode = 'accept' | 'error500' | 'reset' | 'slow' | 'hang';

export interface ReceivedRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: unknown;
  socket: number;
}

export interface WardenTestServer {
  url: string;
  port: number;
  mode: ServerMode;
  delayMs: number;
  /** How /v1/decide answers. */
  verdict: DecideResponse | ((event: WardenEvent) => DecideResponse);
  /** Answer 500 this many times before behaving per `mode`. */
  failNext: number;
  /** Event ids to refuse for good. */
  rejectIds: Set<string>;
  /**
   * The answer of `GET /v1/policy` (304 when `If-None-Match` names its etag); undefined: 404.
   * Policy requests ignore `mode` and `failNext`, which are about event delivery.
   */
  orgPolicy: OrgPolicyResponse | undefined;
  /** Largest batch accepted; larger ones get 413. */
  maxBatch: number;
  /** Every event stored, by id (each id at most once). */
  readonly stored: Map<string, WardenEvent>;
  /** How many times each id arrived. */
  readonly deliveries: Map<string, number>;
  readonly requests: ReceivedRequest[];
  /** Distinct TCP connections seen. */
  readonly connections: number;
  /** Resolves when the next request whose path starts with `prefix` has arrived (and been stored). */
  nextRequest(prefix: string): Promise<ReceivedRequest>;
  /** Stop listening (clients get connection refused). */
  down(): Promise<void>;
  /** Listen again on the same port. */
  up(): Promise<void>;
  close(): Promise<void>;
}

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

export async function startWardenTestServer(options: { token?: string } = {}): Promise<WardenTestServer> {
  const sockets = new Set<Socket>();
  let socketCount = 0;
  const socketIds = new WeakMap<Socket, number>();
  const waiters: Array<{ prefix: string; resolve: (request: ReceivedRequest) => void }> = [];
  let server: Server;

  const state: WardenTestServer = {
    url: '',
    port: 0,
    mode: 'accept',
    delayMs: 0,
    verdict: { v: 1, effect: 'allow' },
    failNext: 0,
    rejectIds: new Set(),
    orgPolicy: undefined,
    maxBatch: 1000,
    stored: new Map(),
    deliveries: new Map(),
    requests: [],
    get connections() {
      return socketCount;
    },
    nextRequest(prefix) {
      return new Promise((resolve) => waiters.push({ prefix, resolve }));
    },
    down: () => close(),
    up: () => listen(state.port),
    close: () => close(),
  };

  const json = (response: ServerResponse, status: number, body: unknown) => {
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(JSON.stringify(body));
  };

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    let raw = await readBody(request);
    if (request.headers['content-encoding'] === 'gzip') raw = gunzipSync(raw);
    let body: unknown;
    try {
      body = raw.length > 0 ? JSON.parse(raw.toString('utf8')) : undefined;
    } catch {
      body = raw.toString('utf8');
    }
    const received: ReceivedRequest = {
      method: request.method ?? '',
      url: request.url ?? '',
      headers: request.headers,
      body,
      socket: socketIds.get(request.socket) ?? 0,
    };
    state.requests.push(received);

    if (options.token && request.headers.authorization !== `Bearer ${options.token}`) {
      json(response, 401, { v: 1, error: { code: 'unauthorized', message: 'bad token' } });
      notify(received);
      return;
    }
    if (request.method === 'GET' && request.url === '/v1/policy') {
      const policy = state.orgPolicy;
      if (!policy) json(response, 404, { v: 1, error: { code: 'not_found', message: 'no such endpoint' } });
      else if (request.headers['if-none-match'] === `"${policy.etag}"`) response.writeHead(304).end();
      else json(response, 200, policy);
      notify(received);
      return;
    }
    if (state.failNext > 0) {
      state.failNext--;
      json(response, 500, { v: 1, error: { code: 'internal', message: 'try again' } });
      notify(received);
      return;
    }
    if (state.mode === 'hang') {
      notify(received);
      return;
    }
    if (state.mode === 'error500') {
      json(response, 500, { v: 1, error: { code: 'internal', message: 'down for maintenance' } });
      notify(received);
      return;
    }

    let answer: { status: number; body: unknown };
    if (request.url === '/v1/health') {
      answer = { status: 200, body: { v: 1, ok: true, version: 'test' } };
    } else if (request.url === '/v1/decide') {
      const event = (body as { event: WardenEvent }).event;
      answer = {
        status: 200,
        body: typeof state.verdict === 'function' ? state.verdict(event) : state.verdict,
      };
    } else if (request.url === '/v1/events') {
      const events = (body as { events?: WardenEvent[] })?.events ?? [];
      if (events.length > state.maxBatch) {
        answer = { status: 413, body: { v: 1, error: { code: 'too_large', message: 'batch too large' } } };
      } else {
        const accepted: string[] = [];
        const duplicates: string[] = [];
        const rejected: Array<{ id: string; error: string; retryable: boolean }> = [];
        for (const event of events) {
          state.deliveries.set(event.id, (state.deliveries.get(event.id) ?? 0) + 1);
          if (state.rejectIds.has(event.id)) {
            rejected.push({ id: event.id, error: 'refused by test', retryable: false });
          } else if (state.stored.has(event.id)) {
            duplicates.push(event.id);
          } else {
            state.stored.set(event.id, event);
            accepted.push(event.id);
          }
        }
        answer = { status: 200, body: { v: 1, accepted, duplicates, rejected } };
      }
    } else {
      answer = { status: 404, body: { v: 1, error: { code: 'not_found', message: 'no such endpoint' } } };
    }
    notify(received);

    if (state.mode === 'reset') {
      request.socket.destroy();
      return;
    }
    if (state.mode === 'slow') await new Promise((resolve) => setTimeout(resolve, state.delayMs));
    if (!response.destroyed) json(response, answer.status, answer.body);
  }

  function notify(received: ReceivedRequest): void {
    for (let index = waiters.length - 1; index >= 0; index--) {
      if (received.url.startsWith(waiters[index]!.prefix)) {
        waiters[index]!.resolve(received);
        waiters.splice(index, 1);
      }
    }
  }

  function listen(port: number): Promise<void> {
    server = createServer((request, response) => {
      handle(request, response).catch(() => response.destroy());
    });
    server.keepAliveTimeout = 30_000;
    server.on('connection', (socket) => {
      sockets.add(socket);
      socketIds.set(socket, ++socketCount);
      socket.on('close', () => sockets.delete(socket));
    });
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        state.port = (server.address() as AddressInfo).port;
        state.url = `http://127.0.0.1:${state.port}`;
        resolve();
      });
    });
  }

  function close(): Promise<void> {
    for (const socket of sockets) socket.destroy();
    return new Promise((resolve) => server.close(() => resolve()));
  }

  await listen(0);
  return state;
}
