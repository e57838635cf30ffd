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
  audit: z.optional(z.strictObject({ enabled: z.optional(z.boolean()) })),
});
export type ConfigFile = z.infer<typeof configFileSchema>;

export type FailureSetting = z.infer<typeof failureSettingSchema>;
