// The Warden server benchmark: ingest rate and latency over HTTP (batches of 100, loopback) on
// SQLite and PostgreSQL, query p95 with 1,000,000 stored events, and server RSS idle and under
// load. The server runs as its own process (dist/bin.js), as `warden serve` would.
// Run: pnpm --filter @warden/server build && pnpm --filter @warden/server bench
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import pg from 'pg';
import { createPgDatabase, makeBenchEvent, percentile, startServer } from './bench-support.mjs';

const INGEST_EVENTS = Number(process.env.BENCH_INGEST_EVENTS ?? 100_000);
const QUERY_EVENTS = Number(process.env.BENCH_QUERY_EVENTS ?? 1_000_000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 4);
const BATCH = 100;
/** Which databases to measure (default both). */
const DIALECTS = (process.env.BENCH_DIALECTS ?? 'sqlite,postgres').split(',');
/**
 * Another build's `dist/bin.js` (e.g. the previous release, built elsewhere): its ingest is measured
 * in the same run, interleaved with this build's, and the ratio printed, so a busy machine weighs
 * on both alike.
 */
const BASELINE_BIN = process.env.BENCH_BASELINE_BIN;

function token() {
  return `wdn_${randomBytes(32).toString('base64url')}`;
}

/** CPU seconds (user + system) the process has used: a rate that holds on a busy, shared machine. */
function cpuSeconds(pid) {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  // utime and stime are fields 14 and 15 of stat, i.e. 11 and 12 after the command name.
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

function rssMb(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

async function benchIngest({ label, args, serverBin }) {
  const adminToken = token();
  // One token sends every batch here, as a whole fleet would: the per-token request limit (50/s by
  // default, a device's worth) would cap the rate being measured. A baseline build older than
  // `--rate-limit` keeps its default limit, so compare it with BENCH_INGEST_EVENTS ≤ 20,000.
  const limit = serverBin ? [] : ['--rate-limit', '1000000:1000000'];
  const server = await startServer({
    args: [...args, ...limit],
    adminToken,
    ...(serverBin ? { serverBin } : {}),
  });
  const headers = { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' };
  try {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const idle = rssMb(server.pid);
    const prefix = `${label}-${Date.now()}`;
    const base = Date.now() - 3600_000;
    const bodies = [];
    for (let start = 0; start < INGEST_EVENTS; start += BATCH) {
      const events = Array.from({ length: BATCH }, (_, offset) =>
        makeBenchEvent(start + offset, base, prefix),
      );
      bodies.push(JSON.stringify({ v: 1, events }));
    }
    // Warm-up (JIT, statement caches): not counted.
    await fetch(`${server.url}/v1/events`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ v: 1, events: [makeBenchEvent(0, base, `${prefix}-warm`)] }),
    });
    const latencies = [];
    let next = 0;
    let peak = idle;
    const sampler = setInterval(() => (peak = Math.max(peak, rssMb(server.pid))), 100);
    const started = performance.now();
    const cpuBefore = cpuSeconds(server.pid);
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < bodies.length) {
          const body = bodies[next++];
          const t0 = performance.now();
          const response = await fetch(`${server.url}/v1/events`, { method: 'POST', headers, body });
          const result = await response.json();
          if (response.status !== 200 || result.accepted.length !== BATCH)
            throw new Error(`ingest failed: ${response.status} ${JSON.stringify(result).slice(0, 200)}`);
          latencies.push(performance.now() - t0);
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const cpu = cpuSeconds(server.pid) - cpuBefore;
    clearInterval(sampler);
    return {
      label,
      eventsPerSecond: Math.round(INGEST_EVENTS / seconds),
      // Events per second of the server's own CPU time: what one core would sustain.
      eventsPerServerCpuSecond: Math.round(INGEST_EVENTS / cpu),
      loadAverage: os.loadavg()[0].toFixed(1),
      p50Ms: Number(percentile(latencies, 0.5).toFixed(1)),
      p99Ms: Number(percentile(latencies, 0.99).toFixed(1)),
      rssIdleMb: idle,
      rssLoadMb: peak,
    };
  } finally {
    await server.stop();
  }
}

/** Seeds the events table directly (multi-row inserts), then the aggregates from it, as ingest would have. */
async function seed({ count, multiInsert }) {
  const base = Date.now() - count * 50 - 3600_000;
  const prefix = 'q';
  const rows = [];
  const flush = async () => {
    if (rows.length) await multiInsert(rows.splice(0));
  };
  for (let index = 0; index < count; index++) {
    const event = makeBenchEvent(index, base, prefix);
    const ts = event.ts;
    rows.push([
      event.id,
      ts,
      ts,
      event.agent,
      event.session,
      event.client.device,
      event.host.user,
      event.hookEvent,
      event.phase,
      event.tool.name,
      event.decision.effect,
      event.decision.policyEffect,
      event.decision.ruleId,
      'enforce',
      0,
      event.audit.seq,
      event.audit.hash,
      event.client.latencyMs,
      event.client.adapter,
      event.client.policyHash,
      `${event.tool.input.command}\n${event.decision.reason}`.toLowerCase(),
      JSON.stringify(event),
    ]);
    if (rows.length === 500) await flush();
  }
  await flush();
  return { sessionOfInterest: `${prefix}-session-${Math.floor(count / 400)}` };
}

const EVENT_COLUMNS =
  'tenant_id, id, ts, received_at, agent, session, device, "user", hook_event, phase, tool, effect, policy_effect, rule_id, mode, failure, audit_seq, audit_hash, latency_ms, adapter, policy_hash, search_text, body';

function aggregateSql(tenant) {
  const hour = (column) => `substr(${column}, 1, 13) || ':00:00.000Z'`;
  return [
    `insert into stats_effect_hourly (tenant_id, bucket, agent, effect, count) select tenant_id, ${hour('ts')}, agent, effect, count(*) from events where tenant_id = '${tenant}' group by 1, 2, 3, 4`,
    `insert into stats_rule_hourly (tenant_id, bucket, agent, rule_id, effect, count) select tenant_id, ${hour('ts')}, agent, rule_id, policy_effect, count(*) from events where tenant_id = '${tenant}' and rule_id <> 'default' group by 1, 2, 3, 4, 5`,
    `insert into stats_tool_hourly (tenant_id, bucket, agent, tool, count) select tenant_id, ${hour('ts')}, agent, tool, count(*) from events where tenant_id = '${tenant}' and tool is not null group by 1, 2, 3, 4`,
    `insert into stats_latency_hourly (tenant_id, bucket, agent, bin, count) select tenant_id, ${hour('ts')}, agent, cast(latency_ms as integer), count(*) from events where tenant_id = '${tenant}' and latency_ms is not null group by 1, 2, 3, 4`,
  ];
}

async function benchQueries({ label, args, prepare }) {
  const adminToken = token();
  // First start creates the schema and the admin's tenant; stop it, seed, start again.
  const first = await startServer({ args, adminToken });
  await first.stop();
  const seedStarted = performance.now();
  const { sessionOfInterest } = await prepare();
  const seedSeconds = ((performance.now() - seedStarted) / 1000).toFixed(0);
  const server = await startServer({ args, adminToken });
  const headers = { authorization: `Bearer ${adminToken}` };
  try {
    const queries = {
      'events list (newest 100)': '/v1/events?limit=100',
      'events list (agent+effect filter)': '/v1/events?agent=codex&effect=deny&limit=100',
      'events list (device filter)': '/v1/events?device=laptop-7&limit=100',
      'events list (rule filter)': '/v1/events?rule=no-secrets&limit=100',
      'events list (q, rare text)': '/v1/events?q=%2Ftmp%2F99999&limit=100',
      'events list (q, rarer text)': '/v1/events?q=tmp%2F123456%0A&limit=100',
      'events list (q, common text)': '/v1/events?q=no+rule+matched&limit=100',
      'events list (q, no match)': '/v1/events?q=kubectl+delete&limit=100',
      'session timeline (200 events)': `/v1/sessions/${sessionOfInterest}`,
      'stats (7 days, hourly)': '/v1/stats?bucket=hour&since=7d',
    };
    const results = {};
    for (const [name, query] of Object.entries(queries)) {
      const times = [];
      for (let run = 0; run < 30; run++) {
        const t0 = performance.now();
        const response = await fetch(`${server.url}${query}`, { headers });
        await response.arrayBuffer();
        if (response.status !== 200) throw new Error(`${name}: HTTP ${response.status}`);
        times.push(performance.now() - t0);
      }
      results[name] = Number(percentile(times.slice(3), 0.95).toFixed(1));
    }
    return { label, seedSeconds, p95Ms: results };
  } finally {
    await server.stop();
  }
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'warden-bench-'));
const results = { ingest: [], queries: [] };
try {
  if (INGEST_EVENTS > 0) {
    const builds = BASELINE_BIN
      ? [{ suffix: ' (baseline)', serverBin: BASELINE_BIN }, { suffix: '' }]
      : [{ suffix: '' }];
    if (DIALECTS.includes('sqlite'))
      for (const { suffix, serverBin } of builds) {
        results.ingest.push(
          await benchIngest({
            label: `sqlite${suffix}`,
            args: ['--data', path.join(dir, `ingest${suffix ? '-baseline' : ''}`)],
            serverBin,
          }),
        );
        console.log(JSON.stringify(results.ingest.at(-1)));
      }
    if (DIALECTS.includes('postgres') && process.env.WARDEN_TEST_DATABASE_URL)
      for (const { suffix, serverBin } of builds) {
        const pgIngest = await createPgDatabase({ prefix: 'warden_bench' });
        try {
          results.ingest.push(
            await benchIngest({ label: `postgres${suffix}`, args: ['--database', pgIngest.url], serverBin }),
          );
          console.log(JSON.stringify(results.ingest.at(-1)));
        } finally {
          await pgIngest.drop();
        }
      }
    else if (DIALECTS.includes('postgres'))
      console.log(
        'postgres: skipped (WARDEN_TEST_DATABASE_URL is not set; run `bash scripts/services.sh` and `source scripts/env.sh`)',
      );
  }

  if (QUERY_EVENTS > 0) {
    const dataDir = path.join(dir, 'query');
    if (DIALECTS.includes('sqlite'))
      results.queries.push(
        await benchQueries({
          label: 'sqlite',
          args: ['--data', dataDir],
          prepare: async () => {
            const db = new DatabaseSync(path.join(dataDir, 'warden.db'));
            const tenant = db.prepare('select id from tenants limit 1').get().id;
            // Bulk load: no WAL for one huge transaction, indexes built once at the end.
            db.exec('PRAGMA journal_mode = DELETE');
            db.exec('PRAGMA synchronous = OFF');
            const indexes = db
              .prepare(
                "select sql from sqlite_master where type = 'index' and tbl_name = 'events' and sql is not null",
              )
              .all();
            for (const { sql } of indexes)
              db.exec(`drop index ${/create (?:unique )?index "?(\w+)"?/i.exec(sql)[1]}`);
            // The text index is rebuilt once at the end rather than row by row through its triggers.
            const triggers = db
              .prepare("select name, sql from sqlite_master where type = 'trigger' and tbl_name = 'events'")
              .all();
            for (const { name } of triggers) db.exec(`drop trigger ${name}`);
            const placeholders = `(${Array.from({ length: 23 }, () => '?').join(',')})`;
            const statement = db.prepare(
              `insert into events (${EVENT_COLUMNS}) values ${Array.from({ length: 500 }, () => placeholders).join(',')}`,
            );
            db.exec('begin');
            const seeded = await seed({
              count: QUERY_EVENTS,
              multiInsert: async (rows) => {
                const values = rows.flatMap((row) => [tenant, ...row]);
                if (rows.length === 500) statement.run(...values);
                else
                  db.prepare(
                    `insert into events (${EVENT_COLUMNS}) values ${rows.map(() => placeholders).join(',')}`,
                  ).run(...values);
              },
            });
            for (const statementText of aggregateSql(tenant)) db.exec(statementText);
            db.exec('commit');
            for (const { sql } of indexes) db.exec(sql);
            for (const { sql } of triggers) db.exec(sql);
            if (triggers.length) db.exec("insert into events_fts (events_fts) values ('rebuild')");
            db.exec('PRAGMA journal_mode = WAL');
            db.exec('ANALYZE');
            db.close();
            return seeded;
          },
        }),
      );
    if (results.queries.length) console.log(JSON.stringify(results.queries.at(-1)));
    const pgQuery = DIALECTS.includes('postgres')
      ? await createPgDatabase({ prefix: 'warden_bench' })
      : undefined;
    if (pgQuery) {
      try {
        results.queries.push(
          await benchQueries({
            label: 'postgres',
            args: ['--database', pgQuery.url],
            prepare: async () => {
              const client = new pg.Client({ connectionString: pgQuery.url });
              await client.connect();
              const tenant = (await client.query('select id from tenants limit 1')).rows[0].id;
              const indexes = (
                await client.query(
                  "select indexname, indexdef from pg_indexes where tablename = 'events' and indexname <> 'events_pk'",
                )
              ).rows;
              for (const { indexname } of indexes) await client.query(`drop index ${indexname}`);
              await client.query('set synchronous_commit = off');
              await client.query('begin');
              const seeded = await seed({
                count: QUERY_EVENTS,
                multiInsert: async (rows) => {
                  const values = [];
                  const tuples = rows.map((row) => {
                    const start = values.length;
                    values.push(tenant, ...row);
                    return `(${Array.from({ length: 23 }, (_, offset) => `$${start + offset + 1}`).join(',')})`;
                  });
                  await client.query(
                    `insert into events (${EVENT_COLUMNS}) values ${tuples.join(',')}`,
                    values,
                  );
                },
              });
              for (const statementText of aggregateSql(tenant)) await client.query(statementText);
              await client.query('commit');
              for (const { indexdef } of indexes) await client.query(indexdef);
              await client.query('ANALYZE');
              await client.end();
              return seeded;
            },
          }),
        );
        console.log(JSON.stringify(results.queries.at(-1)));
      } finally {
        await pgQuery.drop();
      }
    }
  }

  console.log('\nIngest over HTTP (batches of 100, %d in flight, %d events):', CONCURRENCY, INGEST_EVENTS);
  for (const row of results.ingest)
    console.log(
      `  ${row.label.padEnd(20)} ${String(row.eventsPerSecond).padStart(7)} events/s (${row.eventsPerServerCpuSecond} per server CPU-second, load average ${row.loadAverage})  p50 ${row.p50Ms} ms  p99 ${row.p99Ms} ms  RSS idle ${row.rssIdleMb} MB, under load ${row.rssLoadMb} MB`,
    );
  const byLabel = new Map(results.ingest.map((row) => [row.label, row]));
  for (const dialect of ['sqlite', 'postgres']) {
    const current = byLabel.get(dialect);
    const baseline = byLabel.get(`${dialect} (baseline)`);
    if (current && baseline)
      console.log(
        `  ${dialect} this build / baseline: ${(current.eventsPerSecond / baseline.eventsPerSecond).toFixed(2)}x events/s, ${(current.eventsPerServerCpuSecond / baseline.eventsPerServerCpuSecond).toFixed(2)}x events per server CPU-second`,
      );
  }
  if (byLabel.has('sqlite') && byLabel.has('postgres'))
    console.log(
      `  postgres/sqlite ingest rate ratio: ${(byLabel.get('postgres').eventsPerSecond / byLabel.get('sqlite').eventsPerSecond).toFixed(2)}`,
    );
  console.log('Query p95 over HTTP with %d stored events (target < 200 ms):', QUERY_EVENTS);
  for (const row of results.queries) {
    console.log(`  ${row.label} (seeded in ${row.seedSeconds} s)`);
    for (const [name, ms] of Object.entries(row.p95Ms)) console.log(`    ${name.padEnd(36)} ${ms} ms`);
  }
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
