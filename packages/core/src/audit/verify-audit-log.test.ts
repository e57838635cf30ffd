import { mkdtempSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bash } from '../test-helpers.js';
import { verifyAuditLog } from './verify-audit-log.js';
import { toAuditEntry, writeAuditRecord } from './write-audit-record.js';

let dir: string;
let file: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'warden-verify-'));
  for (let index = 1; index <= 6; index++) {
    file = writeAuditRecord({
      auditDir: dir,
      entry: toAuditEntry({
        event: bash(`echo ${index}`),
        decision: {
          effect: 'allow',
          policyEffect: 'allow',
          ruleId: 'default',
          reason: 'No rule matched.',
          mode: 'enforce',
          isDefault: true,
          actions: [{ kind: 'shell.exec', resources: { command: `echo ${index}` } }],
          findings: [],
          trace: [],
        },
      }),
    }).file;
  }
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function rewrite(change: (lines: string[]) => string[]): void {
  const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
  writeFileSync(file, `${change(lines).join('\n')}\n`);
}

describe('verifyAuditLog', () => {
  it('accepts an intact log', () => {
    expect(verifyAuditLog({ auditDir: dir })).toMatchObject({ ok: true, records: 6, lastSeq: 6 });
  });

  it('detects an edited line, at the line after it', () => {
    rewrite((lines) => lines.map((line, index) => (index === 2 ? line.replace('echo 3', 'echo 9') : line)));
    const result = verifyAuditLog({ auditDir: dir });
    expect(result.ok).toBe(false);
    expect(result.problem).toMatchObject({ kind: 'edited', line: 4, seq: 4, file });
  });

  it('detects an edited last line through the head', () => {
    rewrite((lines) => lines.map((line, index) => (index === 5 ? line.replace('echo 6', 'echo 0') : line)));
    expect(verifyAuditLog({ auditDir: dir }).problem).toMatchObject({ kind: 'truncated', line: 6, seq: 6 });
  });

  it('detects a removed line', () => {
    rewrite((lines) => lines.filter((_, index) => index !== 3));
    expect(verifyAuditLog({ auditDir: dir }).problem).toMatchObject({ kind: 'missing', line: 4, seq: 5 });
  });

  it('detects reordered lines', () => {
    rewrite((lines) => [lines[0]!, lines[2]!, lines[1]!, ...lines.slice(3)]);
    expect(verifyAuditLog({ auditDir: dir }).problem).toMatchObject({ kind: 'reordered', line: 2, seq: 3 });
    rewrite((lines) => [lines[0]!, lines[2]!, lines[1]!, ...lines.slice(3)]);
    rewrite((lines) => [...lines.slice(0, 4), lines[5]!, lines[4]!]);
    expect(verifyAuditLog({ auditDir: dir }).problem).toMatchObject({ kind: 'reordered', line: 5, seq: 6 });
    rewrite((lines) => [...lines.slice(0, 4), lines[5]!, lines[4]!]);
    // A line moved back below a later one: seq goes backwards.
    rewrite((lines) => [lines[0]!, lines[1]!, lines[2]!, lines[3]!, lines[1]!, lines[4]!, lines[5]!]);
    expect(verifyAuditLog({ auditDir: dir }).problem).toMatchObject({ kind: 'reordered', line: 5, seq: 2 });
  });

  it('detects lines cut from the end, and a new record written after the cut', () => {
    rewrite((lines) => lines.slice(0, 4));
    expect(verifyAuditLog({ auditDir: dir }).problem).toMatchObject({ kind: 'truncated', seq: 6 });
    // The next writer does not reuse the numbers: the gap stays visible.
    writeAuditRecord({
      auditDir: dir,
      entry: toAuditEntry({
        event: bash('ls'),
        decision: {
          effect: 'allow',
          policyEffect: 'allow',
          ruleId: 'default',
          reason: '',
          mode: 'enforce',
          isDefault: true,
          actions: [],
          findings: [],
          trace: [],
        },
      }),
    });
    expect(verifyAuditLog({ auditDir: dir }).problem).toMatchObject({ kind: 'missing', line: 5, seq: 7 });
  });

  it('detects a removed first segment and a changed genesis', () => {
    rewrite((lines) => lines.slice(2));
    expect(verifyAuditLog({ auditDir: dir }).problem).toMatchObject({ kind: 'missing', line: 1, seq: 3 });
  });

  it('reports a line that is not JSON', () => {
    rewrite((lines) => lines.map((line, index) => (index === 1 ? line.slice(0, 40) : line)));
    expect(verifyAuditLog({ auditDir: dir }).problem).toMatchObject({ kind: 'unreadable', line: 2 });
  });

  it('notes a missing head instead of failing, since old logs may not have one', () => {
    unlinkSync(path.join(dir, 'head'));
    const result = verifyAuditLog({ auditDir: dir });
    expect(result.ok).toBe(true);
    expect(result.notes.join(' ')).toMatch(/no head file/);
    expect(readdirSync(dir)).toContain('audit-000000000001.jsonl');
  });
});
