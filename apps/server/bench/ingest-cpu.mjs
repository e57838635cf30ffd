// Ingest cost per event in process (no HTTP): the store alone, measured in CPU time so that a busy
// shared machine does not distort it. Prints events per CPU-second for the parts of the path:
// JSON parse + zod validation, and the store (row building, insert, indexes, aggregates).
// Run: pnpm --filter @warden/server build && node bench/ingest-cpu.mjs
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { wardenEventSchema } from '@warden/core';
import { createStore, openDatabase } from '../dist/index.js';
import { makeBenchEvent } from './bench-support.mjs';

const EVENTS = Number(process.env.BENCH_INGEST_EVENTS ?? 50_000);
const BATCH = 100;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'warden-ingest-cpu-'));
try {
  const database = await openDatabase({ database: path.join(dir, 'warden.db') });
  const store = createStore({ database });
  const tenant = await store.ensureTenant({ name: 'bench' });
  const base = Date.now() - 3600_000;
  const bodies = [];
  for (let start = 0; start < EVENTS; start += BATCH)
    bodies.push(
      JSON.stringify({
        v: 1,
        events: Array.from({ length: BATCH }, (_, offset) => makeBenchEvent(start + offset, base, 'cpu')),
      }),
    );
  // Warm-up batch (JIT, prepared statements): not counted.
  await store.ingestEvents({
    tenantId: tenant.id,
    events: [makeBenchEvent(0, base, 'warm')],
    receivedAt: new Date().toISOString(),
  });
  let parseCpu = 0;
  let storeCpu = 0;
  for (const body of bodies) {
    const t0 = process.cpuUsage();
    const events = JSON.parse(body).events.map((raw) => wardenEventSchema.parse(raw));
    const t1 = process.cpuUsage(t0);
    parseCpu += t1.user + t1.system;
    const t2 = process.cpuUsage();
    await store.ingestEvents({ tenantId: tenant.id, events, receivedAt: new Date().toISOString() });
    const t3 = process.cpuUsage(t2);
    storeCpu += t3.user + t3.system;
  }
  const rate = (micros) => Math.round(EVENTS / (micros / 1e6));
  console.log(
    JSON.stringify({
      events: EVENTS,
      parseAndValidatePerCpuSecond: rate(parseCpu),
      storePerCpuSecond: rate(storeCpu),
      bothPerCpuSecond: rate(parseCpu + storeCpu),
    }),
  );
  await store.close();
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
