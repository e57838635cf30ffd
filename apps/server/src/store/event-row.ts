import type { WardenEvent } from '@warden/core';
import type { EventsTable } from '../db/schema.js';

const SEARCH_TEXT_MAX = 4000;

/** The device an event came from: the client's id, else the host name. */
export function eventDevice(event: WardenEvent): string {
  return event.client?.device || event.host?.name || 'unknown';
}

/** `ts` as a canonical ISO string (text order = time order), or undefined when it is no time. */
const CANONICAL_TIME =
  /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{3}Z$/;

export function normalizeTimestamp(value: string): string | undefined {
  // What every Warden client sends (toISOString): already canonical, and Date.parse is slow.
  if (CANONICAL_TIME.test(value)) return value;
  const time = Date.parse(value);
  if (!Number.isFinite(time)) return undefined;
  return new Date(time).toISOString();
}

export function hourBucket(iso: string): string {
  return `${iso.slice(0, 13)}:00:00.000Z`;
}

/** A log-scale histogram bin: eight bins per doubling, so p50/p99 are within about 9 %. */
export function latencyBin(ms: number): number {
  return Math.max(0, Math.min(255, Math.ceil(Math.log2(Math.max(0, ms) + 1) * 8)));
}

/** The upper edge of a bin in milliseconds. */
export function latencyBinValue(bin: number): number {
  return 2 ** (bin / 8) - 1;
}

function collectText(value: unknown, into: string[], depth: number): void {
  if (depth > 4 || into.length > 64) return;
  if (typeof value === 'string') into.push(value);
  else if (Array.isArray(value)) for (const item of value) collectText(item, into, depth + 1);
  else if (typeof value === 'object' && value !== null)
    for (const inner of Object.values(value)) collectText(inner, into, depth + 1);
}

/** Lower-cased text that `q` searches: prompt, answer, tool, commands, paths, URLs, reason. */
export function searchText(event: WardenEvent): string {
  const parts: string[] = [];
  if (event.prompt) parts.push(event.prompt);
  if (event.output) parts.push(event.output);
  if (event.tool?.name) parts.push(event.tool.name);
  for (const action of event.actions) collectText(action.resources, parts, 0);
  parts.push(event.decision.reason, event.decision.ruleId, event.cwd);
  let text = '';
  for (const part of parts) {
    if (text.length >= SEARCH_TEXT_MAX) break;
    text += `${part.slice(0, SEARCH_TEXT_MAX)}\n`;
  }
  return text.slice(0, SEARCH_TEXT_MAX).toLowerCase();
}

/** Hook errors: a failure decision the client's own engine took, or a remote evaluator error. */
export function isHookError(event: WardenEvent): boolean {
  return event.remote?.status === 'error' || (event.decision.failure !== undefined && !event.remote);
}

export function toEventRow(options: {
  tenantId: string;
  event: WardenEvent;
  ts: string;
  receivedAt: string;
}): EventsTable {
  const { event } = options;
  return {
    tenant_id: options.tenantId,
    id: event.id,
    ts: options.ts,
    received_at: options.receivedAt,
    agent: event.agent,
    session: event.session,
    device: eventDevice(event),
    user: event.host?.user ?? event.context?.userId ?? null,
    hook_event: event.hookEvent,
    phase: event.phase,
    tool: event.tool?.name ?? null,
    effect: event.decision.effect,
    policy_effect: event.decision.policyEffect,
    rule_id: event.decision.ruleId,
    mode: event.decision.mode,
    failure: event.decision.failure ? 1 : 0,
    audit_seq: event.audit?.seq ?? null,
    audit_hash: event.audit?.hash ?? null,
    latency_ms: event.client?.latencyMs ?? null,
    adapter: event.client?.adapter ?? null,
    policy_hash: event.client?.policyHash ?? null,
    search_text: searchText(event),
    body: JSON.stringify(event),
  };
}
