import {
  appendFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Decision } from '../decision.js';
import { bash } from '../test-helpers.js';
import { readHead } from './audit-files.js';
import type { AuditEntry } from './audit-record.js';
import { createAuditWriter } from './create-audit-writer.js';
import { waitingMarker } from './lock-file.js';
import { sha256Hex } from './sha256.js';
import { verifyAuditLog } from './verify-audit-log.js';
import { toAuditEntry, writeAuditRecord } from './write-audit-record.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'warden-audit-writer-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const allow: Decision = {
  effect: 'allow',
  policyEffect: 'allow',
  ruleId: 'default',
  reason: 'No rule matched.',
  mode: 'enforce',
  isDefault: true,
  actions: [],
  findings: [],
  trace: [],
};

function entry(command: string): AuditEntry {
  return toAuditEntry({
    event: bash(command),
    decision: { ...allow, actions: [{ kind: 'shell.exec', tool: 'Bash', resources: { command } }] },
  });
}

/** Every record's command, in log order, across segments. */
function commands(): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.jsonl'))
    .sort()
    .flatMap((name) =>
      readFileSync(path.join(dir, name), 'utf8')
        .split('\n')
        .filter(Boolean)
        .map(
          (line) =>
            (JSON.parse(line) as { actions: { resources: { command: string } }[] }).actions[0]!.resources
              .command,
        ),
    );
}

function expectIntactChain(records: number) {
  const verification = verifyAuditLog({ auditDir: dir });
  expect(verification.problems).toEqual([]);
  expect(verification.ok).toBe(true);
  expect(verification.records).toBe(records);
  expect(verification.lastSeq).toBe(records);
  expect(readHead(dir)?.seq).toBe(records);
}

describe('createAuditWriter', () => {
  it('appends a chained record per call and keeps the head current', () => {
    const writer = createAuditWriter({ auditDir: dir });
    const anchors = ['a', 'b', 'c'].map((command) => writer.append(entry(command)));
    writer.close();
    expect(anchors.map((anchor) => anchor.seq)).toEqual([1, 2, 3]);
    expect(readHead(dir)?.hash).toBe(anchors[2]!.hash);
    expect(commands()).toEqual(['a', 'b', 'c']);
    expectIntactChain(3);
  });

  it("hashes each line with node:crypto to the same digest as the command hook's pure-JavaScript SHA-256", () => {
    const writer = createAuditWriter({ auditDir: dir });
    const anchors = ['plain', 'Löschen außerhalb — 禁止 🔒'].map((command) => writer.append(entry(command)));
    writer.close();
    const lines = readFileSync(anchors[0]!.file, 'utf8').split('\n').filter(Boolean);
    expect(anchors.map((anchor) => anchor.hash)).toEqual(lines.map((line) => sha256Hex(line)));
    // The next one-shot writer links to the same hash: the chain stays one chain.
    writeAuditRecord({ auditDir: dir, entry: entry('after') });
    expectIntactChain(3);
  });

  it('continues from the real end when two writers take turns on one log', () => {
    const first = createAuditWriter({ auditDir: dir });
    const second = createAuditWriter({ auditDir: dir });
    const order: string[] = [];
    for (let index = 0; index < 20; index++) {
      // Irregular turns: sometimes one writer appends several records in a row.
      const writer = index % 3 === 0 || index % 7 === 0 ? second : first;
      const command = `${writer === first ? 'first' : 'second'}-${index}`;
      writer.append(entry(command));
      order.push(command);
    }
    first.close();
    second.close();
    expect(commands()).toEqual(order);
    expectIntactChain(20);
  });

  it('continues after records a one-shot writer (a command hook) appended in between', () => {
    const writer = createAuditWriter({ auditDir: dir });
    writer.append(entry('sdk-1'));
    writeAuditRecord({ auditDir: dir, entry: entry('hook-1') });
    writeAuditRecord({ auditDir: dir, entry: entry('hook-2') });
    expect(writer.append(entry('sdk-2')).seq).toBe(4);
    writeAuditRecord({ auditDir: dir, entry: entry('hook-3') });
    writer.append(entry('sdk-3'));
    writer.close();
    expect(commands()).toEqual(['sdk-1', 'hook-1', 'hook-2', 'sdk-2', 'hook-3', 'sdk-3']);
    expectIntactChain(6);
  });

  it('rotates segments, and follows a rotation another writer made', () => {
    const small = createAuditWriter({ auditDir: dir, maxFileBytes: 1500 });
    for (let index = 0; index < 6; index++) small.append(entry(`small-${index}`));
    // Another process with a tiny segment size rotates while ours is still below its own limit.
    writeAuditRecord({ auditDir: dir, entry: entry('other'), maxFileBytes: 1 });
    small.append(entry('after'));
    small.close();
    expect(readdirSync(dir).filter((name) => name.endsWith('.jsonl')).length).toBeGreaterThan(2);
    expect(commands().at(-1)).toBe('after');
    expectIntactChain(8);
  });

  it('closes off a torn line another writer left, instead of gluing its record to it', () => {
    const writer = createAuditWriter({ auditDir: dir });
    const { file } = writer.append(entry('before'));
    appendFileSync(file, '{"v":2,"seq":2,"torn');
    writer.append(entry('after'));
    writer.close();
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('"torn\n{"v":2');
    const verification = verifyAuditLog({ auditDir: dir });
    // The torn line is reported; the record after it is on a line of its own.
    expect(verification.ok).toBe(false);
    expect(commands).toThrow();
    expect(text.trimEnd().split('\n').at(-1)).toContain('"after"');
  });

  it('starts a new chain position when its segment was moved away', () => {
    const writer = createAuditWriter({ auditDir: dir });
    const { file } = writer.append(entry('one'));
    renameSync(file, path.join(os.tmpdir(), `${path.basename(file)}-${process.pid}-moved`));
    const anchor = writer.append(entry('two'));
    writer.close();
    rmSync(path.join(os.tmpdir(), `${path.basename(file)}-${process.pid}-moved`), { force: true });
    // Written where readers look, not into the moved file; the head never goes backwards.
    expect(anchor.seq).toBe(2);
    expect(commands()).toEqual(['two']);
  });

  it('makes the directory again when it is removed while the writer lives', () => {
    const auditDir = path.join(dir, 'nested', 'audit');
    const writer = createAuditWriter({ auditDir });
    writer.append(entry('one'));
    rmSync(path.join(dir, 'nested'), { recursive: true, force: true });
    expect(writer.append(entry('two')).seq).toBe(1);
    writer.close();
    expect(verifyAuditLog({ auditDir }).ok).toBe(true);
  });

  it('holds the lock across appends for a lease, and lets go when idle, on close, or for a waiter', async () => {
    const lock = path.join(dir, '.lock');
    const writer = createAuditWriter({ auditDir: dir, holdLockMs: 20 });
    writer.append(entry('one'));
    writer.append(entry('two'));
    expect(existsSync(lock)).toBe(true);
    // Idle: the lease timer releases it.
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(existsSync(lock)).toBe(false);
    writer.append(entry('three'));
    expect(existsSync(lock)).toBe(true);
    // Another process waiting (its marker): the next append lets go first, then takes it anew.
    writeFileSync(waitingMarker(lock), '');
    writer.append(entry('four'));
    writer.close();
    expect(existsSync(lock)).toBe(false);
    expect(commands()).toEqual(['one', 'two', 'three', 'four']);
    expectIntactChain(4);
  });

  it('refuses to append after close', () => {
    const writer = createAuditWriter({ auditDir: dir });
    writer.close();
    writer.close();
    expect(() => writer.append(entry('late'))).toThrow(/closed/);
  });
});
