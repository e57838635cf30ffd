import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  createAgentWorkspace,
  installWardenForClaudeCode,
  resolveClaudeCodeBinary,
  runClaude,
  startScriptedAnthropicServer,
} from '@warden/test-utils';

const here = path.dirname(fileURLToPath(import.meta.url));
const bin = path.join(here, '..', 'dist', 'bin.cjs');
const claude = resolveClaudeCodeBinary({ resolveFrom: path.join(here, '..') });
const reps = Number(process.env.BENCH_REPS ?? 4);
const calls = 20;

async function prepare(variant) {
  const workspace = await createAgentWorkspace({ prefix: `warden-bench-${variant}-` });
  if (variant !== 'none') {
    const output = installWardenForClaudeCode({
      bin,
      workspace,
      claudePath: claude,
      args: ['--transport', variant === 'session' ? 'mcp' : 'command'],
    });
    const expected = variant === 'session' ? 'transport: mcp' : 'transport: command';
    if (!output.includes(expected))
      throw new Error(`install for ${variant} did not report "${expected}":\n${output}`);
  }
  return workspace;
}

async function session(workspace) {
  const script = Array.from({ length: calls }, () => ({
    toolUse: { name: 'Bash', input: { command: 'true' } },
  }));
  const server = await startScriptedAnthropicServer({ script });
  try {
    const started = performance.now();
    const result = await runClaude({
      prompt: 'run true twenty times',
      baseUrl: server.url,
      cwd: workspace.project,
      home: workspace.home,
      timeoutMs: 180_000,
    });
    const wall = performance.now() - started;
    const turns = server
      .messageRequests()
      .filter((request) => Array.isArray(request.body?.tools) && request.body.tools.length > 0);
    const results = server.toolResults();
    if (
      result.timedOut ||
      turns.length !== calls + 1 ||
      results.length !== calls ||
      results.some((r) => r.isError)
    )
      throw new Error(
        `a run did not complete its ${calls} calls (requests ${turns.length}, results ${results.length}, errors ${results.filter((r) => r.isError).length}, timed out ${result.timedOut})`,
      );
    const gaps = [];
    for (let index = 2; index < turns.length; index++)
      gaps.push(turns[index].receivedAt - turns[index - 1].receivedAt);
    return { gaps, wall };
  } finally {
    await server.close();
  }
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

const variants = ['none', 'session', 'command'];
const workspaces = Object.fromEntries(await Promise.all(variants.map(async (v) => [v, await prepare(v)])));
const samples = Object.fromEntries(variants.map((v) => [v, { gaps: [], walls: [] }]));
try {
  // One warm-up session each (first-run caches, code caches), not counted.
  for (const variant of variants) await session(workspaces[variant]);
  for (let rep = 0; rep < reps; rep++) {
    for (const variant of variants) {
      const { gaps, wall } = await session(workspaces[variant]);
      samples[variant].gaps.push(...gaps);
      samples[variant].walls.push(wall);
    }
  }
} finally {
  await Promise.all(Object.values(workspaces).map((workspace) => workspace.remove()));
}

const baseGap = median(samples.none.gaps);
const baseWall = samples.none.walls.reduce((a, b) => a + b, 0) / reps;
console.log(
  `Claude Code per-tool-call overhead (${reps} sessions x ${calls} calls per variant, median gap method; load average ${os
    .loadavg()
    .map((load) => load.toFixed(1))
    .join(' ')})`,
);
console.log(`  no hook:        gap ${baseGap.toFixed(1)} ms (baseline)`);
for (const variant of ['session', 'command']) {
  const gap = median(samples[variant].gaps);
  const wall = samples[variant].walls.reduce((a, b) => a + b, 0) / reps;
  const label = variant === 'session' ? 'session server' : 'command hooks ';
  console.log(
    `  ${label}:  gap ${gap.toFixed(1)} ms, +${(gap - baseGap).toFixed(1)} ms per call (Δwall/${calls}: +${((wall - baseWall) / calls).toFixed(1)} ms)`,
  );
}
const added = median(samples.session.gaps) - baseGap;
console.log(
  `  target: session server ≤ 20 ms added per call: ${added <= 20 ? 'met' : 'NOT met'} (+${added.toFixed(1)} ms)`,
);

// Warden's own share of it: the session server's decision path for one tool call (PreToolUse and
// PostToolUse, audit appends included), in-process, so that the rest is Claude Code's MCP round trip.
{
  const { createClaudeCodeSessionHandler } = await import('../dist/index.js');
  const { createTempDir } = await import('@warden/test-utils');
  const home = await createTempDir({ prefix: 'warden-bench-decide-' });
  const previousHome = process.env.HOME;
  process.env.HOME = home.path;
  try {
    const handler = createClaudeCodeSessionHandler({ deadlineMs: 10_000, log: () => {} });
    const signal = new AbortController().signal;
    const common = {
      session_id: 'bench',
      cwd: home.path,
      transcript_path: '/t.jsonl',
      permission_mode: 'bypassPermissions',
      tool_name: 'Bash',
      tool_input: JSON.stringify({ command: 'true', description: 'no-op' }),
      tool_use_id: 'toolu_bench',
    };
    const pre = { ...common, hook_event_name: 'PreToolUse' };
    const post = {
      ...common,
      hook_event_name: 'PostToolUse',
      tool_response: JSON.stringify({ stdout: '', stderr: '', interrupted: false, isImage: false }),
    };
    for (let index = 0; index < 30; index++) {
      await handler.handle(pre, { signal });
      await handler.handle(post, { signal });
    }
    const times = [];
    for (let index = 0; index < 200; index++) {
      const started = performance.now();
      await handler.handle(pre, { signal });
      await handler.handle(post, { signal });
      times.push(performance.now() - started);
    }
    console.log(
      `  of which Warden's decision path (PreToolUse + PostToolUse, audit included, in-process): median ${median(times).toFixed(2)} ms per tool call`,
    );
  } finally {
    process.env.HOME = previousHome;
    await home.remove();
  }
}
