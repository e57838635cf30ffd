import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { CODEX_HOOK_EVENTS, codexHookInputSchema, isCodexHookEvent } from './hook-input-schema.js';
import { readSample, readWireSchema, SAMPLE_NAMES, wireValidator } from './test-helpers.js';

type JsonSchema = Record<string, unknown>;

/** A property's type in words, comparable between Codex's schemas and zod's JSON Schema output. */
function typeOf(property: JsonSchema | boolean): string {
  if (property === true || (typeof property === 'object' && Object.keys(property).length === 0)) return 'any';
  const schema = property as JsonSchema;
  if (schema.$ref === '#/definitions/NullableString') return 'string|null';
  const type = schema.type;
  return Array.isArray(type)
    ? [...type].sort().join('|').replace('null|string', 'string|null')
    : String(type);
}

/** A minimal input Codex could send: every required field, with a value of its wire type. */
function minimalInput(wire: JsonSchema): Record<string, unknown> {
  const properties = wire.properties as Record<string, JsonSchema | boolean>;
  const input: Record<string, unknown> = {};
  for (const name of wire.required as string[]) {
    const property = properties[name]!;
    if (typeof property === 'boolean') input[name] = { anything: ['goes'] };
    else if ('const' in property) input[name] = property.const;
    else if (Array.isArray(property.enum)) input[name] = property.enum[0];
    else if (property.$ref) input[name] = null;
    else if (property.type === 'boolean') input[name] = false;
    else input[name] = `${name}-value`;
  }
  return input;
}

describe('Codex hook input schemas', () => {
  it('cover exactly the events Codex 0.169 has input schemas for', () => {
    expect(CODEX_HOOK_EVENTS).toHaveLength(12);
    for (const event of CODEX_HOOK_EVENTS)
      expect(() => readWireSchema({ event, direction: 'input' })).not.toThrow();
    expect(isCodexHookEvent('Notification')).toBe(false);
  });

  for (const event of CODEX_HOOK_EVENTS) {
    describe(event, () => {
      const wire = readWireSchema({ event, direction: 'input' });
      const ours = z.toJSONSchema(codexHookInputSchema(event), { io: 'input' }) as JsonSchema;
      const validate = wireValidator({ event, direction: 'input' })!;

      it("has the wire schema's properties, required fields and types", () => {
        const wireProperties = wire.properties as Record<string, JsonSchema | boolean>;
        const ourProperties = ours.properties as Record<string, JsonSchema>;
        expect(Object.keys(ourProperties).sort()).toEqual(Object.keys(wireProperties).sort());
        expect([...(ours.required as string[])].sort()).toEqual([...(wire.required as string[])].sort());
        for (const [name, property] of Object.entries(wireProperties))
          expect(typeOf(ourProperties[name]!), `${event}.${name}`).toBe(typeOf(property));
      });

      it('accepts a minimal wire-valid input and every enum value Codex may send', () => {
        const input = minimalInput(wire);
        expect(validate(input), JSON.stringify(validate.errors)).toBe(true);
        expect(codexHookInputSchema(event).safeParse(input).success).toBe(true);
        for (const [name, property] of Object.entries(wire.properties as Record<string, JsonSchema>)) {
          for (const value of (property.enum as unknown[] | undefined) ?? []) {
            const variant = { ...input, [name]: value };
            expect(codexHookInputSchema(event).safeParse(variant).success, `${name}=${value}`).toBe(true);
          }
        }
      });

      it('rejects an input missing any required field, as the wire schema does', () => {
        const input = minimalInput(wire);
        for (const name of wire.required as string[]) {
          const { [name]: _removed, ...rest } = input;
          expect(validate(rest), name).toBe(false);
          expect(codexHookInputSchema(event).safeParse(rest).success, name).toBe(false);
        }
      });

      it('keeps fields a newer Codex may add instead of rejecting the input', () => {
        const parsed = codexHookInputSchema(event).safeParse({ ...minimalInput(wire), added_later: 1 });
        expect(parsed.success && (parsed.data as Record<string, unknown>).added_later).toBe(1);
      });
    });
  }

  it('accept every captured Codex 0.169 input, which the wire schemas accept too', () => {
    for (const name of SAMPLE_NAMES) {
      const sample = readSample(name);
      const event = sample.hook_event_name as string;
      const validate = wireValidator({ event, direction: 'input' })!;
      expect(validate(sample), `${name}: ${JSON.stringify(validate.errors)}`).toBe(true);
      expect(isCodexHookEvent(event) && codexHookInputSchema(event).safeParse(sample).success, name).toBe(
        true,
      );
    }
  });
});
