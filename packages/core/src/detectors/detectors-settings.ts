import * as z from 'zod/mini';
import { lazySchema } from '../lazy-schema.js';
import { PII_KINDS } from './pii/scan-pii.js';

/** What the guard does when a detector finds something: per phase, since a prompt cannot be redacted. */
export const detectorActionSchema = z.enum(['block', 'ask', 'warn', 'off']);
export const toolResultActionSchema = z.enum(['block', 'ask', 'redact', 'warn', 'off']);
export type DetectorAction = z.infer<typeof toolResultActionSchema>;

export const detectorActionsSchema = lazySchema(() =>
  z.strictObject({
    /** The user's prompt, before the model sees it. `ask` blocks too: nobody can approve a prompt. */
    prompt: z.optional(detectorActionSchema),
    /** What a tool is about to write, run or send (file contents, commands, URLs). */
    tool_call: z.optional(detectorActionSchema),
    /** A tool's output, before the model reads it: `redact` replaces each match by a marker. */
    tool_result: z.optional(toolResultActionSchema),
    /** The agent's final answer: `block` asks for a new answer (once). */
    response: z.optional(detectorActionSchema),
  }),
);
export type DetectorActions = z.infer<typeof detectorActionsSchema>;

export const detectorsPolicySchema = lazySchema(() =>
  z.strictObject({
    secrets: z.optional(
      z.strictObject({
        enabled: z.optional(z.boolean()),
        actions: z.optional(detectorActionsSchema),
      }),
    ),
    pii: z.optional(
      z.strictObject({
        enabled: z.optional(z.boolean()),
        /** Which kinds to look for. Default: the checksum-validated ones (card, iban, national_id). */
        kinds: z.optional(z.array(z.enum(PII_KINDS))),
        /** Country for phone numbers written without a country code (ISO code such as `US`, `DE`). */
        defaultCountry: z.optional(z.string().check(z.regex(/^[A-Z]{2}$/, 'a two-letter ISO country code'))),
        actions: z.optional(detectorActionsSchema),
      }),
    ),
    injection: z.optional(
      z.strictObject({
        enabled: z.optional(z.boolean()),
        actions: z.optional(detectorActionsSchema),
        /**
         * After a tool result with an injection finding, this many of the session's next shell,
         * network, write and MCP calls are asked instead of allowed. 0 switches taint off.
         */
        taintCalls: z.optional(z.number().check(z.int(), z.minimum(0), z.maximum(1000))),
      }),
    ),
  }),
);
export type DetectorsPolicy = z.infer<typeof detectorsPolicySchema>;

export type DetectorFamily = 'secrets' | 'pii' | 'injection';
export type DetectorPhase = 'prompt' | 'tool_call' | 'tool_result' | 'response';

/** Detector settings with every default filled in. */
export interface DetectorSettings {
  secrets: { enabled: boolean; actions: Record<DetectorPhase, DetectorAction> };
  pii: {
    enabled: boolean;
    kinds: (typeof PII_KINDS)[number][];
    defaultCountry?: string;
    actions: Record<DetectorPhase, DetectorAction>;
  };
  injection: { enabled: boolean; actions: Record<DetectorPhase, DetectorAction>; taintCalls: number };
}

/**
 * The defaults: a secret is blocked in a prompt or an answer and redacted out of tool output;
 * personal data is only warned about, and redacted out of tool output; injection in what a tool
 * returned is warned about and taints the session. Writing a secret into a file is the
 * recommended pack's rule (`secrets.in-written-file`), so tool calls only warn here.
 */
export const DEFAULT_DETECTOR_SETTINGS: DetectorSettings = {
  secrets: {
    enabled: true,
    actions: { prompt: 'block', tool_call: 'warn', tool_result: 'redact', response: 'block' },
  },
  pii: {
    enabled: true,
    kinds: ['card', 'iban', 'national_id'],
    actions: { prompt: 'warn', tool_call: 'warn', tool_result: 'redact', response: 'warn' },
  },
  injection: {
    enabled: true,
    actions: { prompt: 'off', tool_call: 'off', tool_result: 'warn', response: 'off' },
    taintCalls: 5,
  },
};

/** Merges policy layers onto the defaults: a later layer overrides per detector and per phase. */
export function resolveDetectorSettings(layers: readonly (DetectorsPolicy | undefined)[]): DetectorSettings {
  const settings: DetectorSettings = structuredClone(DEFAULT_DETECTOR_SETTINGS);
  for (const layer of layers) {
    if (!layer) continue;
    if (layer.secrets) {
      settings.secrets.enabled = layer.secrets.enabled ?? settings.secrets.enabled;
      Object.assign(settings.secrets.actions, layer.secrets.actions);
    }
    if (layer.pii) {
      settings.pii.enabled = layer.pii.enabled ?? settings.pii.enabled;
      settings.pii.kinds = layer.pii.kinds ?? settings.pii.kinds;
      if (layer.pii.defaultCountry) settings.pii.defaultCountry = layer.pii.defaultCountry;
      Object.assign(settings.pii.actions, layer.pii.actions);
    }
    if (layer.injection) {
      settings.injection.enabled = layer.injection.enabled ?? settings.injection.enabled;
      settings.injection.taintCalls = layer.injection.taintCalls ?? settings.injection.taintCalls;
      Object.assign(settings.injection.actions, layer.injection.actions);
    }
  }
  return settings;
}
