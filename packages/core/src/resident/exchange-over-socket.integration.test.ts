import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exchangeOverSocket } from './exchange-over-socket.js';

let directory: string;
let server: net.Server | undefined;
beforeEach(() => {
  directory = mkdtempSync('/tmp/wexch-');
});
afterEach(async () => {
  if (server) await new Promise((resolve) => server?.close(resolve));
  server = undefined;
  rmSync(directory, { recursive: true, force: true });
});

async function listen(onRequest: (connection: net.Socket, request: string) => void): Promise<string> {
  const address = path.join(directory, 's.sock');
  server = net.createServer((connection) => {
    let request = '';
    connection.on('error', () => {});
    connection.on('data', (chunk) => {
      request += chunk;
      if (request.endsWith('\n')) onRequest(connection, request);
    });
  });
  await new Promise<void>((resolve) => server?.listen(address, resolve));
  return address;
}

describe('exchangeOverSocket', () => {
  it('sends the request and returns the whole reply, however it is split', async () => {
    const big = 'x'.repeat(3 * 1024 * 1024);
    const address = await listen((connection, request) => {
      connection.write(big.slice(0, 1000));
      setTimeout(() => connection.end(`${big.slice(1000)}|${request.length}`), 20);
    });
    const request = `${JSON.stringify({ input: 'y'.repeat(500_000) })}\n`;
    const result = await exchangeOverSocket({ address, request, timeoutMs: 10_000 });
    const reply = 'reply' in result ? result.reply : '';
    // Compared by length and ends: a diff of megabytes would drown the report.
    expect(reply.length).toBe(big.length + 1 + String(request.length).length);
    expect(reply.endsWith(`x|${request.length}`)).toBe(true);
    expect(reply === `${big}|${request.length}`).toBe(true);
  });

  it('says the listener is dead when there is no socket, or a socket no one listens on', async () => {
    const address = path.join(directory, 'none.sock');
    expect(await exchangeOverSocket({ address, request: 'x\n', timeoutMs: 5_000 })).toEqual({
      failure: 'dead',
    });
    const stale = await listen(() => {});
    await new Promise((resolve) => server?.close(resolve));
    server = undefined;
    writeFileSync(path.join(directory, 'unrelated'), '');
    expect(await exchangeOverSocket({ address: stale, request: 'x\n', timeoutMs: 5_000 })).toEqual({
      failure: 'dead',
    });
  });

  it('fails at its timeout when the listener never answers, and when it hangs up without ending', async () => {
    const silent = await listen(() => {});
    expect(await exchangeOverSocket({ address: silent, request: 'x\n', timeoutMs: 200 })).toEqual({
      failure: 'failed',
    });
    await new Promise((resolve) => server?.close(resolve));
    server = undefined;
    rmSync(silent, { force: true });
    const rude = await listen((connection) => connection.destroy());
    const result = await exchangeOverSocket({ address: rude, request: 'x\n', timeoutMs: 5_000 });
    // A reset reads as an error; a plain close as an empty reply (the caller rejects it as malformed).
    expect([{ failure: 'failed' }, { reply: '' }]).toContainEqual(result);
  });
});
