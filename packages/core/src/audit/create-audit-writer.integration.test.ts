import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bash } from '../test-helpers.js';
import { createAuditWriter } from './create-audit-writer.js';
import { verifyAuditLog } from './verify-audit-log.js';
import { toAuditEntry } from './write-audit-record.js';

const dist = fileURLToPath(new URL('../../dist/index.js', import.meta.url));
const RECORDS = 150;

// Command hooks: separate processes appending one-shot records (writeAuditRecord, as every hook
// run does) to the same log while the long-lived writer of this process appends its own.
const child = `
const { writeAuditRecord, toAuditEntry } = await import(process.env.DIST_URL);
const decision = { effect: 'allow', policyEffect: 'allow', ruleId: 'default', reason: 'ok', mode: 'enforce', isDefault: true, actions: [], findings: [], trace: [] };
for (let index = 0; index < ${RECORDS}; index++) {
  const event = { id: 'hook-' + process.env.WORKER + '-' + index, agent: 'claude-code', hookEvent: 'PreToolUse', phase: 'tool_call', session: 'hook', cwd: '/tmp', timestamp: new Date().toISOString() };
  writeAuditRecord({ auditDir: process.env.AUDIT_DIR, entry: toAuditEntry({ event, decision }) });
}
`;

let root: string;
beforeAll(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'warden-writer-processes-'));
  writeFileSync(path.join(root, 'child.mjs'), child);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

function runHooks(auditDir: string, worker: string): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const process_ = spawn(process.execPath, [path.join(root, 'child.mjs')], {
      env: { ...process.env, DIST_URL: pathToFileURL(dist).href, AUDIT_DIR: auditDir, WORKER: worker },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    process_.once('error', reject);
    process_.once('exit', resolve);
  });
}

describe('createAuditWriter with command-hook processes', () => {
  it.each([
    ['taking the lock per append', 0],
    ['holding the lock across appends (5 ms leases)', 5],
  ])(
    'keeps one intact chain while hook processes append to the same log, %s',
    async (_, holdLockMs) => {
      const auditDir = path.join(root, `audit-${holdLockMs}`);
      const writer = createAuditWriter({ auditDir, maxFileBytes: 64 * 1024, holdLockMs });
      const hooks = [runHooks(auditDir, 'a'), runHooks(auditDir, 'b')];
      let running = true;
      void Promise.all(hooks).then(() => {
        running = false;
      });
      let own = 0;
      // Appends for as long as the hooks run (bounded), yielding so their exits are seen.
      for (let round = 0; (running || own < RECORDS) && round < 20_000; round++) {
        const event = { ...bash(`sdk ${own}`), id: `sdk-${own}` };
        writer.append(
          toAuditEntry({
            event,
            decision: {
              effect: 'allow',
              policyEffect: 'allow',
              ruleId: 'default',
              reason: 'ok',
              mode: 'enforce',
              isDefault: true,
              actions: [],
              findings: [],
              trace: [],
            },
          }),
        );
        own++;
        // Mostly back to back, as a busy SDK process: the event loop turns only now and then.
        if (own % 25 === 0) await new Promise((resolve) => setTimeout(resolve, 1));
      }
      writer.close();
      expect(await Promise.all(hooks)).toEqual([0, 0]);

      const verification = verifyAuditLog({ auditDir });
      expect(verification.problems).toEqual([]);
      expect(verification.records).toBe(own + 2 * RECORDS);
      const ids = readdirSync(auditDir)
        .filter((name) => name.endsWith('.jsonl'))
        .sort()
        .flatMap((name) =>
          readFileSync(path.join(auditDir, name), 'utf8')
            .split('\n')
            .filter(Boolean)
            .map((line) => (JSON.parse(line) as { id: string }).id),
        );
      expect(new Set(ids).size).toBe(ids.length);
      // The writers really took turns: records of this process sit between the hooks' records.
      const firstHook = ids.findIndex((id) => id.startsWith('hook-'));
      const lastHook = ids.findLastIndex((id) => id.startsWith('hook-'));
      expect(ids.slice(firstHook, lastHook).some((id) => id.startsWith('sdk-'))).toBe(true);
    },
    60_000,
  );
});
