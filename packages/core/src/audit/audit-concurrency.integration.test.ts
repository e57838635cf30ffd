import { spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditLog } from './verify-audit-log.js';

const dist = fileURLToPath(new URL('../../dist/index.js', import.meta.url));
const PROCESSES = 60;
const RECORDS_EACH = 20;

// One hook process: waits at the start gate (so all of them write at the same moment), then
// runs `guard` RECORDS_EACH times, exactly as a command hook would, each time a full decision.
const child = `
import { existsSync } from 'node:fs';
const { guard, createId } = await import(process.env.DIST_URL);
const adapter = {
  specificationVersion: 'v1', id: 'claude-code',
  parse: (input) => ({ success: true, event: input }),
  render: ({ decision }) => decision.effect,
};
for (let spins = 0; !existsSync(process.env.GATE) && spins < 20000; spins++) await new Promise((r) => setTimeout(r, 1));
const worker = process.env.WORKER;
for (let index = 0; index < ${RECORDS_EACH}; index++) {
  const event = {
    id: worker + '-' + index + '-' + createId(), agent: 'claude-code', hookEvent: 'PreToolUse', phase: 'tool_call',
    session: 's-' + worker, cwd: '/tmp', timestamp: new Date().toISOString(),
    tool: { name: 'Bash', input: { command: 'echo ' + 'x'.repeat(index * 7) + ' ' + worker } },
  };
  const result = await guard({ adapter, input: event });
  if (result.warnings.length) { console.error(result.warnings.join('\\n')); process.exit(3); }
}
`;

let home: string;

beforeAll(() => {
  if (!existsSync(dist)) throw new Error(`build @warden/core first: ${dist} is missing`);
  home = mkdtempSync(path.join(os.tmpdir(), 'warden-concurrency-'));
  mkdirSync(path.join(home, '.warden'), { recursive: true });
  // Small segments, so that rotation also happens under contention.
  writeFileSync(path.join(home, '.warden', 'config.yaml'), 'audit:\n  maxFileMb: 0.1\n');
});
afterAll(() => rmSync(home, { recursive: true, force: true }));

describe('the audit log under many concurrent hook processes', () => {
  it(`keeps every record of ${PROCESSES} processes writing at once, whole, in one unbroken chain`, async () => {
    const gate = path.join(home, 'go');
    const env = {
      ...process.env,
      HOME: home,
      WARDEN_HOME: path.join(home, '.warden'),
      DIST_URL: new URL(`file://${dist}`).href,
      GATE: gate,
    };
    const exits = Array.from({ length: PROCESSES }, (_, index) => {
      const process_ = spawn(process.execPath, ['--input-type=module', '-e', child], {
        env: { ...env, WORKER: `w${index}` },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let stderr = '';
      process_.stderr.on('data', (chunk) => {
        stderr += chunk;
      });
      return new Promise<{ code: number | null; stderr: string }>((resolve) =>
        process_.on('close', (code) => resolve({ code, stderr })),
      );
    });
    writeFileSync(gate, '');
    const results = await Promise.all(exits);
    expect(results.filter((result) => result.code !== 0)).toEqual([]);

    const auditDir = path.join(home, '.warden', 'audit');
    const verification = verifyAuditLog({ auditDir });
    expect(verification.problem).toBeUndefined();
    expect(verification.ok).toBe(true);
    expect(verification.records).toBe(PROCESSES * RECORDS_EACH);
    expect(verification.files.length).toBeGreaterThan(1);

    // Every line whole, every event there exactly once, each process's records in its own order.
    const ids: string[] = [];
    for (const file of readdirSync(auditDir)
      .filter((name) => name.endsWith('.jsonl'))
      .sort()) {
      for (const line of readFileSync(path.join(auditDir, file), 'utf8').trimEnd().split('\n')) {
        ids.push((JSON.parse(line) as { id: string }).id);
      }
    }
    expect(new Set(ids).size).toBe(PROCESSES * RECORDS_EACH);
    for (let worker = 0; worker < PROCESSES; worker++) {
      const mine = ids.filter((id) => id.startsWith(`w${worker}-`)).map((id) => Number(id.split('-')[1]));
      expect(mine).toEqual(Array.from({ length: RECORDS_EACH }, (_, index) => index));
    }
    expect(readdirSync(auditDir)).not.toContain('.lock');
  }, 120_000);
});
