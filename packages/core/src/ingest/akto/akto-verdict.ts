import * as z from 'zod/mini';
import { TransportError } from '../../errors.js';
import type { RemoteVerdict } from '../backend.js';

const sideSchema = z.looseObject({
  Allowed: z.optional(z.boolean()),
  allowed: z.optional(z.boolean()),
  Reason: z.optional(z.string()),
  reason: z.optional(z.string()),
  behaviour: z.optional(z.string()),
  Behaviour: z.optional(z.string()),
});

const guardrailsResultSchema = z.looseObject({
  ...sideSchema.shape,
  Modified: z.optional(z.boolean()),
  ModifiedPayload: z.optional(z.string()),
  Metadata: z.optional(z.record(z.string(), z.unknown())),
  metadata: z.optional(z.record(z.string(), z.unknown())),
  requestResult: z.optional(sideSchema),
  responseResult: z.optional(sideSchema),
  failOpen: z.optional(z.boolean()),
  error: z.optional(z.unknown()),
});

/** Akto's answer: `{success, message, data: {guardrailsResult}}`, HTTP 200, or 422 when `success` is false. */
export const aktoResponseSchema = z.looseObject({
  success: z.optional(z.boolean()),
  message: z.optional(z.string()),
  data: z.optional(
    z.looseObject({
      success: z.optional(z.boolean()),
      message: z.optional(z.string()),
      guardrailsResult: z.optional(guardrailsResultSchema),
    }),
  ),
});

type Side = z.infer<typeof sideSchema>;
const allowedOf = (side: Side | undefined) => side?.Allowed ?? side?.allowed;
const reasonOf = (side: Side | undefined) => side?.Reason || side?.reason || '';
const behaviourOf = (side: Side | undefined) => (side?.behaviour || side?.Behaviour || '').toLowerCase();

/**
 * Reads Akto's verdict, stricter than Akto's own hooks: an answer without a verdict, a
 * `success:false` (422), or a server that says its guardrails failed open is an error, so
 * Warden's failure policy decides instead of a silent allow. When both sides ran, the reason and
 * behaviour come from the side that failed (the merged top level keeps the request side's).
 * `alert` allows (the server recorded it), `warn` and `approval` ask the user, anything else
 * that is not allowed denies.
 */
export function parseAktoVerdict(options: {
  statusCode: number;
  json: unknown;
  where: string;
}): RemoteVerdict {
  const { where } = options;
  const parsed = aktoResponseSchema.safeParse(options.json);
  if (!parsed.success) {
    throw new TransportError({
      message: `${where}: HTTP ${options.statusCode}, not an Akto answer`,
      isRetryable: false,
    });
  }
  const answer = parsed.data;
  if (options.statusCode === 422 || answer.success === false || answer.data?.success === false) {
    throw new TransportError({
      message: `${where}: the server reported a failure (HTTP ${options.statusCode}${answer.message ? `: ${answer.message.slice(0, 200)}` : ''}) and gave no verdict`,
      statusCode: options.statusCode,
      isRetryable: false,
    });
  }
  const result = answer.data?.guardrailsResult;
  if (!result) {
    throw new TransportError({ message: `${where}: the answer has no guardrailsResult`, isRetryable: false });
  }
  if (result.failOpen === true) {
    const detail = typeof result.error === 'string' ? `: ${result.error.slice(0, 200)}` : '';
    throw new TransportError({
      message: `${where}: Akto's guardrails service failed and the server allowed by default${detail}`,
      isRetryable: false,
    });
  }
  const allowed = allowedOf(result);
  if (typeof allowed !== 'boolean') {
    throw new TransportError({ message: `${where}: the verdict has no Allowed field`, isRetryable: false });
  }

  let side: Side = result;
  if (!allowed && allowedOf(result.requestResult) !== false && allowedOf(result.responseResult) === false) {
    side = result.responseResult!;
  }
  const behaviour = behaviourOf(side) || behaviourOf(result);
  const metadata = result.Metadata ?? result.metadata;
  const policy = typeof metadata?.policy_name === 'string' ? metadata.policy_name : undefined;
  const rule = typeof metadata?.rule_violated === 'string' ? metadata.rule_violated : undefined;
  const effect =
    allowed || behaviour === 'alert'
      ? 'allow'
      : behaviour === 'warn' || behaviour === 'approval'
        ? 'ask'
        : 'deny';
  const reason = reasonOf(side) || reasonOf(result);
  return {
    effect,
    ...(reason ? { reason } : {}),
    ...(policy || rule ? { ruleId: `akto:${[policy, rule].filter(Boolean).join('/')}` } : {}),
    ...(behaviour ? { behaviour } : {}),
    ...(result.Modified ? { modified: true } : {}),
  };
}
