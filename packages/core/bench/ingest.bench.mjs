// Ingestion benchmarks, against a Warden protocol server on loopback in its own process:
//  1. throughput: events per second queued into the spool, and sent from the spool to the server,
//     against the same batches POSTed straight to the server (baseline, same run);
//  2. what a hook pays for ingestion after it has its answer (`guard` result's delivery.elapsedMs),
//     each sample a fresh `node` process as a command hook is, median and p99, with the server
//     up and down, for background delivery (the default) and inline delivery. The baseline is the
//     same hook's whole `guard` call with no server configured.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const dist = pathToFileURL(path.join(here, '..', 'dist', 'index.js')).href;
const worker = path.join(here, '..', 'dist', 'flush-worker.js');
const core = await import(dist);
const EVENTS = Number(process.env.BENCH_EVENTS ?? 5000);
const HOOK_RUNS = Number(process.env.BENCH_RUNS ?? 40);
const root = mkdtempSync(path.join(os.tmpdir(), 'warden-ingest-bench-'));

// The server: stores each id once (a Map), answers health, gunzips bodies. Own process, so the
// client's numbers are not the server's.
const serverScript = `
const http = require('node:http'); const zlib = require('node:zlib');
const stored = new Map();
const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    res.setHeader('content-type', 'application/json');
    if (req.url === '/v1/health') return res.end(JSON.stringify({ v: 1, ok: true }));
    if (req.url === '/v1/stats') return res.end(JSON.stringify({ stored: stored.size }));
    let body = Buffer.concat(chunks);
    if (req.headers['content-encoding'] === 'gzip') body = zlib.gunzipSync(body);
    const events = JSON.parse(body.toString()).events;
    const accepted = [], duplicates = [];
    for (const e of events) (stored.has(e.id) ? duplicates : accepted).push(e.id), stored.set(e.id, true);
    res.end(JSON.stringify({ v: 1, accepted, duplicates }));
  });
});
server.keepAliveTimeout = 30000;
server.listen(0, '127.0.0.1', () => console.log(server.address().port));
`;

function startServer() {
  const child = spawn(process.execPath, ['-e', serverScript], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.stdout.once('data', (data) => resolve({ child, url: `http://127.0.0.1:${String(data).trim()}` }));
    child.once('exit', (code) => reject(new Error(`server exited ${code}`)));
  });
}

const sorted = (values) => [...values].sort((a, b) => a - b);
const median = (values) => sorted(values)[Math.floor(values.length / 2)];
const p99 = (values) => sorted(values)[Math.min(values.length - 1, Math.ceil(values.length * 0.99) - 1)];
const ms = (value) => `${value.toFixed(2)} ms`;

function wardenEvent(index) {
  return {
    id: core.createId(),
    ts: new Date().toISOString(),
    agent: 'claude-code',
    session: 'bench',
    hookEvent: 'PreToolUse',
    phase: 'tool_call',
    cwd: '/home/dev/project',
    tool: { name: 'Bash', input: { command: `npm test -- --grep case-${index} ${'x'.repeat(300)}` } },
    actions: [
      { kind: 'shell.exec', tool: 'Bash', resources: { command: `npm test -- --grep case-${index}` } },
    ],
    decision: {
      effect: 'allow',
      policyEffect: 'allow',
      ruleId: 'default',
      reason: 'No rule matched.',
      mode: 'enforce',
      findings: [],
    },
  };
}

const { child: serverProcess, url } = await startServer();
console.log(`ingestion bench (node ${process.version}, server on loopback in its own process)`);

// 1. Throughput.
{
  const home = path.join(root, 'throughput');
  const env = {
    HOME: home,
    WARDEN_HOME: path.join(home, '.warden'),
    WARDEN_SERVER_URL: url,
    WARDEN_TOKEN: 't',
    WARDEN_SPOOL_MIN_FREE_MB: '0',
  };
  const config = await core.loadConfig({ env });
  const events = Array.from({ length: EVENTS }, (_, index) => wardenEvent(index));

  let started = performance.now();
  for (const event of events) {
    core.enqueueEvent({
      spoolDir: config.ingest.spoolDir,
      event,
      limits: { maxEvents: 1e9, minFreeDiskBytes: 0 },
    });
  }
  const enqueueSeconds = (performance.now() - started) / 1000;

  started = performance.now();
  const report = await core.flushSpool({ server: config.server, ingest: config.ingest, budgetMs: 600_000 });
  const flushSeconds = (performance.now() - started) / 1000;
  if (report.sent !== EVENTS) throw new Error(`sent ${report.sent} of ${EVENTS}: ${JSON.stringify(report)}`);

  // Baseline: the same batches, the same client and connection, no spool.
  const backend = await core.createBackend({ server: config.server });
  const fresh = events.map((event) => ({ ...event, id: core.createId() }));
  started = performance.now();
  for (let offset = 0; offset < fresh.length; offset += config.ingest.batchSize) {
    await backend.sendBatch({
      events: fresh.slice(offset, offset + config.ingest.batchSize),
      signal: AbortSignal.timeout(30_000),
    });
  }
  const directSeconds = (performance.now() - started) / 1000;
  await backend.close();

  const rate = (seconds) => `${Math.round(EVENTS / seconds).toLocaleString('en')} events/s`;
  console.log(`  throughput (${EVENTS} events, batches of ${config.ingest.batchSize}, gzip, keep-alive)`);
  console.log(`    into the spool (hook side)        ${rate(enqueueSeconds)}`);
  console.log(`    spool -> server                   ${rate(flushSeconds)} (${report.requests} requests)`);
  console.log(`    direct POST, no spool (baseline)  ${rate(directSeconds)}`);
  console.log(
    `    sending from the spool vs direct  ${(directSeconds / flushSeconds).toFixed(2)}x of baseline throughput`,
  );
  console.log(
    `    queue + send vs direct            ${(directSeconds / (enqueueSeconds + flushSeconds)).toFixed(2)}x of baseline throughput`,
  );
}

// 2. What a hook pays, each sample a fresh process (as a command hook is).
const hookScript = `
const { guard, createId } = await import(${JSON.stringify(dist)});
const adapter = { specificationVersion: 'v1', id: 'claude-code', parse: (input) => ({ success: true, event: input }), render: ({ decision }) => decision.effect };
const event = { id: createId(), agent: 'claude-code', hookEvent: 'PreToolUse', phase: 'tool_call', session: 'bench', cwd: '/home/dev/project', timestamp: new Date().toISOString(), tool: { name: 'Bash', input: { command: 'npm test' } } };
const started = performance.now();
const result = await guard({ adapter, input: event, delivery: process.env.DELIVERY || undefined });
const total = performance.now() - started;
console.log(JSON.stringify({ total, ingestion: result.delivery?.elapsedMs ?? 0, sender: result.delivery?.sender ?? 'none' }));
`;

function hookRuns(env, runs) {
  const samples = [];
  for (let index = 0; index < runs; index++) {
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', hookScript], {
      env,
      encoding: 'utf8',
    });
    if (run.status !== 0) throw new Error(run.stderr);
    samples.push(JSON.parse(run.stdout));
  }
  return samples;
}

function summary(samples) {
  const ingestion = samples.map((sample) => sample.ingestion);
  const senders = {};
  for (const sample of samples) senders[sample.sender] = (senders[sample.sender] ?? 0) + 1;
  return { median: median(ingestion), p99: p99(ingestion), senders };
}

{
  const scenario = (name, extra) => {
    const home = path.join(root, name.replace(/\W+/g, '-'));
    return {
      PATH: process.env.PATH,
      HOME: home,
      WARDEN_HOME: path.join(home, '.warden'),
      WARDEN_SPOOL_MIN_FREE_MB: '0',
      WARDEN_FLUSH_WORKER: worker,
      ...extra,
    };
  };
  const baseline = hookRuns(scenario('no server', {}), HOOK_RUNS);
  const baselineMedian = median(baseline.map((sample) => sample.total));
  console.log(`  a hook's time on ingestion, after its answer (${HOOK_RUNS} fresh processes each)`);
  console.log(
    `    baseline: whole guard() with no server: median ${ms(baselineMedian)}; ingestion 0 (not loaded)`,
  );

  const down = 'http://127.0.0.1:9'; // discard port: nothing listens, connections are refused
  const cases = [
    ['background, server up', { WARDEN_SERVER_URL: url, WARDEN_TOKEN: 't' }],
    ['background, server down', { WARDEN_SERVER_URL: down, WARDEN_TOKEN: 't' }],
    ['inline, server up', { WARDEN_SERVER_URL: url, WARDEN_TOKEN: 't', DELIVERY: 'inline' }],
    ['inline, server down', { WARDEN_SERVER_URL: down, WARDEN_TOKEN: 't', DELIVERY: 'inline' }],
  ];
  for (const [name, extra] of cases) {
    const result = summary(hookRuns(scenario(name, extra), HOOK_RUNS));
    const senders = Object.entries(result.senders)
      .map(([sender, count]) => `${sender} ${count}`)
      .join(', ');
    console.log(
      `    ${name.padEnd(24)} median ${ms(result.median)} | p99 ${ms(result.p99)} | ${((result.median / baselineMedian) * 100).toFixed(1)}% of baseline (${senders})`,
    );
  }
}

// Background senders linger a few seconds; let them go before removing their home.
await new Promise((resolve) => setTimeout(resolve, 3500));
serverProcess.kill();
rmSync(root, { recursive: true, force: true });
