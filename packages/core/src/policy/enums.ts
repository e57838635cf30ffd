import * as z from 'zod/mini';

// Kept apart from policy-schema.ts so the hook path can validate settings without building
// the whole policy schema (start-up time is the hook's main cost).
export const effectSchema = z.enum(['allow', 'deny', 'ask']);
export const modeSchema = z.enum(['enforce', 'observe']);
export const failurePolicySchema = z.enum(['open', 'closed']);
