import * as z from 'zod/mini';
import { actionKindSchema } from '../action.js';
import { phaseSchema, requestContextSchema } from '../guard-event.js';
import { remoteOutcomeSchema } from '../ingest/remote-outcome.js';
import { effectSchema, failurePolicySchema, modeSchema } from '../policy/enums.js';

import { AUDIT_RECORD_VERSION, GENESIS_HASH } from './audit-format.js';

export { AUDIT_RECORD_VERSION, GENESIS_HASH };

/** What is recorded about one event and its decision, before it is chained. */
export const auditEntrySchema = z.object({
  id: z.string(),
  ts: z.string(),
  agent: z.string(),
  session: z.string(),
  hookEvent: z.string(),
  phase: phaseSchema,
  cwd: z.string(),
  tool: z.optional(z.string()),
  actions: z.array(
    z.object({
      kind: actionKindSchema,
      tool: z.optional(z.string()),
      resources: z.record(z.string(), z.unknown()),
    }),
  ),
  effect: effectSchema,
  policyEffect: effectSchema,
  ruleId: z.string(),
  reason: z.string(),
  mode: modeSchema,
  findings: z.array(z.object({ id: z.string(), message: z.string(), subject: z.optional(z.string()) })),
  failure: z.optional(z.object({ policy: failurePolicySchema, error: z.string() })),
  /** The remote verdict asked for this event, or why there is none (timeout, error). */
  remote: z.optional(remoteOutcomeSchema),
  context: z.optional(requestContextSchema),
  meta: z.optional(z.record(z.string(), z.unknown())),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

/**
 * One line of the audit log. `seq` counts records from 1 across all files of the log; `prev` is
 * the SHA-256 of the previous line's bytes (without its newline), GENESIS_HASH for the first.
 * Editing, removing or reordering a line breaks the chain at the next line.
 */
export const auditRecordSchema = z.object({
  v: z.literal(AUDIT_RECORD_VERSION),
  seq: z.number().check(z.int(), z.positive()),
  prev: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
  ...auditEntrySchema.shape,
});
export type AuditRecord = z.infer<typeof auditRecordSchema>;
