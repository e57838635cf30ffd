import os from 'node:os';
import type { AuditRecord } from '../audit/audit-record.js';
import type { AuditAnchor } from '../audit/write-audit-record.js';
import { redactValue } from '../audit/write-audit-record.js';
import type { Decision } from '../decision.js';
import { redactSecrets } from '../detectors/detect-secrets.js';
import type { GuardEvent } from '../guard-event.js';
import type { RemoteOutcome } from './remote-outcome.js';
import type { WardenEvent } from './warden-protocol.js';

/** Text kept per string field of a spooled event (the audit log keeps 4 KiB). */
const INGEST_MAX_TEXT = 16 * 1024;
/** A remote evaluator sees more, but not unbounded input. */
const DECIDE_MAX_TEXT = 256 * 1024;
/** An event larger than this loses its tool input and output texts (the actions keep the essentials). */
const MAX_EVENT_BYTES = 512 * 1024;

let hostInfo: WardenEvent['host'];
function host(): WardenEvent['host'] {
  if (!hostInfo) {
    let user: string | undefined;
    try {
      user = os.userInfo().username;
    } catch {
      // No passwd entry (some containers).
    }
    hostInfo = { name: os.hostname(), ...(user ? { user } : {}) };
  }
  return hostInfo;
}

function cut(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}… [${text.length - max} more characters]` : text;
}

/** Caps every string in a value without redacting (for remote evaluation, which must see the text). */
function capValue(value: unknown, max: number): unknown {
  if (typeof value === 'string') return cut(value, max);
  if (Array.isArray(value)) return value.map((item) => capValue(item, max));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, capValue(inner, max)]));
  }
  return value;
}

/**
 * The event as the server receives it. For ingestion (`redact`, the default) every text is
 * redacted like the audit log's, since the spool is on disk; for `/v1/decide` texts are only
 * capped, because the evaluator has to see what it judges.
 */
export function toWardenEvent(options: {
  event: GuardEvent;
  decision: Decision;
  remote?: RemoteOutcome;
  anchor?: AuditAnchor;
  /** The hook's own facts for the fleet view. */
  client?: WardenEvent['client'];
  redact?: boolean;
}): WardenEvent {
  const { event, decision } = options;
  const redact = options.redact ?? true;
  const max = redact ? INGEST_MAX_TEXT : DECIDE_MAX_TEXT;
  const clean = (value: unknown) => (redact ? redactValue(value, max) : capValue(value, max));
  const text = (value: string) => (redact ? cut(redactSecrets(value), max) : cut(value, max));

  const result: WardenEvent = {
    id: event.id,
    ts: event.timestamp,
    agent: event.agent,
    session: event.session,
    hookEvent: event.hookEvent,
    phase: event.phase,
    cwd: event.cwd,
    host: host(),
    ...(event.tool
      ? {
          tool: {
            name: event.tool.name,
            ...(event.tool.useId ? { useId: event.tool.useId } : {}),
            ...(event.tool.input !== undefined ? { input: clean(event.tool.input) } : {}),
            ...(event.tool.response !== undefined ? { response: clean(event.tool.response) } : {}),
            ...(event.tool.mcpServer ? { mcpServer: event.tool.mcpServer.name } : {}),
          },
        }
      : {}),
    ...(event.prompt !== undefined ? { prompt: text(event.prompt) } : {}),
    ...(event.output !== undefined ? { output: text(event.output) } : {}),
    actions: decision.actions.map((action) => ({
      kind: action.kind,
      ...(action.tool ? { tool: action.tool } : {}),
      resources: clean(action.resources) as Record<string, unknown>,
    })),
    decision: {
      effect: decision.effect,
      policyEffect: decision.policyEffect,
      ruleId: decision.ruleId,
      reason: redact ? redactSecrets(decision.reason) : decision.reason,
      mode: decision.mode,
      findings: decision.findings,
      ...(decision.failure ? { failure: decision.failure } : {}),
    },
    ...(options.remote ? { remote: options.remote } : {}),
    ...(options.anchor ? { audit: { seq: options.anchor.seq, hash: options.anchor.hash } } : {}),
    ...(event.context ? { context: event.context } : {}),
    ...(event.meta ? { meta: clean(event.meta) as Record<string, unknown> } : {}),
    ...(options.client ? { client: options.client } : {}),
  };

  if (JSON.stringify(result).length > MAX_EVENT_BYTES) {
    const note = '[omitted: the event was too large to send whole]';
    if (result.tool)
      result.tool = {
        ...result.tool,
        input: note,
        ...(result.tool.response !== undefined ? { response: note } : {}),
      };
    if (result.prompt !== undefined) result.prompt = cut(result.prompt, 4096);
    if (result.output !== undefined) result.output = cut(result.output, 4096);
    result.actions = result.actions.map((action) => ({
      ...action,
      resources: redactValue(action.resources) as Record<string, unknown>,
    }));
  }
  return result;
}

/** Rebuilds an event from its audit record, for events the spool had no room for. */
export function auditRecordToWardenEvent(record: AuditRecord, hash: string): WardenEvent {
  return {
    id: record.id,
    ts: record.ts,
    agent: record.agent,
    session: record.session,
    hookEvent: record.hookEvent,
    phase: record.phase,
    cwd: record.cwd,
    host: host(),
    ...(record.tool ? { tool: { name: record.tool } } : {}),
    actions: record.actions,
    decision: {
      effect: record.effect,
      policyEffect: record.policyEffect,
      ruleId: record.ruleId,
      reason: record.reason,
      mode: record.mode,
      findings: record.findings,
      ...(record.failure ? { failure: record.failure } : {}),
    },
    ...(record.remote ? { remote: record.remote } : {}),
    audit: { seq: record.seq, hash },
    ...(record.context ? { context: record.context } : {}),
    ...(record.meta ? { meta: record.meta } : {}),
    backfilled: true,
  };
}
