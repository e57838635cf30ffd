import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  deadLetter,
  enqueueEvent,
  listQueue,
  readCountHint,
  readQueued,
  recoverTemporaryFiles,
  spoolStatus,
  takeOverflow,
  writeCountHint,
} from './spool.js';
import type { WardenEvent } from './warden-protocol.js';

let spoolDir: string;
beforeEach(() => {
  spoolDir = path.join(mkdtempSync(path.join(os.tmpdir(), 'warden-spool-')), 'spool');
});
afterEach(() => rmSync(path.dirname(spoolDir), { recursive: true, force: true }));

const limits = { maxEvents: 100, minFreeDiskBytes: 0 };

function wardenEvent(id: string, seq?: number): WardenEvent {
  return {
    id,
    ts: '2026-11-21T10:00:00.000Z',
    agent: 'claude-code',
    session: 's',
    hookEvent: 'PreToolUse',
    phase: 'tool_call',
    cwd: '/tmp',
    actions: [],
    decision: {
      effect: 'allow',
      policyEffect: 'allow',
      ruleId: 'default',
      reason: '',
      mode: 'enforce',
      findings: [],
    },
    ...(seq ? { audit: { seq, hash: 'h' } } : {}),
  };
}

describe('enqueueEvent', () => {
  it('writes one private file per event, oldest first, and nothing is left in tmp/', () => {
    expect(enqueueEvent({ spoolDir, event: wardenEvent('a'), limits }).queued).toBe(true);
    expect(enqueueEvent({ spoolDir, event: wardenEvent('b'), limits }).queued).toBe(true);
    const names = listQueue(spoolDir);
    expect(names).toHaveLength(2);
    expect(names[0]).toMatch(/^\d{13}-a\.json$/);
    expect(readdirSync(path.join(spoolDir, 'tmp'))).toEqual([]);
    expect(readQueued(spoolDir, names[1]!)).toMatchObject({ ok: true, event: { id: 'b' } });
  });

  it('never overwrites a queued event with another of the same name', () => {
    enqueueEvent({ spoolDir, event: wardenEvent('same'), limits });
    enqueueEvent({ spoolDir, event: wardenEvent('same'), limits });
    enqueueEvent({ spoolDir, event: wardenEvent('same'), limits });
    expect(listQueue(spoolDir)).toHaveLength(3);
  });

  it('refuses an event beyond the limit with a clear message, and records it for a later send', () => {
    const small = { maxEvents: 2, minFreeDiskBytes: 0 };
    enqueueEvent({ spoolDir, event: wardenEvent('1'), limits: small });
    enqueueEvent({ spoolDir, event: wardenEvent('2'), limits: small });
    const refused = enqueueEvent({ spoolDir, event: wardenEvent('3', 17), limits: small });
    expect(refused).toMatchObject({ queued: false, recorded: true });
    expect(refused.queued === false && refused.message).toMatch(
      /spool is full \(2 events waiting, limit 2.*audit log \(seq 17\)/,
    );
    expect(listQueue(spoolDir)).toHaveLength(2);
    expect(spoolStatus(spoolDir)).toMatchObject({ queued: 2, overflow: 1 });
    expect(takeOverflow(spoolDir)?.entries).toEqual([{ id: '3', seq: 17 }]);
  });

  it('does not list a large queue on every event: a fresh shared count is trusted until near the limit', () => {
    const big = { maxEvents: 1000, minFreeDiskBytes: 0 };
    enqueueEvent({ spoolDir, event: wardenEvent('first'), limits: big });
    expect(readCountHint(spoolDir)?.count).toBe(0);
    writeCountHint(spoolDir, 999);
    // Near the limit: counted again (1 file), and the count shared.
    expect(enqueueEvent({ spoolDir, event: wardenEvent('second'), limits: big }).queued).toBe(true);
    expect(readCountHint(spoolDir)?.count).toBe(1);
    // A fresh count at the limit refuses without listing.
    writeCountHint(spoolDir, 1000);
    expect(enqueueEvent({ spoolDir, event: wardenEvent('third'), limits: big }).queued).toBe(false);
  });

  it('refuses when the disk is nearly full', () => {
    const refused = enqueueEvent({
      spoolDir,
      event: wardenEvent('x'),
      limits: { maxEvents: 10, minFreeDiskBytes: Number.MAX_SAFE_INTEGER },
    });
    expect(refused.queued === false && refused.message).toMatch(/MiB free on the disk/);
  });
});

describe('spool maintenance', () => {
  it('moves a complete file a crashed writer left in tmp/ into the queue, and records a partial one', () => {
    mkdirSync(path.join(spoolDir, 'tmp'), { recursive: true });
    mkdirSync(path.join(spoolDir, 'queue'), { recursive: true });
    const complete = path.join(spoolDir, 'tmp', '1763700000000-whole.json.4242');
    const partial = path.join(spoolDir, 'tmp', '1763700000001-torn.json.4243');
    writeFileSync(complete, JSON.stringify({ v: 1, queuedAt: 'x', event: wardenEvent('whole') }));
    writeFileSync(partial, '{"v":1,"queuedAt":"x","ev');
    const old = new Date(Date.now() - 120_000);
    utimesSync(complete, old, old);
    utimesSync(partial, old, old);
    expect(recoverTemporaryFiles(spoolDir, { olderThanMs: 60_000 })).toEqual({ recovered: 1, partial: 1 });
    expect(listQueue(spoolDir)).toEqual(['1763700000000-whole.json']);
    expect(takeOverflow(spoolDir)?.entries).toEqual([{ id: 'torn' }]);
  });

  it('sets refused events aside with the reason, visible in the status', () => {
    enqueueEvent({ spoolDir, event: wardenEvent('bad'), limits });
    const [name] = listQueue(spoolDir);
    deadLetter(spoolDir, name!, 'refused by the server: invalid');
    expect(listQueue(spoolDir)).toEqual([]);
    expect(readFileSync(path.join(spoolDir, 'dead', `${name}.reason`), 'utf8')).toContain('invalid');
    expect(spoolStatus(spoolDir).dead).toBe(1);
  });
});
