import * as z from 'zod/mini';
import { lazySchema } from '../lazy-schema.js';

// Kept apart from policy-schema.ts so the hook path can validate settings without building
// the whole policy schema (start-up time is the hook's main cost); built on first use, since a
// hook run without WARDEN_MODE or WARDEN_FAILURE set validates none of them.
export const effectSchema = lazySchema(() => z.enum(['allow', 'deny', 'ask']));
export const modeSchema = lazySchema(() => z.enum(['enforce', 'observe']));
export const failurePolicySchema = lazySchema(() => z.enum(['open', 'closed']));
