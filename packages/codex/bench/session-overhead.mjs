// Per-tool-call overhead inside the real Codex CLI (0.169.0, `codex exec`) of Warden's two
// transports against no hook, measured in the same run (method: session-hooks.md §11):
// one headless session per run, 20 scripted no-op shell calls (`true`), 21 model requests;
// variants round-robin per repetition:
//   none     no Warden;
//   mcp      `warden-codex install --transport mcp` (SessionStart, UserPromptSubmit, PreToolUse,
//            PostToolUse and Stop answered by the session server);
//   command  `warden-codex install` (every event a command hook).
// Metric: the pooled median gap between consecutive model requests (first gap skipped) minus
// no-hook's, and the median paired wall-time difference / 20. Both installs put two hooks on every
// tool call (PreToolUse and PostToolUse). Every run is checked: 21 requests, 20 tool outputs and,
// with Warden, 20 PreToolUse decisions in the audit log.
//
// BENCH_REPS (default 4) repetitions. Needs `pnpm --filter @warden/codex build` first.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import {
  codexTurns,
  runCodex,
  startScriptedResponsesServer,
  trustCodexHooks,
  writeCodexConfig,
} from '@warden/test-utils';
import { status } from '../dist/index.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const bin = path.join(here, '..', 'dist', 'bin.cjs');
const codexBin = path.join(here, '..', 'node_modules', '.bin', 'codex');
const reps = Number(process.env.BENCH_REPS ?? 4);
const CALLS = 20;
const variants = ['none', 'mcp', 'command'];

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

function install(variant, home, codexHome) {
  const args = ['install', '--codex', codexBin, ...(variant === 'mcp' ? ['--transport', 'mcp'] : [])];
  const result = spawnSync(process.execPath, [bin, ...args], {
    env: { PATH: process.env.PATH, HOME: home, CODEX_HOME: codexHome },
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`install failed: ${result.stderr}`);
  const { trust } = status({ env: { HOME: home, CODEX_HOME: codexHome }, detection: {} });
  trustCodexHooks({ codexHome, trust });
}

async function session(variant) {
  const root = mkdtempSync(path.join(os.tmpdir(), 'warden-codex-overhead-'));
  const home = path.join(root, 'home');
  const project = path.join(root, 'project');
  const codexHome = path.join(home, '.codex');
  mkdirSync(codexHome, { recursive: true });
  mkdirSync(project, { recursive: true });
  const script = Array.from({ length: CALLS }, () => codexTurns.execCommand('true'));
  const server = await startScriptedResponsesServer({ script, finalText: 'done' });
  try {
    writeCodexConfig({ codexHome, baseUrl: server.baseUrl });
    if (variant !== 'none') install(variant, home, codexHome);
    const started = performance.now();
    const result = await runCodex({
      codexPath: codexBin,
      prompt: 'go',
      cwd: project,
      home,
      codexHome,
      timeoutMs: 120_000,
    });
    const wall = performance.now() - started;
    const arrivals = server.responseRequests().map((request) => request.receivedAt);
    if (result.exitCode !== 0 || result.timedOut)
      throw new Error(`${variant}: codex failed: ${result.stderr.slice(-500)}`);
    if (arrivals.length !== CALLS + 1)
      throw new Error(`${variant}: ${arrivals.length} model requests, expected ${CALLS + 1}`);
    if (server.toolOutputs().length !== CALLS)
      throw new Error(`${variant}: ${server.toolOutputs().length} tool outputs`);
    if (variant !== 'none') {
      const auditDir = path.join(home, '.warden', 'audit');
      const text = existsSync(auditDir)
        ? spawnSync('sh', ['-c', `cat "${auditDir}"/*.jsonl 2>/dev/null`], { encoding: 'utf8' }).stdout
        : '';
      const decisions = text.split('\n').filter((line) => line.includes('"hookEvent":"PreToolUse"')).length;
      if (decisions !== CALLS)
        throw new Error(`${variant}: ${decisions} PreToolUse decisions audited, expected ${CALLS}`);
    }
    const gaps = arrivals
      .slice(1)
      .map((time, index) => time - arrivals[index])
      .slice(1);
    return { wall, gaps };
  } finally {
    await server.close();
    rmSync(root, { recursive: true, force: true });
  }
}

const results = Object.fromEntries(variants.map((variant) => [variant, { walls: [], gaps: [] }]));
for (let rep = 0; rep < reps; rep++) {
  for (const variant of variants) {
    const { wall, gaps } = await session(variant);
    results[variant].walls.push(wall);
    results[variant].gaps.push(...gaps);
  }
  process.stderr.write(`  repetition ${rep + 1}/${reps} done\n`);
}

const baseGap = median(results.none.gaps);
const signed = (value) => `${value >= 0 ? '+' : ''}${value.toFixed(1)}`;
console.log(
  `Per-tool-call overhead inside Codex 0.169.0, ${reps} repetitions x ${CALLS} calls (load average ${os.loadavg()[0].toFixed(1)})`,
);
console.log(`  no hook: median gap between model requests ${baseGap.toFixed(1)} ms`);
const overhead = {};
for (const variant of ['mcp', 'command']) {
  overhead[variant] = median(results[variant].gaps) - baseGap;
  const paired = median(
    results[variant].walls.map((wall, index) => (wall - results.none.walls[index]) / CALLS),
  );
  const perSession = results[variant].walls.map((wall) => (wall / 1000).toFixed(1)).join(', ');
  console.log(
    `  ${variant === 'mcp' ? '--transport mcp    ' : '--transport command'}: ${signed(overhead[variant])} ms per tool call (paired wall delta / ${CALLS}: ${signed(paired)} ms; sessions ${perSession} s)`,
  );
}
console.log(`  no hook sessions: ${results.none.walls.map((wall) => (wall / 1000).toFixed(1)).join(', ')} s`);
console.log(
  overhead.mcp >= 1
    ? `  command-hook overhead / session-server overhead: ${(overhead.command / overhead.mcp).toFixed(1)}x`
    : `  session-server overhead is below this run's noise (< 1 ms per call); command hooks: ${signed(overhead.command)} ms`,
);
