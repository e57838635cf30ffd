import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';

// Test support (not exported by the package): Codex 0.169.0's own hook wire schemas, copied from
// the binary into __fixtures__/codex-schemas, compiled with a real JSON Schema validator.

const fixtures = new URL('./__fixtures__/', import.meta.url);
const ajv = new Ajv({ strict: false, allErrors: true });

/** `PreToolUse` -> `pre-tool-use`, the schema files' naming. */
export function schemaFileStem(event: string): string {
  return event.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase();
}

export function readWireSchema(options: {
  event: string;
  direction: 'input' | 'output';
}): Record<string, unknown> {
  const file = new URL(
    `codex-schemas/${schemaFileStem(options.event)}.command.${options.direction}.json`,
    fixtures,
  );
  return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
}

const validators = new Map<string, ValidateFunction>();

/** A validator for one wire schema; undefined when Codex has none (SessionEnd output). */
export function wireValidator(options: {
  event: string;
  direction: 'input' | 'output';
}): ValidateFunction | undefined {
  const key = `${options.event}.${options.direction}`;
  if (!validators.has(key)) {
    let schema: Record<string, unknown>;
    try {
      schema = readWireSchema(options);
    } catch {
      return undefined;
    }
    const { $schema: _draft, ...rest } = schema;
    validators.set(key, ajv.compile(rest));
  }
  return validators.get(key);
}

/** A captured Codex 0.169 hook input from __fixtures__. */
export function readSample(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(`${name}.json`, fixtures), 'utf8')) as Record<string, unknown>;
}

export const SAMPLE_NAMES = [
  'codex-PreToolUse',
  'codex-PostToolUse',
  'codex-apply_patch-PreToolUse',
  'codex-apply_patch-PostToolUse',
  'codex-UserPromptSubmit',
  'codex-Stop',
] as const;
