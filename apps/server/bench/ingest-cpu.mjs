// Ingest cost per event in process (no HTTP), in CPU time so that a busy shared machine distorts it
// less: JSON parse + zod validation, and the store (row building, insert, indexes, aggregates) on
// SQLite. With BENCH_BASELINE_DIST (another build's dist/index.js, e.g. the previous release) the
// same batches go alternately to that build's store and to this one, and the ratio is printed.
// Run: pnpm --filter @warden/server build && node bench/ingest-cpu.mjs
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { wardenEventSchema } from '@warden/core';
import { makeBenchEvent } from './bench-support.mjs';

const EVENTS = Number(process.env.BENCH_INGEST_EVENTS ?? 50_000);
const BATCH = 100;
const BASELINE = process.env.BENCH_BASELINE_DIST;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'warden-ingest-cpu-'));
try {
  const builds = [{ label: 'this build', module: await import('../dist/index.js') }];
  if (BASELINE) builds.unshift({ label: 'baseline', module: await import(path.resolve(BASELINE)) });
  const base = Date.now() - 3600_000;
  for (const [index, build] of builds.entries()) {
    const database = await build.module.openDatabase({ database: path.join(dir, `${index}`, 'warden.db') });
    build.store = build.module.createStore({ database });
    build.tenantId = (await build.store.ensureTenant({ name: 'bench' })).id;
    build.cpu = 0;
    // Warm-up batch (JIT, prepared statements): not counted.
    await build.store.ingestEvents({
      tenantId: build.tenantId,
      events: [makeBenchEvent(0, base, 'warm')],
      receivedAt: new Date().toISOString(),
    });
  }
  let parseCpu = 0;
  for (let start = 0; start < EVENTS; start += BATCH) {
    const body = JSON.stringify({
      v: 1,
      events: Array.from({ length: BATCH }, (_, offset) => makeBenchEvent(start + offset, base, 'cpu')),
    });
    const t0 = process.cpuUsage();
    const events = JSON.parse(body).events.map((raw) => wardenEventSchema.parse(raw));
    const t1 = process.cpuUsage(t0);
    parseCpu += t1.user + t1.system;
    for (const build of builds) {
      const t2 = process.cpuUsage();
      const result = await build.store.ingestEvents({
        tenantId: build.tenantId,
        events,
        receivedAt: new Date().toISOString(),
      });
      const t3 = process.cpuUsage(t2);
      build.cpu += t3.user + t3.system;
      if (result.accepted.length !== BATCH)
        throw new Error(`${build.label}: ${result.accepted.length} accepted`);
    }
  }
  const rate = (micros) => Math.round(EVENTS / (micros / 1e6));
  const report = { events: EVENTS, parseAndValidatePerCpuSecond: rate(parseCpu) };
  for (const build of builds) report[`store per CPU-second (${build.label})`] = rate(build.cpu);
  if (builds.length === 2)
    report['this build / baseline'] = Number((builds[0].cpu / builds[1].cpu).toFixed(2));
  console.log(JSON.stringify(report));
  for (const build of builds) await build.store.close();
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
