import * as z from 'zod/mini';
import { lazySchema } from '../lazy-schema.js';
import { effectSchema, failurePolicySchema } from '../policy/enums.js';

/**
 * What came of asking a remote evaluator about one event. Recorded in the audit log and sent
 * with the event, so a remote timeout or error is never invisible.
 */
export const remoteOutcomeSchema = lazySchema(() =>
  z.object({
    /** `warden` (Warden server protocol) or `akto`. */
    backend: z.string(),
    /**
     * `ok`: a verdict arrived in time. `timeout`: the budget ran out. `error`: transport failure,
     * HTTP error, unreadable answer, or a server that reported its own evaluation failed.
     * `skipped`: not asked (a local deny already decided).
     */
    status: z.enum(['ok', 'timeout', 'error', 'skipped']),
    /** The remote verdict, when there is one. */
    effect: z.optional(effectSchema),
    reason: z.optional(z.string()),
    ruleId: z.optional(z.string()),
    /** Akto's rule behaviour (`block`, `warn`, `alert`, `approval`), as received. */
    behaviour: z.optional(z.string()),
    /** The server proposed a modified input; recorded, not applied. */
    modified: z.optional(z.boolean()),
    error: z.optional(z.string()),
    /** On timeout or error: the failure policy that decided. */
    failurePolicy: z.optional(failurePolicySchema),
    latencyMs: z.number(),
  }),
);
export type RemoteOutcome = z.infer<typeof remoteOutcomeSchema>;
