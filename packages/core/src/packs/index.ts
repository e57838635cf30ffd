import type { Policy } from '../policy/policy-schema.js';
import { observePack } from './observe.js';
import { recommendedPack } from './recommended.js';
import { strictPack } from './strict.js';

export const BUILTIN_PACKS: Readonly<Record<string, Policy>> = {
  recommended: recommendedPack,
  strict: strictPack,
  observe: observePack,
};
