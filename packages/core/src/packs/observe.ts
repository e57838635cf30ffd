import type { Policy } from '../policy/policy-schema.js';

/** Records what `recommended` would decide, and blocks nothing: for trying Warden out. */
export const observePack: Policy = {
  version: 1,
  extends: 'recommended',
  mode: 'observe',
};
