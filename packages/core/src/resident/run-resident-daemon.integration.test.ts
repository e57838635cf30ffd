import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exchangeOverSocket } from './exchange-over-socket.js';
import type { ResidentSocket } from './resident-socket.js';
import { runResidentDaemon } from './run-resident-daemon.js';

let root: string;
let home: string;
let socket: ResidentSocket;
beforeEach(() => {
  root = mkdtempSync('/tmp/wdaemon-');
  home = path.join(root, '.warden');
  mkdirSync(home, { mode: 0o700 });
  const directory = path.join(home, 'run', 'resident');
  socket = { directory, socketFile: path.join(directory, 't.sock'), address: path.join(directory, 't.sock') };
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const request = (input: unknown, env: Record<string, string> = { A: '1' }) =>
  `${JSON.stringify({ version: 1, argv: [], env, cwd: root, input: JSON.stringify(input) })}\n`;

describe('runResidentDaemon', () => {
  it('answers with the decider of the caller environment, and stops when its code is replaced', async () => {
    const created: string[] = [];
    let current = true;
    const stopped = runResidentDaemon({
      home,
      socket,
      idleMs: 60_000,
      isCurrent: () => current,
      createDecider: ({ env }) => {
        created.push(env.A ?? '');
        return {
          decide: async (input) => ({ stdout: `${env.A}:${JSON.stringify(input)}`, stderr: '', exitCode: 0 }),
        };
      },
    });
    for (let attempt = 0; attempt < 200 && !existsSync(`${socket.socketFile}.pid`); attempt++)
      await new Promise((resolve) => setTimeout(resolve, 10));
    expect(readFileSync(`${socket.socketFile}.pid`, 'utf8').trim()).toBe(String(process.pid));
    const ask = (text: string) =>
      exchangeOverSocket({ address: socket.address, request: text, timeoutMs: 5_000 });
    expect(await ask(request({ x: 1 }))).toEqual({
      reply: `${JSON.stringify({ stdout: '1:{"x":1}', stderr: '', exitCode: 0 })}\n`,
    });
    await ask(request({ x: 2 }));
    await ask(request({ x: 3 }, { A: '2' }));
    // One decider per environment, kept between calls.
    expect(created).toEqual(['1', '2']);
    // A request that is not the client's is not answered: the client decides in-process.
    expect(await ask('{"version":2}\n')).toEqual({ reply: '' });
    current = false;
    await stopped;
    expect(existsSync(socket.socketFile)).toBe(false);
    expect(existsSync(`${socket.socketFile}.pid`)).toBe(false);
  });

  it('refuses a resident directory others can write, and a live daemon on its socket', async () => {
    mkdirSync(socket.directory, { recursive: true, mode: 0o700 });
    const decider = () => ({ decide: async () => ({ stdout: '', stderr: '', exitCode: 0 }) });
    rmSync(socket.directory, { recursive: true });
    mkdirSync(socket.directory, { mode: 0o777 });
    chmodSync(socket.directory, 0o777);
    await expect(runResidentDaemon({ home, socket, createDecider: decider })).rejects.toThrow(
      /writable by everyone/,
    );
    chmodSync(socket.directory, 0o700);
    const first = runResidentDaemon({ home, socket, createDecider: decider, idleMs: 300 });
    for (let attempt = 0; attempt < 200 && !existsSync(`${socket.socketFile}.pid`); attempt++)
      await new Promise((resolve) => setTimeout(resolve, 10));
    await expect(runResidentDaemon({ home, socket, createDecider: decider })).rejects.toThrow(
      /already listens/,
    );
    await first;
  });
});
