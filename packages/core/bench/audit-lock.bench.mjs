// 50 hooks at once: how much of a hook's time under contention is waiting on the audit lock,
// against the same hook run alone (baseline measured in the same run). Each "hook" is a process
// that loads @warden/core, waits at a gate so all start together, then runs one full `guard`
// (config, decision, audit append) and reports its timings.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = fileURLToPath(new URL('../dist/index.js', import.meta.url));
if (!existsSync(dist)) throw new Error(`build @warden/core first: ${dist} is missing`);
const HOOKS = Number(process.env.BENCH_HOOKS ?? 50);

const child = `
import { existsSync } from 'node:fs';
const { guard, createId } = await import(process.env.DIST_URL);
const adapter = {
  specificationVersion: 'v1', id: 'claude-code',
  parse: (input) => ({ success: true, event: input }),
  render: ({ decision }) => decision.effect,
};
for (let spins = 0; !existsSync(process.env.GATE) && spins < 60000; spins++) await new Promise((r) => setTimeout(r, 1));
const started = performance.now();
const result = await guard({ adapter, input: {
  id: createId(), agent: 'claude-code', hookEvent: 'PreToolUse', phase: 'tool_call', session: 's', cwd: '/tmp',
  timestamp: new Date().toISOString(), tool: { name: 'Bash', input: { command: 'git status && ls -la src' } },
} });
process.stdout.write(JSON.stringify({ totalMs: performance.now() - started, ...result.auditTiming }));
`;

const quantile = (values, q) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))];
};

async function round(count) {
  const home = mkdtempSync(path.join(os.tmpdir(), 'warden-lock-bench-'));
  mkdirSync(path.join(home, '.warden'), { recursive: true, mode: 0o700 });
  const gate = path.join(home, 'go');
  const env = {
    ...process.env,
    HOME: home,
    WARDEN_HOME: path.join(home, '.warden'),
    GATE: gate,
    DIST_URL: new URL(`file://${dist}`).href,
  };
  const runs = Array.from({ length: count }, () => {
    const proc = spawn(process.execPath, ['--input-type=module', '-e', child], {
      env,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    proc.stdout.on('data', (chunk) => {
      out += chunk;
    });
    return new Promise((resolve) => proc.on('close', () => resolve(out)));
  });
  // Give every process time to load before opening the gate, so the append is what contends.
  await new Promise((resolve) => setTimeout(resolve, 1500 + count * 60));
  writeFileSync(gate, '');
  const results = (await Promise.all(runs)).map((text) => JSON.parse(text));
  rmSync(home, { recursive: true, force: true });
  return results;
}

const describe = (label, results) => {
  const field = (name) => results.map((result) => result[name] ?? 0);
  const total = field('totalMs');
  const wait = field('lockWaitMs');
  const held = field('lockHeldMs');
  console.log(
    `  ${label.padEnd(16)} hook p50 ${quantile(total, 0.5).toFixed(1)} ms, p95 ${quantile(total, 0.95).toFixed(1)} ms | ` +
      `lock wait p50 ${quantile(wait, 0.5).toFixed(1)} ms, p95 ${quantile(wait, 0.95).toFixed(1)} ms | ` +
      `lock held p50 ${quantile(held, 0.5).toFixed(2)} ms | wait share of total ${((100 * wait.reduce((a, b) => a + b, 0)) / total.reduce((a, b) => a + b, 0)).toFixed(0)}%`,
  );
  return quantile(total, 0.5);
};

console.log(
  `audit lock under ${HOOKS} concurrent hooks (node ${process.version}, ${os.cpus().length} cores)`,
);
const alone = describe('1 hook alone', await round(1));
const together = describe(`${HOOKS} at once`, await round(HOOKS));
console.log(`  median hook under contention / alone: ${(together / alone).toFixed(2)}x`);
