import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import path from 'node:path';
import type { Decision } from '../decision.js';
import { redactSecrets } from '../detectors/detect-secrets.js';
import type { GuardEvent } from '../guard-event.js';
import type { AuditRecord } from './audit-record.js';

const MAX_TEXT = 4096;

function redactValue(value: unknown): unknown {
  if (typeof value === 'string') {
    const redacted = redactSecrets(value);
    return redacted.length > MAX_TEXT
      ? `${redacted.slice(0, MAX_TEXT)}… [${redacted.length - MAX_TEXT} more characters]`
      : redacted;
  }
  if (Array.isArray(value)) return value.map(redactValue);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, redactValue(inner)]));
  }
  return value;
}

/** Builds the audit line for a decision: secrets redacted, long texts cut. */
export function toAuditRecord(options: { event: GuardEvent; decision: Decision }): AuditRecord {
  const { event, decision } = options;
  return {
    v: 1,
    id: event.id,
    ts: event.timestamp,
    agent: event.agent,
    session: event.session,
    hookEvent: event.hookEvent,
    phase: event.phase,
    cwd: event.cwd,
    ...(event.tool ? { tool: event.tool.name } : {}),
    actions: decision.actions.map((action) => ({
      kind: action.kind,
      ...(action.tool ? { tool: action.tool } : {}),
      resources: redactValue(action.resources) as Record<string, unknown>,
    })),
    effect: decision.effect,
    policyEffect: decision.policyEffect,
    ruleId: decision.ruleId,
    reason: decision.reason,
    mode: decision.mode,
    findings: decision.findings,
    ...(decision.failure ? { failure: decision.failure } : {}),
    ...(event.context ? { context: event.context } : {}),
    ...(event.meta ? { meta: redactValue(event.meta) as Record<string, unknown> } : {}),
  };
}

/** The audit file of a day: `audit-YYYY-MM-DD.jsonl` (UTC). */
export function auditFilePath(options: { auditDir: string; timestamp: string }): string {
  return path.join(options.auditDir, `audit-${options.timestamp.slice(0, 10)}.jsonl`);
}

/**
 * Appends one record as one line. The file is opened with O_APPEND and the line goes out in a
 * single write(2), so concurrent hook processes never interleave or tear lines.
 */
export function writeAuditRecord(options: { auditDir: string; record: AuditRecord }): string {
  mkdirSync(options.auditDir, { recursive: true, mode: 0o700 });
  const file = auditFilePath({ auditDir: options.auditDir, timestamp: options.record.ts });
  const line = Buffer.from(`${JSON.stringify(options.record)}\n`, 'utf8');
  const descriptor = openSync(file, 'a', 0o600);
  try {
    let written = writeSync(descriptor, line);
    // A short write is only possible on a full disk or a signal; finish the line rather than leave it torn.
    while (written < line.length) written += writeSync(descriptor, line, written);
  } finally {
    closeSync(descriptor);
  }
  return file;
}
