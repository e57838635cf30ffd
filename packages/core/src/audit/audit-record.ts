import * as z from 'zod/mini';
import { actionKindSchema } from '../action.js';
import { phaseSchema, requestContextSchema } from '../guard-event.js';
import { effectSchema, failurePolicySchema, modeSchema } from '../policy/enums.js';

/** One line of the audit log. Versioned: readers accept `v: 1`. */
export const auditRecordSchema = z.object({
  v: z.literal(1),
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
  context: z.optional(requestContextSchema),
  meta: z.optional(z.record(z.string(), z.unknown())),
});
export type AuditRecord = z.infer<typeof auditRecordSchema>;
