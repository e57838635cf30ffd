import * as z from 'zod/mini';
import { actionKindSchema } from '../action.js';
import { phaseSchema, requestContextSchema } from '../guard-event.js';
import { lazySchema } from '../lazy-schema.js';
import { effectSchema, failurePolicySchema, modeSchema } from '../policy/enums.js';
import { remoteOutcomeSchema } from './remote-outcome.js';

/**
 * The Warden server protocol, version 1: a JSON API over HTTPS, authenticated with
 * `Authorization: Bearer <token>`. Request bodies may be gzip-compressed (`Content-Encoding:
 * gzip`). Every body and answer carries `v: 1`; a server that changes the contract serves `/v2`.
 *
 * - `POST /v1/events`  a batch of events. Delivery is at least once: clients resend what they
 *   have no acknowledgement for, so the server must store each event id once and answer a
 *   repeat as a duplicate.
 * - `POST /v1/decide`  a verdict on one event, within the client's time budget.
 * - `GET  /v1/health`  reachability, for `warden status`.
 * - `GET  /v1/policy`  the tenant's org policy and suspension state for this device (header
 *   `X-Warden-Device`), with an `ETag`; `If-None-Match` answers 304. Devices fetch it in the
 *   background and keep it in `$WARDEN_HOME/org-policy.json`; a hook never waits on it.
 * - `GET  /v1/anchors?device=&after=&limit=`  the audit anchors the server holds for a device,
 *   in `seq` order, so `warden audit verify --server` can detect a rewritten local log.
 *
 * Status codes: 200 with the JSON answer; 400 invalid request (not retried as is: the client
 * splits a batch to find the invalid event); 401/403 bad token (kept and retried later); 413
 * batch too large (split); 429 and 503 with `Retry-After`, and other 5xx: retried with backoff.
 */
export const WARDEN_PROTOCOL_VERSION = 1;
export const EVENTS_PATH = '/v1/events';
export const DECIDE_PATH = '/v1/decide';
export const HEALTH_PATH = '/v1/health';
export const POLICY_PATH = '/v1/policy';
export const ANCHORS_PATH = '/v1/anchors';
/** The header naming the device on requests that are not event batches (events carry `client.device`). */
export const DEVICE_HEADER = 'x-warden-device';
/** The device's copy of the last `GET /v1/policy` answer, under `$WARDEN_HOME`. */
export const ORG_POLICY_CACHE_FILE = 'org-policy.json';
export const MAX_EVENTS_PER_BATCH = 1000;

const findingSchema = lazySchema(() =>
  z.object({ id: z.string(), message: z.string(), subject: z.optional(z.string()) }),
);

/** One event and the decision taken on it. Text fields are redacted in ingestion, not in `/v1/decide`. */
export const wardenEventSchema = lazySchema(() =>
  z.object({
    /** Unique per event: the server's de-duplication key. */
    id: z.string().check(z.minLength(1), z.maxLength(200)),
    ts: z.string(),
    agent: z.string(),
    session: z.string(),
    hookEvent: z.string(),
    phase: phaseSchema,
    cwd: z.string(),
    host: z.optional(z.object({ name: z.string(), user: z.optional(z.string()) })),
    tool: z.optional(
      z.object({
        name: z.string(),
        useId: z.optional(z.string()),
        input: z.optional(z.unknown()),
        response: z.optional(z.unknown()),
        mcpServer: z.optional(z.string()),
      }),
    ),
    prompt: z.optional(z.string()),
    output: z.optional(z.string()),
    actions: z.array(
      z.object({
        kind: actionKindSchema,
        tool: z.optional(z.string()),
        resources: z.record(z.string(), z.unknown()),
      }),
    ),
    /** The decision the client applied (local policy, remote verdict and failure policy combined). */
    decision: z.object({
      effect: effectSchema,
      policyEffect: effectSchema,
      ruleId: z.string(),
      reason: z.string(),
      mode: modeSchema,
      findings: z.array(findingSchema),
      failure: z.optional(z.object({ policy: failurePolicySchema, error: z.string() })),
    }),
    remote: z.optional(remoteOutcomeSchema),
    /** Where the event sits in the client's hash-chained audit log: an anchor against local tampering. */
    audit: z.optional(z.object({ seq: z.number(), hash: z.string() })),
    context: z.optional(requestContextSchema),
    meta: z.optional(z.record(z.string(), z.unknown())),
    /** Rebuilt from the audit log after the spool was full (no tool input, output or prompt text). */
    backfilled: z.optional(z.boolean()),
    /** What the server's fleet view needs to know about the hook that sent the event. */
    client: z.optional(
      z.object({
        /** The device's id (`WARDEN_DEVICE_ID`, else the host name): the fleet view's key with `agent`. */
        device: z.optional(z.string()),
        /** The adapter package and its version, e.g. `@warden/claude-code@0.2.0`. */
        adapter: z.optional(z.string()),
        /** SHA-256 of the effective policy (packs, files and org policy combined), to spot drift. */
        policyHash: z.optional(z.string()),
        /** Which org policy ETag the device applied, when it has one. */
        orgPolicyEtag: z.optional(z.string()),
        /** How long the hook took from reading its input to its answer. */
        latencyMs: z.optional(z.number()),
      }),
    ),
  }),
);
export type WardenEvent = z.infer<typeof wardenEventSchema>;

export const eventBatchRequestSchema = lazySchema(() =>
  z.object({
    v: z.literal(WARDEN_PROTOCOL_VERSION),
    events: z.array(wardenEventSchema).check(z.minLength(1), z.maxLength(MAX_EVENTS_PER_BATCH)),
  }),
);
export type EventBatchRequest = z.infer<typeof eventBatchRequestSchema>;

/**
 * Every id of the batch appears in exactly one list. An id the server does not mention is
 * treated as not stored, and sent again.
 */
export const eventBatchResponseSchema = lazySchema(() =>
  z.object({
    v: z.literal(WARDEN_PROTOCOL_VERSION),
    /** Stored now. */
    accepted: z.array(z.string()),
    /** Already stored by an earlier delivery. */
    duplicates: z.optional(z.array(z.string())),
    /** Not stored. `retryable: false` means it never will be (the client sets it aside, visibly). */
    rejected: z.optional(z.array(z.object({ id: z.string(), error: z.string(), retryable: z.boolean() }))),
  }),
);
export type EventBatchResponse = z.infer<typeof eventBatchResponseSchema>;

export const decideRequestSchema = lazySchema(() =>
  z.object({
    v: z.literal(WARDEN_PROTOCOL_VERSION),
    /** The event with the local decision in `decision`; text is not redacted (the server evaluates it). */
    event: wardenEventSchema,
    /** How long the client waits for the answer; the server should answer well within it. */
    budgetMs: z.optional(z.number()),
  }),
);
export type DecideRequest = z.infer<typeof decideRequestSchema>;

export const decideResponseSchema = lazySchema(() =>
  z.object({
    v: z.literal(WARDEN_PROTOCOL_VERSION),
    effect: effectSchema,
    reason: z.optional(z.string()),
    ruleId: z.optional(z.string()),
    findings: z.optional(z.array(findingSchema)),
  }),
);
export type DecideResponse = z.infer<typeof decideResponseSchema>;

export const healthResponseSchema = lazySchema(() =>
  z.object({
    v: z.literal(WARDEN_PROTOCOL_VERSION),
    ok: z.boolean(),
    version: z.optional(z.string()),
  }),
);
export type HealthResponse = z.infer<typeof healthResponseSchema>;

/** The body of every non-200 answer. */
export const errorResponseSchema = lazySchema(() =>
  z.object({
    v: z.literal(WARDEN_PROTOCOL_VERSION),
    error: z.object({ code: z.string(), message: z.string() }),
  }),
);
export type ErrorResponse = z.infer<typeof errorResponseSchema>;

export const suspensionSchema = lazySchema(() =>
  z.object({
    scope: z.enum(['tenant', 'device']),
    reason: z.string(),
    since: z.string(),
  }),
);
export type Suspension = z.infer<typeof suspensionSchema>;

/**
 * `GET /v1/policy`. `policy` is the org policy as the admin uploaded it (a policy document that
 * core's `policySchema` validates), or null when the tenant has none. While `suspended` is set,
 * every decision of the device is a deny with its reason, until the server lifts it.
 */
export const orgPolicyResponseSchema = lazySchema(() =>
  z.object({
    v: z.literal(WARDEN_PROTOCOL_VERSION),
    etag: z.string(),
    policy: z.nullable(z.unknown()),
    suspended: z.optional(z.nullable(suspensionSchema)),
    /** How often the device should ask again (seconds). */
    refreshSeconds: z.optional(z.number()),
  }),
);
export type OrgPolicyResponse = z.infer<typeof orgPolicyResponseSchema>;

/** The file `$WARDEN_HOME/org-policy.json`: the last answer, and when and from where it came. */
export const orgPolicyCacheSchema = lazySchema(() =>
  z.object({
    ...orgPolicyResponseSchema.shape,
    fetchedAt: z.string(),
    serverUrl: z.string(),
  }),
);
export type OrgPolicyCache = z.infer<typeof orgPolicyCacheSchema>;

/** `GET /v1/anchors`: `{seq, hash}` of the device's events as received, in `seq` order. */
export const anchorsResponseSchema = lazySchema(() =>
  z.object({
    v: z.literal(WARDEN_PROTOCOL_VERSION),
    device: z.string(),
    anchors: z.array(z.object({ seq: z.number(), hash: z.string(), eventId: z.string(), ts: z.string() })),
    /** Pass as `after` for the next page; absent on the last page. */
    next: z.optional(z.number()),
  }),
);
export type AnchorsResponse = z.infer<typeof anchorsResponseSchema>;
