// What the org policy costs a command hook: each sample a fresh `node` process running the
// Claude Code adapter's bundled hook (`packages/claude-code/dist/bin.cjs hook`) on the same
// PreToolUse input, median and p90, for:
//   - no server configured (the baseline, same run);
//   - a server configured, no org policy copy (client facts and the policy hash only);
//   - a cached org policy of 20 rules (read, validated, compiled, decided);
//   - a cached suspension (read, no policy to compile).
// No network is involved in any of them: the hook only reads $WARDEN_HOME/org-policy.json.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const bin = path.join(here, '..', '..', 'claude-code', 'dist', 'bin.cjs');
const RUNS = Number(process.env.BENCH_RUNS ?? 40);
if (!existsSync(bin)) {
  console.log(`org-policy bench skipped: build @warden/claude-code first (${bin} is missing)`);
  process.exit(0);
}

const SERVER = 'http://127.0.0.1:9';
const input = JSON.stringify({
  session_id: 'bench',
  transcript_path: '/tmp/bench.jsonl',
  cwd: os.tmpdir(),
  hook_event_name: 'PreToolUse',
  tool_name: 'Bash',
  tool_input: { command: 'git status && ls -la' },
  tool_use_id: 'toolu_bench',
});
const rules = Array.from({ length: 20 }, (_, index) => ({
  id: `org-rule-${index}`,
  effect: index % 2 ? 'ask' : 'deny',
  actions: ['shell.exec'],
  when: { programs: [`tool-${index}`] },
  reason: `Rule ${index}.`,
}));

const root = mkdtempSync(path.join(os.tmpdir(), 'warden-org-bench-'));
function setup(name, cache) {
  const home = path.join(root, name);
  mkdirSync(path.join(home, '.warden'), { recursive: true });
  const env = { PATH: process.env.PATH, HOME: home };
  if (name !== 'no server') {
    // Ingest off: this measures the decision, not the spool (ingest.bench.mjs does that).
    Object.assign(env, { WARDEN_SERVER_URL: SERVER, WARDEN_TOKEN: 'bench', WARDEN_INGEST: 'off' });
  }
  if (cache) {
    const file = {
      v: 1,
      etag: '"bench"',
      policy: null,
      suspended: null,
      fetchedAt: new Date().toISOString(),
      serverUrl: SERVER,
      ...cache,
    };
    writeFileSync(path.join(home, '.warden', 'org-policy.json'), JSON.stringify(file));
  }
  return env;
}
const cases = [
  ['no server', setup('no server')],
  ['server, no org policy', setup('server')],
  ['org policy, 20 rules', setup('org', { policy: { rules } })],
  [
    'suspended',
    setup('suspended', { suspended: { scope: 'device', reason: 'bench', since: new Date().toISOString() } }),
  ],
];

const run = (env) => {
  const started = performance.now();
  const result = spawnSync(process.execPath, [bin, 'hook'], { input, env, encoding: 'utf8' });
  if (result.status !== 0 && result.status !== 2) throw new Error(`hook failed: ${result.stderr}`);
  return performance.now() - started;
};
const quantile = (values, q) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * q))];

// Warm the code caches, then interleave the cases so machine load hits them alike.
for (const [, env] of cases) for (let index = 0; index < 3; index++) run(env);
const samples = cases.map(() => []);
for (let round = 0; round < RUNS; round++) {
  for (const [index, [, env]] of cases.entries()) samples[index].push(run(env));
}
const baseline = quantile(samples[0], 0.5);
console.log(`org policy: command hook wall time, ${RUNS} fresh processes each`);
cases.forEach(([name], index) => {
  const median = quantile(samples[index], 0.5);
  console.log(
    `  ${name.padEnd(24)} median ${median.toFixed(1)} ms  p90 ${quantile(samples[index], 0.9).toFixed(1)} ms  ×${(median / baseline).toFixed(2)} of no server`,
  );
});
rmSync(root, { recursive: true, force: true });
