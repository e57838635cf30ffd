import { createHash } from 'node:crypto';
import {
  decide,
  decideRequestSchema,
  type Effect,
  formatIssue,
  MAX_EVENTS_PER_BATCH,
  type WardenEvent,
  wardenEventSchema,
} from '@warden/core';
import { Hono } from 'hono';
import { stream } from 'hono/streaming';
import { jsonError } from '../http/json-error.js';
import { parseTime } from '../http/parse-time.js';
import { RateLimiter } from '../http/rate-limiter.js';
import { parseJson, readBody } from '../http/read-body.js';
import { OrgPolicyCache } from '../policy/org-policy-cache.js';
import { toGuardEvent } from '../policy/to-guard-event.js';
import { validateOrgPolicy } from '../policy/validate-org-policy.js';
import type { ServerOptions } from '../server-options.js';
import { eventDevice, normalizeTimestamp } from '../store/event-row.js';
import type { EventCursor, EventFilter, Store } from '../store/store.js';
import type { ApiEnv } from './api-env.js';
import { csvCell } from './csv-cell.js';
import { requireAuth } from './require-auth.js';

const MAX_LIMIT = 1000;
const DEFAULT_LIMIT = 100;
const MAX_SESSION_EVENTS = 10_000;
const FILTER_KEYS = ['effect', 'agent', 'session', 'rule', 'device', 'tool', 'user', 'q'] as const;

function encodeCursor(cursor: EventCursor): string {
  return Buffer.from(JSON.stringify([cursor.ts, cursor.id])).toString('base64url');
}

function decodeCursor(value: string): EventCursor | undefined {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && typeof parsed[0] === 'string' && typeof parsed[1] === 'string')
      return { ts: parsed[0], id: parsed[1] };
  } catch {
    // Falls through to undefined.
  }
  return undefined;
}

function sessionLimit(value: string | undefined): number {
  const parsed = Number.parseInt(value ?? '', 10);
  return Number.isFinite(parsed) && parsed > 0 ? Math.min(parsed, MAX_SESSION_EVENTS) : MAX_SESSION_EVENTS;
}

function clampLimit(value: string | undefined, fallback = DEFAULT_LIMIT): number {
  const parsed = Number.parseInt(value ?? '', 10);
  if (!Number.isFinite(parsed) || parsed < 1) return fallback;
  return Math.min(parsed, MAX_LIMIT);
}

type FilterResult = { ok: true; filter: EventFilter } | { ok: false; message: string };

function readFilter(query: Record<string, string | undefined>): FilterResult {
  const filter: EventFilter = {};
  for (const key of FILTER_KEYS) {
    const value = query[key];
    if (value !== undefined && value !== '') filter[key] = value.slice(0, 500);
  }
  for (const key of ['since', 'until'] as const) {
    const value = query[key];
    if (value === undefined || value === '') continue;
    const time = parseTime(value);
    if (!time)
      return {
        ok: false,
        message: `${key} must be an ISO time or a relative time such as 2h, 30m or 7d (got "${value.slice(0, 50)}")`,
      };
    filter[key] = time;
  }
  return { ok: true, filter };
}

const EXPORT_COLUMNS = [
  'ts',
  'id',
  'agent',
  'device',
  'session',
  'hookEvent',
  'phase',
  'tool',
  'effect',
  'policyEffect',
  'ruleId',
  'reason',
  'mode',
  'cwd',
  'receivedAt',
] as const;

/** Protocol v1 and the query API. Every route is tenant-scoped by its token. */
export function createApi(options: { store: Store; settings: ServerOptions }): Hono<ApiEnv> {
  const { store, settings } = options;
  const limiter = new RateLimiter(settings.rateLimit);
  const policies = new OrgPolicyCache({ store });
  const auth = (permission: Parameters<typeof requireAuth>[0]['permission']) =>
    requireAuth({ store, limiter, permission });
  const api = new Hono<ApiEnv>();

  api.get('/v1/health', (c) => c.json({ v: 1, ok: true, version: settings.version }));

  api.post('/v1/events', auth('ingest'), async (c) => {
    const body = await readBody({ request: c.req.raw, maxBytes: settings.maxBodyBytes });
    if (!body.ok) return jsonError(c, body.status, body.code, body.message);
    const json = parseJson(body.text);
    if (!json.ok) return jsonError(c, 400, 'invalid_json', json.message);
    const batch = json.value as { v?: unknown; events?: unknown };
    if (typeof batch !== 'object' || batch === null || batch.v !== 1)
      return jsonError(
        c,
        400,
        'invalid_request',
        'The body must be {"v":1,"events":[...]} (protocol version 1).',
      );
    if (!Array.isArray(batch.events) || batch.events.length === 0)
      return jsonError(c, 400, 'invalid_request', 'events must be a non-empty array.');
    if (batch.events.length > MAX_EVENTS_PER_BATCH)
      return jsonError(
        c,
        413,
        'batch_too_large',
        `A batch holds at most ${MAX_EVENTS_PER_BATCH} events; split it.`,
      );

    const principal = c.get('principal');
    // Each event on its own: one bad event never costs the valid ones.
    const valid: WardenEvent[] = [];
    const rejected: Array<{ id: string; error: string; retryable: boolean }> = [];
    for (const [index, raw] of batch.events.entries()) {
      const parsed = wardenEventSchema.safeParse(raw);
      const rawId = (raw as { id?: unknown } | null)?.id;
      const id = typeof rawId === 'string' && rawId ? rawId.slice(0, 200) : `#${index}`;
      if (!parsed.success) {
        rejected.push({
          id,
          error: `invalid event: ${formatIssue(parsed.error.issues[0] as never)}`,
          retryable: false,
        });
      } else if (!normalizeTimestamp(parsed.data.ts)) {
        rejected.push({
          id,
          error: `invalid event: ts "${parsed.data.ts.slice(0, 40)}" is not a time`,
          retryable: false,
        });
      } else if (principal.device && eventDevice(parsed.data) !== principal.device) {
        rejected.push({
          id,
          error: `this token is bound to device "${principal.device}"; the event comes from "${eventDevice(parsed.data).slice(0, 100)}"`,
          retryable: false,
        });
      } else valid.push(parsed.data);
    }
    const result = valid.length
      ? await store.ingestEvents({
          tenantId: principal.tenant.id,
          events: valid,
          receivedAt: new Date().toISOString(),
        })
      : { accepted: [], duplicates: [] };
    return c.json({
      v: 1,
      accepted: result.accepted,
      ...(result.duplicates.length ? { duplicates: result.duplicates } : {}),
      ...(rejected.length ? { rejected } : {}),
    });
  });

  api.post('/v1/decide', auth('decide'), async (c) => {
    const started = Date.now();
    const body = await readBody({ request: c.req.raw, maxBytes: settings.maxBodyBytes });
    if (!body.ok) return jsonError(c, body.status, body.code, body.message);
    const json = parseJson(body.text);
    if (!json.ok) return jsonError(c, 400, 'invalid_json', json.message);
    const parsed = decideRequestSchema.safeParse(json.value);
    if (!parsed.success)
      return jsonError(c, 400, 'invalid_request', formatIssue(parsed.error.issues[0] as never));
    const { event, budgetMs } = parsed.data;
    const tenantId = c.get('principal').tenant.id;
    const device = eventDevice(event);
    const state = await policies.forDevice({ tenantId, device });
    if (state.suspension)
      return c.json({
        v: 1,
        effect: 'deny' as Effect,
        ruleId: 'warden.suspended',
        reason: `Suspended by the Warden server (${state.suspension.scope}): ${state.suspension.reason}`,
      });
    if (!state.record)
      return c.json({ v: 1, effect: 'allow' as Effect, ruleId: 'default', reason: 'No org policy is set.' });
    if (budgetMs !== undefined && Date.now() - started > budgetMs)
      return jsonError(
        c,
        503,
        'budget_exceeded',
        `The decision took longer than the client's budget of ${budgetMs} ms.`,
        { 'Retry-After': '1' },
      );
    const decision = decide(toGuardEvent(event), policies.config({ tenantId, record: state.record }));
    return c.json({
      v: 1,
      effect: decision.effect,
      ruleId: decision.ruleId,
      reason: decision.reason,
      ...(decision.findings.length
        ? {
            findings: decision.findings.map(({ id, message, subject }) => ({
              id,
              message,
              ...(subject ? { subject } : {}),
            })),
          }
        : {}),
    });
  });

  api.get('/v1/policy', auth('policy:read'), async (c) => {
    const device = c.req.header('x-warden-device') ?? c.req.query('device') ?? 'unknown';
    const state = await policies.forDevice({ tenantId: c.get('principal').tenant.id, device });
    const headers = { ETag: state.etag, 'Cache-Control': 'no-cache' };
    const match = c.req.header('if-none-match');
    if (match?.split(',').some((tag) => tag.trim() === state.etag)) return c.body(null, 304, headers);
    return c.json(
      {
        v: 1,
        etag: state.etag,
        policy: state.record?.policy ?? null,
        suspended: state.suspension
          ? { scope: state.suspension.scope, reason: state.suspension.reason, since: state.suspension.since }
          : null,
        refreshSeconds: settings.policyRefreshSeconds,
      },
      200,
      headers,
    );
  });

  api.put('/v1/policy', auth('admin'), async (c) => {
    const body = await readBody({ request: c.req.raw, maxBytes: 1024 * 1024 });
    if (!body.ok) return jsonError(c, body.status, body.code, body.message);
    if (!body.text.trim())
      return jsonError(c, 400, 'policy_invalid', 'The body must be a policy in YAML or JSON.');
    const result = validateOrgPolicy({ text: body.text });
    if (!result.ok) return jsonError(c, 400, 'policy_invalid', result.message);
    const principal = c.get('principal');
    const etag = createHash('sha256').update(body.text).digest('hex').slice(0, 16);
    await store.putOrgPolicy({
      tenantId: principal.tenant.id,
      yaml: body.text,
      policy: result.policy,
      etag,
      updatedBy: principal.name,
      at: new Date().toISOString(),
    });
    return c.json({ v: 1, etag, rules: result.config.policy.rules.length });
  });

  api.post('/v1/suspensions', auth('admin'), async (c) => {
    const body = await readBody({ request: c.req.raw, maxBytes: 64 * 1024 });
    if (!body.ok) return jsonError(c, body.status, body.code, body.message);
    const json = parseJson(body.text);
    if (!json.ok) return jsonError(c, 400, 'invalid_json', json.message);
    const value = json.value as { device?: unknown; reason?: unknown };
    if (
      typeof value !== 'object' ||
      value === null ||
      (value.device !== undefined && typeof value.device !== 'string')
    )
      return jsonError(c, 400, 'invalid_request', 'The body must be {"device"?: string, "reason"?: string}.');
    const principal = c.get('principal');
    const reason =
      typeof value.reason === 'string' && value.reason
        ? value.reason.slice(0, 500)
        : 'Suspended by an administrator.';
    await store.suspend({
      tenantId: principal.tenant.id,
      ...(value.device ? { device: value.device } : {}),
      reason,
      by: principal.name,
      at: new Date().toISOString(),
    });
    return c.json({
      v: 1,
      suspended: { scope: value.device ? 'device' : 'tenant', device: value.device ?? null, reason },
    });
  });

  api.delete('/v1/suspensions', auth('admin'), async (c) => {
    const device = c.req.query('device');
    const resumed = await store.resume({
      tenantId: c.get('principal').tenant.id,
      ...(device ? { device } : {}),
    });
    return c.json({ v: 1, resumed });
  });

  api.get('/v1/anchors', auth('anchors:read'), async (c) => {
    const device = c.req.query('device') ?? c.req.header('x-warden-device');
    if (!device)
      return jsonError(
        c,
        400,
        'invalid_request',
        'device is required (query ?device= or the X-Warden-Device header).',
      );
    // A device token bound to one device reads that device's anchors only. A fleet token (unbound)
    // may write events as any device of its tenant, so it reads any of their anchors too.
    const principal = c.get('principal');
    if (principal.role === 'device' && principal.device && principal.device !== device)
      return jsonError(
        c,
        403,
        'forbidden',
        `This token is bound to device "${principal.device}" and cannot read another device's anchors.`,
      );
    const afterText = c.req.query('after');
    const after = afterText === undefined ? undefined : Number(afterText);
    if (after !== undefined && !Number.isFinite(after))
      return jsonError(c, 400, 'invalid_request', 'after must be a number.');
    const limit = clampLimit(c.req.query('limit'), MAX_LIMIT);
    const anchors = await store.listAnchors({
      tenantId: principal.tenant.id,
      device,
      ...(after !== undefined ? { after } : {}),
      limit: limit + 1,
    });
    const page = anchors.slice(0, limit);
    return c.json({
      v: 1,
      device,
      anchors: page,
      ...(anchors.length > limit && page.length ? { next: page[page.length - 1]?.seq } : {}),
    });
  });

  api.get('/v1/events', auth('read'), async (c) => {
    const filter = readFilter(c.req.query());
    if (!filter.ok) return jsonError(c, 400, 'invalid_request', filter.message);
    const cursorText = c.req.query('cursor');
    const cursor = cursorText ? decodeCursor(cursorText) : undefined;
    if (cursorText && !cursor)
      return jsonError(
        c,
        400,
        'invalid_cursor',
        'cursor is not one this server gave out; start again without it.',
      );
    const page = await store.listEvents({
      tenantId: c.get('principal').tenant.id,
      filter: filter.filter,
      limit: clampLimit(c.req.query('limit')),
      ...(cursor ? { cursor } : {}),
    });
    return c.json({ v: 1, events: page.events, ...(page.next ? { next: encodeCursor(page.next) } : {}) });
  });

  api.get('/v1/events/export', auth('read'), async (c) => {
    const filter = readFilter(c.req.query());
    if (!filter.ok) return jsonError(c, 400, 'invalid_request', filter.message);
    const format = c.req.query('format') ?? 'ndjson';
    if (format !== 'ndjson' && format !== 'csv')
      return jsonError(c, 400, 'invalid_request', 'format must be ndjson or csv.');
    const tenantId = c.get('principal').tenant.id;
    c.header('Content-Type', format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson');
    c.header(
      'Content-Disposition',
      `attachment; filename="warden-events.${format === 'csv' ? 'csv' : 'ndjson'}"`,
    );
    return stream(c, async (out) => {
      if (format === 'csv') await out.write(`${EXPORT_COLUMNS.join(',')}\n`);
      let cursor: EventCursor | undefined;
      // Page by page: memory stays flat however many events match.
      for (;;) {
        if (out.aborted) return;
        const page = await store.listEvents({
          tenantId,
          filter: filter.filter,
          limit: 500,
          ...(cursor ? { cursor } : {}),
        });
        let chunk = '';
        for (const event of page.events) {
          if (format === 'ndjson') chunk += `${JSON.stringify(event)}\n`;
          else {
            const row: Record<(typeof EXPORT_COLUMNS)[number], unknown> = {
              ts: event.ts,
              id: event.id,
              agent: event.agent,
              device: eventDevice(event),
              session: event.session,
              hookEvent: event.hookEvent,
              phase: event.phase,
              tool: event.tool?.name,
              effect: event.decision.effect,
              policyEffect: event.decision.policyEffect,
              ruleId: event.decision.ruleId,
              reason: event.decision.reason,
              mode: event.decision.mode,
              cwd: event.cwd,
              receivedAt: event.receivedAt,
            };
            chunk += `${EXPORT_COLUMNS.map((column) => csvCell(row[column])).join(',')}\n`;
          }
        }
        if (chunk) await out.write(chunk);
        if (!page.next) return;
        cursor = page.next;
      }
    });
  });

  api.get('/v1/sessions/:id', auth('read'), async (c) => {
    const result = await store.getSession({
      tenantId: c.get('principal').tenant.id,
      session: c.req.param('id'),
      limit: sessionLimit(c.req.query('limit')),
    });
    if (!result) return jsonError(c, 404, 'not_found', 'No events for this session.');
    return c.json({ v: 1, ...result });
  });

  api.get('/v1/devices', auth('read'), async (c) => {
    const result = await store.listDevices({
      tenantId: c.get('principal').tenant.id,
      now: new Date().toISOString(),
    });
    return c.json({ v: 1, ...result });
  });

  api.get('/v1/stats', auth('read'), async (c) => {
    const bucket = c.req.query('bucket') ?? 'hour';
    if (bucket !== 'hour') return jsonError(c, 400, 'invalid_request', 'bucket must be hour.');
    const now = Date.now();
    const since = parseTime(c.req.query('since') ?? '24h', now);
    const until = c.req.query('until')
      ? parseTime(c.req.query('until') as string, now)
      : new Date(now + 3600_000).toISOString();
    if (!since || !until)
      return jsonError(
        c,
        400,
        'invalid_request',
        'since and until must be ISO times or relative times such as 24h or 7d.',
      );
    const agent = c.req.query('agent');
    const stats = await store.getStats({
      tenantId: c.get('principal').tenant.id,
      since,
      until,
      ...(agent ? { agent } : {}),
    });
    return c.json({ v: 1, ...stats });
  });

  return api;
}
