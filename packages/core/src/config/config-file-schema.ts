import * as z from 'zod/mini';
import { failurePolicySchema, modeSchema } from '../policy/enums.js';

export const failureSettingSchema = z.union([
  failurePolicySchema,
  z.partialRecord(z.enum(['prompt', 'tool_call', 'tool_result', 'response', 'session']), failurePolicySchema),
]);

/** `$WARDEN_HOME/config.yaml`. */
export const configFileSchema = z.strictObject({
  /** A policy file (relative to WARDEN_HOME) or a built-in pack name. */
  policy: z.optional(z.string().check(z.minLength(1))),
  mode: z.optional(modeSchema),
  /** `open`/`closed` for every phase, or per phase: `{tool_call: closed, response: open}`. */
  failure: z.optional(failureSettingSchema),
  audit: z.optional(
    z.strictObject({
      enabled: z.optional(z.boolean()),
      /** Start a new segment file once the current one reaches this size. */
      maxFileMb: z.optional(z.number().check(z.positive())),
    }),
  ),
  /**
   * Where events go and who is asked for a verdict. The token is never read from this file:
   * it comes from WARDEN_TOKEN (AKTO_API_TOKEN for Akto) or from `tokenFile`.
   */
  server: z.optional(
    z.strictObject({
      url: z.url({ protocol: /^https?$/ }),
      backend: z.optional(z.enum(['warden', 'akto'])),
      tokenFile: z.optional(z.string().check(z.minLength(1))),
      /** Ask the server for a verdict on each event (remote evaluation). */
      decide: z.optional(z.boolean()),
      /** The time budget of one remote verdict; the failure policy decides when it runs out. */
      decideTimeoutMs: z.optional(z.int().check(z.positive(), z.lte(60_000))),
      /** Extra CA certificates (PEM) to trust; TLS is always verified. */
      caFile: z.optional(z.string().check(z.minLength(1))),
      akto: z.optional(
        z.strictObject({
          connector: z.optional(z.string()),
          contextSource: z.optional(z.string()),
          deviceId: z.optional(z.string()),
        }),
      ),
    }),
  ),
  ingest: z.optional(
    z.strictObject({
      /** Send events to the server (on by default when a server is configured). */
      enabled: z.optional(z.boolean()),
      batchSize: z.optional(z.int().check(z.positive(), z.lte(1000))),
      /** The spool refuses new events beyond this count (they stay in the audit log and are sent later). */
      maxSpoolEvents: z.optional(z.int().check(z.positive())),
      /** The spool refuses new events when the disk has less free space than this. */
      minFreeDiskMb: z.optional(z.number().check(z.nonnegative())),
      /** How long a hook may spend sending when it has to send itself (no background sender). */
      hookBudgetMs: z.optional(z.int().check(z.nonnegative(), z.lte(10_000))),
    }),
  ),
});
export type ConfigFile = z.infer<typeof configFileSchema>;

export type FailureSetting = z.infer<typeof failureSettingSchema>;
