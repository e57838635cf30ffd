// The dashboard benchmark: time to first byte and full load of each main page with 1,000,000
// stored events, on SQLite and on PostgreSQL. Each page is compared with /login (same server,
// same renderer, no query) measured in the same run. Full load is measured in Debian's Chromium
// (navigation timing: HTML, CSS, scripts and charts) when it is installed, else over HTTP.
// Run: pnpm --filter @warden/server build && node bench/dashboard.bench.mjs
// BENCH_DASHBOARD_EVENTS sets the event count (default 1,000,000); BENCH_SQLITE=0 / BENCH_PG=0 skip a database.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import pg from 'pg';
import { createPgDatabase, percentile, startServer } from './bench-support.mjs';

const EVENTS = Number(process.env.BENCH_DASHBOARD_EVENTS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_DASHBOARD_RUNS ?? 15);
const CHROMIUM = process.env.WARDEN_TEST_CHROMIUM ?? '/usr/bin/chromium';
const DEVICES = 200;

const AGENTS = ['claude-code', 'codex', 'agent-sdk'];
const TOOLS = ['Bash', 'Read', 'Write', 'Edit', 'WebFetch', 'mcp__github__create_issue'];
const RULES = [
  'default',
  'default',
  'default',
  'default',
  'shell.recursive-delete-outside-project',
  'secrets.read-file',
  'shell.git-push-delete',
];

/** One stored event as the events table holds it, spread over the last 30 days. */
function eventRow(index, base) {
  const rule = RULES[index % RULES.length];
  const effect = rule === 'default' ? 'allow' : rule === 'shell.git-push-delete' ? 'ask' : 'deny';
  const tool = TOOLS[index % TOOLS.length];
  const agent = AGENTS[index % AGENTS.length];
  const device = `laptop-${index % DEVICES}`;
  const command = `ls -la /tmp/${index}`;
  const ts = new Date(base + index * 2500).toISOString();
  const event = {
    id: `d-${index}`,
    ts,
    agent,
    session: `s-${Math.floor(index / 200)}`,
    hookEvent: 'PreToolUse',
    phase: 'tool_call',
    cwd: '/home/dev/project',
    host: { name: device, user: `dev${index % DEVICES}` },
    tool: { name: tool, input: { command } },
    actions: [{ kind: 'shell.exec', tool, resources: { command } }],
    decision: {
      effect,
      policyEffect: effect,
      ruleId: rule,
      reason: effect === 'allow' ? 'No rule matched.' : `Rule ${rule}.`,
      mode: 'enforce',
      findings: [],
    },
    audit: {
      seq: Math.floor(index / DEVICES) + 1,
      hash: createHash('sha256').update(String(index)).digest('hex'),
    },
    client: {
      device,
      adapter: '@warden/claude-code@0.1.0',
      policyHash: 'abc123',
      latencyMs: 5 + (index % 40),
    },
  };
  return [
    event.id,
    ts,
    ts,
    agent,
    event.session,
    device,
    event.host.user,
    'PreToolUse',
    'tool_call',
    tool,
    effect,
    effect,
    rule,
    'enforce',
    0,
    event.audit.seq,
    event.audit.hash,
    event.client.latencyMs,
    event.client.adapter,
    'abc123',
    `${command}\n${event.decision.reason}`.toLowerCase(),
    JSON.stringify(event),
  ];
}

const EVENT_COLUMNS =
  'tenant_id, id, ts, received_at, agent, session, device, "user", hook_event, phase, tool, effect, policy_effect, rule_id, mode, failure, audit_seq, audit_hash, latency_ms, adapter, policy_hash, search_text, body';

/** The aggregate tables the ingest path keeps, rebuilt in SQL after a bulk seed. */
function aggregateSql(tenant, dialect) {
  const hour = (column) => `substr(${column}, 1, 13) || ':00:00.000Z'`;
  // The bin values only shape the latency card; the page's cost does not depend on them.
  const bin = dialect === 'postgres' ? 'cast(round(latency_ms) as integer)' : 'cast(latency_ms as integer)';
  return [
    `insert into stats_effect_hourly (tenant_id, bucket, agent, effect, count) select tenant_id, ${hour('ts')}, agent, effect, count(*) from events where tenant_id = '${tenant}' group by 1, 2, 3, 4`,
    `insert into stats_rule_hourly (tenant_id, bucket, agent, rule_id, effect, count) select tenant_id, ${hour('ts')}, agent, rule_id, policy_effect, count(*) from events where tenant_id = '${tenant}' and rule_id <> 'default' group by 1, 2, 3, 4, 5`,
    `insert into stats_tool_hourly (tenant_id, bucket, agent, tool, count) select tenant_id, ${hour('ts')}, agent, tool, count(*) from events where tenant_id = '${tenant}' and tool is not null group by 1, 2, 3, 4`,
    `insert into stats_latency_hourly (tenant_id, bucket, agent, bin, count) select tenant_id, ${hour('ts')}, agent, ${bin}, count(*) from events where tenant_id = '${tenant}' and latency_ms is not null group by 1, 2, 3, 4`,
    `insert into device_hourly (tenant_id, bucket, device, agent, events, failures, errors) select tenant_id, ${hour('ts')}, device, agent, count(*), 0, 0 from events where tenant_id = '${tenant}' group by 1, 2, 3, 4`,
    `insert into devices (tenant_id, device, agent, "user", first_seen, last_seen, adapter, policy_hash, org_policy_etag, mode, event_count) select tenant_id, device, agent, min("user"), min(ts), max(ts), min(adapter), min(policy_hash), null, 'enforce', count(*) from events where tenant_id = '${tenant}' group by tenant_id, device, agent`,
    `insert into denial_groups (tenant_id, rule_id, device, agent, count, first_seen, last_seen, last_event_id, last_reason, severity, triage_state, triage_by, triage_at) select tenant_id, rule_id, device, agent, count(*), min(ts), max(ts), max(id), 'Rule ' || rule_id || '.', case when min(effect) = 'deny' then 'high' else 'medium' end, 'open', null, null from events where tenant_id = '${tenant}' and effect <> 'allow' group by tenant_id, rule_id, device, agent`,
    `insert into anchors (tenant_id, device, seq, hash, event_id, ts) select tenant_id, device, audit_seq, audit_hash, id, ts from events where tenant_id = '${tenant}'`,
  ];
}

async function seedSqlite(file) {
  const db = new DatabaseSync(file);
  const tenant = db.prepare('select id from tenants limit 1').get().id;
  // Bulk load: no WAL, and the events indexes built once after the load instead of per row.
  db.exec('PRAGMA journal_mode = DELETE');
  db.exec('PRAGMA synchronous = OFF');
  const indexes = db
    .prepare(
      "select name, sql from sqlite_master where type = 'index' and tbl_name = 'events' and sql is not null",
    )
    .all();
  for (const index of indexes) db.exec(`drop index ${index.name}`);
  const placeholders = `(${Array.from({ length: 23 }, () => '?').join(',')})`;
  const batch = db.prepare(
    `insert into events (${EVENT_COLUMNS}) values ${Array.from({ length: 500 }, () => placeholders).join(',')}`,
  );
  const base = Date.now() - EVENTS * 2500;
  db.exec('begin');
  for (let start = 0; start < EVENTS; start += 500) {
    const count = Math.min(500, EVENTS - start);
    const values = [];
    for (let index = start; index < start + count; index++) values.push(tenant, ...eventRow(index, base));
    if (count === 500) batch.run(...values);
    else
      db.prepare(
        `insert into events (${EVENT_COLUMNS}) values ${Array.from({ length: count }, () => placeholders).join(',')}`,
      ).run(...values);
  }
  for (const index of indexes) db.exec(index.sql);
  for (const statement of aggregateSql(tenant, 'sqlite')) db.exec(statement);
  db.exec('commit');
  db.exec('ANALYZE');
  db.close();
}

async function seedPostgres(url) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const tenant = (await client.query('select id from tenants limit 1')).rows[0].id;
  const base = Date.now() - EVENTS * 2500;
  await client.query('begin');
  const indexes = (
    await client.query(
      "select indexname, indexdef from pg_indexes where tablename = 'events' and indexdef not like '%UNIQUE%'",
    )
  ).rows;
  for (const index of indexes) await client.query(`drop index ${index.indexname}`);
  for (let start = 0; start < EVENTS; start += 500) {
    const values = [];
    const tuples = [];
    for (let index = start; index < Math.min(EVENTS, start + 500); index++) {
      const offset = values.length;
      values.push(tenant, ...eventRow(index, base));
      tuples.push(`(${Array.from({ length: 23 }, (_, column) => `$${offset + column + 1}`).join(',')})`);
    }
    await client.query(`insert into events (${EVENT_COLUMNS}) values ${tuples.join(',')}`, values);
  }
  for (const index of indexes) await client.query(index.indexdef);
  for (const statement of aggregateSql(tenant, 'postgres')) await client.query(statement);
  await client.query('commit');
  await client.query('ANALYZE');
  await client.end();
}

async function signIn(url, token) {
  const response = await fetch(`${url}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { origin: url },
    body: new URLSearchParams({ token }),
  });
  const cookie = response.headers.get('set-cookie');
  if (response.status !== 303 || !cookie) throw new Error(`sign-in failed: HTTP ${response.status}`);
  return cookie.split(';')[0];
}

const PAGES = {
  'sign-in (baseline, no query)': '/login',
  overview: '/',
  'overview (30 days)': '/?range=30d',
  'denials inbox': '/denials',
  events: '/events',
  'events (agent+effect+device)': '/events?agent=codex&effect=deny&device=laptop-7',
  'events (text search)': '/events?q=%2Ftmp%2F99999',
  'event detail': `/events/d-${Math.floor(EVENTS / 2)}`,
  'session timeline (200 events)': `/sessions/s-${Math.floor(EVENTS / 400)}`,
  fleet: '/fleet',
  settings: '/settings',
};

async function measureHttp(url, cookie) {
  const results = {};
  for (const [name, page] of Object.entries(PAGES)) {
    const ttfb = [];
    const full = [];
    for (let run = 0; run < RUNS + 2; run++) {
      const t0 = performance.now();
      // The sign-in page is the baseline: asked without the cookie, it renders without any query.
      const headers = page === '/login' ? {} : { cookie };
      const response = await fetch(`${url}${page}`, { headers, redirect: 'manual' });
      const t1 = performance.now();
      await response.arrayBuffer();
      const t2 = performance.now();
      if (response.status !== 200) throw new Error(`${name}: HTTP ${response.status}`);
      if (run >= 2) {
        ttfb.push(t1 - t0);
        full.push(t2 - t0);
      }
    }
    results[name] = {
      ttfbP50: percentile(ttfb, 0.5),
      ttfbP95: percentile(ttfb, 0.95),
      fullP95: percentile(full, 0.95),
    };
  }
  return results;
}

async function measureBrowser(url, token) {
  if (!fs.existsSync(CHROMIUM)) return undefined;
  const { chromium } = await import('playwright-core');
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'warden-bench-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${url}/login`);
    await page.fill('#token', token);
    await Promise.all([page.waitForURL(`${url}/`), page.click('button[type=submit]')]);
    const results = {};
    for (const [name, target] of Object.entries(PAGES)) {
      if (target === '/login') continue;
      const loads = [];
      for (let run = 0; run < 6; run++) {
        await page.goto(`${url}${target}`, { waitUntil: 'load' });
        const timing = await page.evaluate(() => {
          const [entry] = performance.getEntriesByType('navigation');
          return { ttfb: entry.responseStart - entry.startTime, load: entry.loadEventEnd - entry.startTime };
        });
        if (run >= 1) loads.push(timing.load);
      }
      results[name] = percentile(loads, 0.95);
    }
    return results;
  } finally {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

async function benchDatabase({ label, args, seed }) {
  const adminToken = `wdn_${randomBytes(32).toString('base64url')}`;
  const first = await startServer({ args, adminToken });
  await first.stop();
  const seedStarted = performance.now();
  await seed();
  const seedSeconds = Math.round((performance.now() - seedStarted) / 1000);
  const server = await startServer({ args, adminToken });
  try {
    const cookie = await signIn(server.url, adminToken);
    const http = await measureHttp(server.url, cookie);
    const browser = await measureBrowser(server.url, adminToken);
    return { label, seedSeconds, http, browser };
  } finally {
    await server.stop();
  }
}

function report(result) {
  const baseline = result.http['sign-in (baseline, no query)'].ttfbP50;
  console.log(
    `\nDashboard on ${result.label}, ${EVENTS} events (seeded in ${result.seedSeconds} s); target: every page < 1000 ms`,
  );
  console.log(
    `  ${'page'.padEnd(32)} ${'TTFB p50'.padStart(9)} ${'TTFB p95'.padStart(9)} ${'x login'.padStart(8)} ${'HTTP full p95'.padStart(14)} ${'browser load p95'.padStart(17)}`,
  );
  for (const [name, row] of Object.entries(result.http)) {
    const browser = result.browser?.[name];
    console.log(
      `  ${name.padEnd(32)} ${row.ttfbP50.toFixed(1).padStart(7)}ms ${row.ttfbP95.toFixed(1).padStart(7)}ms ${(row.ttfbP50 / baseline).toFixed(1).padStart(7)}x ${row.fullP95.toFixed(1).padStart(12)}ms ${browser === undefined ? '—'.padStart(17) : `${browser.toFixed(1).padStart(15)}ms`}`,
    );
  }
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'warden-dashboard-bench-'));
try {
  const dataDir = path.join(dir, 'sqlite');
  if (process.env.BENCH_SQLITE !== '0')
    report(
      await benchDatabase({
        label: 'sqlite',
        args: ['--data', dataDir],
        seed: () => seedSqlite(path.join(dataDir, 'warden.db')),
      }),
    );
  const database =
    process.env.BENCH_PG === '0' ? undefined : await createPgDatabase({ prefix: 'warden_dash_bench' });
  if (database) {
    try {
      report(
        await benchDatabase({
          label: 'postgres',
          args: ['--database', database.url],
          seed: () => seedPostgres(database.url),
        }),
      );
    } finally {
      await database.drop();
    }
  } else {
    console.log(
      '\npostgres: skipped (WARDEN_TEST_DATABASE_URL is not set, or BENCH_PG=0; run `bash scripts/services.sh` and `source scripts/env.sh`)',
    );
  }
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
