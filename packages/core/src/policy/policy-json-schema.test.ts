import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toJSONSchema } from 'zod/mini';
import { policySchema } from './policy-schema.js';

describe('policy.schema.json', () => {
  it('is generated from the zod policy schema (run `pnpm --filter @warden/core build` after changing it)', () => {
    const committed = JSON.parse(readFileSync(new URL('../../policy.schema.json', import.meta.url), 'utf8'));
    const generated = toJSONSchema(policySchema, { target: 'draft-2020-12', io: 'input' }) as Record<
      string,
      unknown
    >;
    const { title, $id, ...rest } = committed;
    expect(rest).toEqual(generated);
    expect(title).toBe('Warden policy');
    expect($id).toMatch(/policy\.schema\.json$/);
  });
});
