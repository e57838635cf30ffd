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

  it('fails on a deleted head, which would otherwise hide records cut from the end', () => {
    unlinkSync(path.join(dir, 'head'));
    rewrite((lines) => lines.slice(0, 4));
    const result = verifyAuditLog({ auditDir: dir });
    expect(result.ok).toBe(false);
    expect(result.exitCode).toBe(1);
    expect(result.head.status).toBe('missing');
    expect(result.problems).toEqual([expect.objectContaining({ kind: 'head', line: 0 })]);
    expect(readdirSync(dir)).toContain('audit-000000000001.jsonl');
  });

  it('fails on a garbled head', () => {
    writeFileSync(path.join(dir, 'head'), '{"seq": "x", garbage');
    const result = verifyAuditLog({ auditDir: dir });
    expect(result.head.status).toBe('garbled');
    expect(result.problems.map((problem) => problem.kind)).toEqual(['head']);
    expect(result.exitCode).toBe(1);
  });

  it('fails on a head replaced by an older one (records added after it)', () => {
    const head = readFileSync(path.join(dir, 'head'), 'utf8');
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
    rewrite((lines) => [...lines, lines.at(-1)!.replace('"seq":7', '"seq":8')]);
    writeFileSync(path.join(dir, 'head'), head);
    const result = verifyAuditLog({ auditDir: dir });
    expect(result.head.status).toBe('mismatch');
    expect(result.ok).toBe(false);
  });

  it('reports every broken place, not only the first', () => {
    rewrite((lines) =>
      lines.map((line, index) =>
        index === 1
          ? line.replace('echo 2', 'echo X')
          : index === 4
            ? line.replace('echo 5', 'echo Y')
            : line,
      ),
    );
    const result = verifyAuditLog({ auditDir: dir });
    expect(result.problems.map((problem) => [problem.kind, problem.line])).toEqual([
      ['edited', 3],
      ['edited', 6],
    ]);
    expect(result.problem).toEqual(result.problems[0]);
    expect(result.records).toBe(6);
  });

  it('goes on checking past an unreadable line and a removed one', () => {
    rewrite((lines) => [lines[0]!, 'not json', lines[2]!, lines[4]!, lines[5]!]);
    const result = verifyAuditLog({ auditDir: dir });
    expect(result.problems.map((problem) => [problem.kind, problem.line])).toEqual([
      ['unreadable', 2],
      ['missing', 4],
    ]);
  });

  it('accepts a log whose head lags by the one record a crash can leave', () => {
    const head = readFileSync(path.join(dir, 'head'), 'utf8');
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
    writeFileSync(path.join(dir, 'head'), head);
    const result = verifyAuditLog({ auditDir: dir });
    expect(result.ok).toBe(true);
    expect(result.notes.join(' ')).toMatch(/behind/);
  });
});
