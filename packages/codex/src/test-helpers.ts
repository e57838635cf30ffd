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

/**
 * Expands an `mcp_tool` hook's `input` template the way Codex 0.169 does (session-hooks.md §4):
 * `${a.b}` is looked up in the hook input; a string that is only a placeholder takes the value
 * as it is (objects stay objects), one with text around it takes it as text; a field that is
 * absent fails the whole hook. Null fields are treated as absent (Codex's behaviour there is untested).
 */
export function expandCodexTemplate(options: { template: unknown; input: Record<string, unknown> }): unknown {
  const lookup = (path: string): unknown => {
    let value: unknown = options.input;
    for (const part of path.split('.')) {
      value =
        typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[part] : undefined;
    }
    if (value === undefined || value === null) throw new Error(`hook input has no ${path}`);
    return value;
  };
  const expand = (value: unknown): unknown => {
    if (typeof value === 'string') {
      const whole = /^\$\{([A-Za-z_][A-Za-z0-9_.]*)\}$/.exec(value);
      if (whole) return lookup(whole[1]!);
      return value.replace(/\$\{([A-Za-z_][A-Za-z0-9_.]*)\}/g, (_match, path: string) => {
        const found = lookup(path);
        return typeof found === 'string' ? found : JSON.stringify(found);
      });
    }
    if (Array.isArray(value)) return value.map(expand);
    if (typeof value === 'object' && value !== null)
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, expand(item)]));
    return value;
  };
  return expand(options.template);
}
