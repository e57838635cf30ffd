// Generates dist/policy.schema.json from the zod policy schema, so editors can complete and
// check policy files (`# yaml-language-server: $schema=...` or `"$schema"` in JSON).
import { writeFileSync } from 'node:fs';
import { toJSONSchema } from 'zod/mini';
import { policySchema } from '../dist/index.js';

const schema = toJSONSchema(policySchema, { target: 'draft-2020-12', io: 'input' });
schema.title = 'Warden policy';
schema.$id = 'https://warden.dev/schemas/policy.schema.json';
writeFileSync(new URL('../policy.schema.json', import.meta.url), `${JSON.stringify(schema, null, 2)}\n`);
console.log('wrote policy.schema.json');
