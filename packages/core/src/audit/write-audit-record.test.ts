import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { failureDecision } from '../decide.js';
import type { Decision } from '../decision.js';
import { bash } from '../test-helpers.js';
import { readHead } from './audit-files.js';
import { type AuditEntry, auditRecordSchema, GENESIS_HASH } from './audit-record.js';
import { sha256Hex } from './sha256.js';
import { verifyAuditLog } from './verify-audit-log.js';
import { toAuditEntry, writeAuditRecord } from './write-audit-record.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'warden-audit-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const allow: Decision = {
  effect: 'allow',
  policyEffect: 'allow',
  ruleId: 'default',
  reason: 'No rule matched.',
  mode: 'enforce',
  isDefault: true,
  actions: [{ kind: 'shell.exec', tool: 'Bash', resources: { command: 'npm test' } }],
  findings: [],
  trace: [],
};

function entry(command = 'npm test'): AuditEntry {
  const event = bash(command);
  return toAuditEntry({
    event,
    decision: { ...allow, actions: [{ kind: 'shell.exec', tool: 'Bash', resources: { command } }] },
  });
}

function lines(file: string): string[] {
  return readFileSync(file, 'utf8').trimEnd().split('\n');
}

describe('writeAuditRecord', () => {
  it('chains each record to the one before it, from the genesis hash, and keeps the head current', () => {
    const first = writeAuditRecord({ auditDir: dir, entry: entry('ls') });
    const second = writeAuditRecord({ auditDir: dir, entry: entry('pwd') });
    expect(first.file).toBe(second.file);
    const [line1, line2] = lines(first.file);
    const record1 = auditRecordSchema.parse(JSON.parse(line1!));
    const record2 = auditRecordSchema.parse(JSON.parse(line2!));
    expect(record1.seq).toBe(1);
    expect(record1.prev).toBe(GENESIS_HASH);
    expect(record2.seq).toBe(2);
    expect(record2.prev).toBe(sha256Hex(line1!));
    expect(second.hash).toBe(sha256Hex(line2!));
    expect(readHead(dir)).toEqual({ seq: 2, hash: sha256Hex(line2!), file: path.basename(second.file) });
  });

  it('stores secrets redacted and long texts cut, and the failure that decided', () => {
    const key = 'AKIAABCDEFGHIJKLMNOP';
    const decision = failureDecision({ error: new Error('remote timed out'), failure: 'closed' });
    const anchor = writeAuditRecord({
      auditDir: dir,
      entry: toAuditEntry({
        event: bash(`aws s3 ls --key ${key}`),
        decision: {
          ...decision,
          actions: [{ kind: 'shell.exec', resources: { command: `echo ${key}`, text: 'x'.repeat(10_000) } }],
        },
      }),
    });
    const text = readFileSync(anchor.file, 'utf8');
    expect(text).not.toContain(key);
    expect(text).toContain('[REDACTED:secret.aws_access_key]');
    expect(text).toContain('more characters]');
    expect(JSON.parse(text).failure).toEqual({ policy: 'closed', error: 'remote timed out' });
  });

  it('rotates to a new segment at the size limit, and the chain runs on across files', () => {
    for (let index = 0; index < 12; index++)
      writeAuditRecord({ auditDir: dir, entry: entry(`echo ${index}`), maxFileBytes: 2000 });
    const segments = readdirSync(dir)
      .filter((name) => name.endsWith('.jsonl'))
      .sort();
    expect(segments.length).toBeGreaterThan(2);
    expect(segments[0]).toBe('audit-000000000001.jsonl');
    const firstOfSecond = auditRecordSchema.parse(JSON.parse(lines(path.join(dir, segments[1]!))[0]!));
    const lastOfFirst = lines(path.join(dir, segments[0]!)).at(-1)!;
    expect(firstOfSecond.prev).toBe(sha256Hex(lastOfFirst));
    expect(segments[1]).toBe(`audit-${String(firstOfSecond.seq).padStart(12, '0')}.jsonl`);
    const verification = verifyAuditLog({ auditDir: dir });
    expect(verification).toMatchObject({ ok: true, records: 12, lastSeq: 12 });
  });

  it('creates the directory private and the files readable by the owner only', () => {
    const nested = path.join(dir, 'home', 'audit');
    const anchor = writeAuditRecord({ auditDir: nested, entry: entry() });
    expect(statSync(nested).mode & 0o777).toBe(0o700);
    expect(statSync(anchor.file).mode & 0o777).toBe(0o600);
    expect(statSync(path.join(nested, 'head')).mode & 0o777).toBe(0o600);
  });

  it('closes off a torn last line instead of gluing the next record to it, and verify points at it', () => {
    const anchor = writeAuditRecord({ auditDir: dir, entry: entry() });
    writeFileSync(anchor.file, `${readFileSync(anchor.file, 'utf8')}{"v":2,"seq":2,"prev":"ab`, {
      flag: 'w',
    });
    writeAuditRecord({ auditDir: dir, entry: entry('ls') });
    const all = lines(anchor.file);
    expect(all).toHaveLength(3);
    expect(() => JSON.parse(all[2]!)).not.toThrow();
    expect(verifyAuditLog({ auditDir: dir }).problem).toMatchObject({ kind: 'unreadable', line: 2 });
  });

  it('takes over a lock left behind by a process that no longer exists', () => {
    writeFileSync(path.join(dir, '.lock'), `999999999 ${os.hostname().replace(/\s+/g, '-')} stale`);
    const anchor = writeAuditRecord({ auditDir: dir, entry: entry(), lockWaitMs: 1000 });
    expect(anchor.seq).toBe(1);
    expect(readdirSync(dir)).not.toContain('.lock');
  });

  it('gives up, with a message naming the holder, when a live process holds the lock too long', () => {
    writeFileSync(path.join(dir, '.lock'), `${process.pid} ${os.hostname().replace(/\s+/g, '-')} busy`);
    expect(() => writeAuditRecord({ auditDir: dir, entry: entry(), lockWaitMs: 50 })).toThrow(/held by pid/);
  });
});
