import {
  classifyEvent,
  type Decision,
  decide,
  formatIssue,
  type GuardEvent,
  type WardenEvent,
} from '@warden/core';
import { type Context, Hono } from 'hono';
import { presentedToken } from '../api/require-auth.js';
import { authenticateToken } from '../auth/authenticate-token.js';
import { hasPermission } from '../auth/roles.js';
import { RateLimiter } from '../http/rate-limiter.js';
import { parseJson, readBody } from '../http/read-body.js';
import { OrgPolicyCache } from '../policy/org-policy-cache.js';
import type { ServerOptions } from '../server-options.js';
import type { Store } from '../store/store.js';
import { type AktoInteraction, aktoRecordSchema, readAktoRecord } from './akto-record.js';

const PROCESSED = 'Request processed successfully';

interface Verdict {
  effect: 'allow' | 'deny' | 'ask';
  ruleId: string;
  reason: string;
  failOpen?: boolean;
  error?: string;
}

function failure(
  c: Context,
  status: 401 | 403 | 413 | 422 | 429,
  message: string,
  headers?: Record<string, string>,
) {
  return c.json({ success: false, message }, status, headers);
}

function guardrailsResult(verdict: Verdict) {
  const allowed = verdict.effect === 'allow';
  return {
    Allowed: allowed,
    allowed,
    Modified: false,
    ModifiedPayload: '',
    Reason: allowed ? '' : verdict.reason,
    Metadata: allowed
      ? {}
      : {
          policy_name: 'warden-org-policy',
          rule_violated: verdict.ruleId,
          severity: verdict.effect === 'deny' ? 'HIGH' : 'MEDIUM',
        },
    // Akto's hooks deny "block"; "warn" denies once and lets an identical retry through (Warden's ask).
    behaviour: allowed ? '' : verdict.effect === 'ask' ? 'warn' : 'block',
    Behaviour: allowed ? '' : verdict.effect === 'ask' ? 'warn' : 'block',
    ...(verdict.failOpen ? { failOpen: true, error: verdict.error } : {}),
  };
}

function toGuardEvent(interaction: AktoInteraction): GuardEvent {
  return {
    id: interaction.id,
    agent: interaction.agent,
    hookEvent: interaction.hookEvent,
    phase: interaction.phase,
    session: interaction.session,
    cwd: '/',
    timestamp: interaction.ts,
    ...(interaction.tool
      ? {
          tool: {
            name: interaction.tool.name,
            input: interaction.tool.input,
            ...(interaction.tool.response !== undefined ? { response: interaction.tool.response } : {}),
            ...(interaction.tool.mcpServer ? { mcpServer: { name: interaction.tool.mcpServer } } : {}),
          },
        }
      : {}),
    ...(interaction.prompt !== undefined ? { prompt: interaction.prompt } : {}),
    ...(interaction.output !== undefined ? { output: interaction.output } : {}),
    meta: { source: 'akto', connector: interaction.connector },
  };
}

/**
 * `POST /api/http-proxy`: Akto's hook scripts, pointed at Warden with AKTO_DATA_INGESTION_URL.
 * The verdict comes first and never depends on storing the record; a record that cannot be
 * evaluated is blocked when `aktoFailClosed` (Akto itself fails open). The token is never logged.
 */
export function createAkto(options: { store: Store; settings: ServerOptions }): Hono {
  const { store, settings } = options;
  const limiter = new RateLimiter(settings.rateLimit);
  const policies = new OrgPolicyCache({ store });
  const app = new Hono();

  app.post('/api/http-proxy', async (c) => {
    const principal = await authenticateToken({
      store,
      token: presentedToken(c.req.header('authorization')),
    });
    if (!principal)
      return failure(
        c,
        401,
        'A valid Warden token is required in the Authorization header (AKTO_API_TOKEN).',
      );
    const allowed = limiter.take(principal.tokenId);
    if (!allowed.ok)
      return failure(c, 429, 'Too many requests for this token.', {
        'Retry-After': String(allowed.retryAfterSeconds),
      });
    if (!hasPermission(principal.role, 'ingest'))
      return failure(c, 403, `A ${principal.role} token cannot send events.`);

    const query = c.req.query();
    const wantsVerdict = query.guardrails === 'true' || query.response_guardrails === 'true';
    const ingest = query.ingest_data === 'true';
    const body = await readBody({ request: c.req.raw, maxBytes: settings.maxBodyBytes });
    if (!body.ok) return failure(c, body.status === 413 ? 413 : 422, body.message);
    const json = parseJson(body.text);
    const parsed = json.ok ? aktoRecordSchema.safeParse(json.value) : undefined;
    if (!parsed?.success)
      return failure(
        c,
        422,
        json.ok ? `invalid record: ${formatIssue(parsed?.error.issues[0] as never)}` : json.message,
      );

    const read = readAktoRecord({
      record: parsed.data,
      connector: query.akto_connector ?? '',
      rawBody: body.text,
    });
    // A token bound to one device speaks for that device, whatever the record's VXLAN id or host says.
    const interaction = principal.device ? { ...read, device: principal.device } : read;
    const guardEvent = toGuardEvent(interaction);
    let verdict: Verdict | undefined;
    let decision: Decision | undefined;
    if (wantsVerdict) {
      try {
        const state = await policies.forDevice({ tenantId: principal.tenant.id, device: interaction.device });
        if (state.suspension)
          verdict = {
            effect: 'deny',
            ruleId: 'warden.suspended',
            reason: `Suspended by the Warden server: ${state.suspension.reason}`,
          };
        else if (state.record) {
          decision = decide(
            guardEvent,
            policies.config({ tenantId: principal.tenant.id, record: state.record }),
          );
          verdict = { effect: decision.effect, ruleId: decision.ruleId, reason: decision.reason };
        } else verdict = { effect: 'allow', ruleId: 'default', reason: 'No org policy is set.' };
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        verdict = settings.aktoFailClosed
          ? {
              effect: 'deny',
              ruleId: 'warden.failure',
              reason: `Warden could not evaluate this request and fails closed: ${message}`,
            }
          : { effect: 'allow', ruleId: 'warden.failure', reason: '', failOpen: true, error: message };
      }
    }

    let ingested: boolean | undefined;
    if (ingest) {
      const effect = interaction.blocked ? 'deny' : (verdict?.effect ?? 'allow');
      const event: WardenEvent = {
        id: interaction.id,
        ts: interaction.ts,
        agent: interaction.agent,
        session: interaction.session,
        hookEvent: interaction.hookEvent,
        phase: interaction.phase,
        cwd: '/',
        host: { name: interaction.device, ...(interaction.user ? { user: interaction.user } : {}) },
        ...(interaction.tool
          ? {
              tool: {
                name: interaction.tool.name,
                input: interaction.tool.input,
                ...(interaction.tool.response !== undefined ? { response: interaction.tool.response } : {}),
                ...(interaction.tool.mcpServer ? { mcpServer: interaction.tool.mcpServer } : {}),
              },
            }
          : {}),
        ...(interaction.prompt !== undefined ? { prompt: interaction.prompt.slice(0, 16_384) } : {}),
        ...(interaction.output !== undefined ? { output: interaction.output.slice(0, 16_384) } : {}),
        actions: (decision?.actions ?? safeClassify(guardEvent)).map((action) => ({
          kind: action.kind,
          ...(action.tool ? { tool: action.tool } : {}),
          resources: action.resources as Record<string, unknown>,
        })),
        decision: {
          effect,
          policyEffect: effect,
          ruleId: interaction.blocked ? 'akto.blocked' : (verdict?.ruleId ?? 'akto.ingest'),
          reason: interaction.blocked
            ? (interaction.blockedReason ?? 'Blocked by the hook.')
            : (verdict?.reason ?? 'Recorded from an Akto hook.'),
          mode: 'enforce',
          findings:
            decision?.findings.map(({ id, message, subject }) => ({
              id,
              message,
              ...(subject ? { subject } : {}),
            })) ?? [],
        },
        client: { device: interaction.device, adapter: `akto:${interaction.connector || 'unknown'}` },
        meta: { source: 'akto' },
      };
      try {
        await store.ingestEvents({
          tenantId: principal.tenant.id,
          events: [event],
          receivedAt: new Date().toISOString(),
        });
        ingested = true;
      } catch {
        // The verdict still goes back: a storage failure never turns a block into an allow.
        ingested = false;
      }
    }
    return c.json({
      success: true,
      message: PROCESSED,
      data: {
        success: true,
        message: PROCESSED,
        ...(verdict ? { guardrailsResult: guardrailsResult(verdict) } : {}),
        ...(ingested !== undefined ? { ingested } : {}),
      },
    });
  });
  return app;
}

function safeClassify(event: GuardEvent) {
  try {
    return classifyEvent({ event, home: '/home/warden-device' });
  } catch {
    return [];
  }
}
