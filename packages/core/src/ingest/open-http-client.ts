import type { HttpClient, HttpClientOptions } from './http-client.js';

/**
 * `createHttpClient`, loaded on use: importing core must not load undici (and Node's net) for
 * callers that never talk to a server.
 */
export async function openHttpClient(options: HttpClientOptions): Promise<HttpClient> {
  const { createHttpClient } = await import('./http-client.js');
  return createHttpClient(options);
}
