import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { formatIssue } from './format-issue.js';
import { lazySchema } from './lazy-schema.js';

describe('lazySchema', () => {
  it('builds the schema on first use, once', () => {
    let builds = 0;
    const schema = lazySchema(() => {
      builds++;
      return z.object({ name: z.string() });
    });
    expect(builds).toBe(0);
    expect(schema.safeParse({ name: 'a' })).toEqual({ success: true, data: { name: 'a' } });
    expect(schema.safeParse({ name: 1 }).success).toBe(false);
    expect(builds).toBe(1);
  });

  it('reports the same issues as the schema built directly', () => {
    const build = () => z.strictObject({ mode: z.enum(['enforce', 'observe']) });
    const lazy = lazySchema(build).safeParse({ mode: 'audit' });
    const direct = build().safeParse({ mode: 'audit' });
    expect(lazy.success).toBe(false);
    expect(formatIssue(lazy.error!.issues[0]!)).toBe(formatIssue(direct.error!.issues[0]!));
  });

  it('composes into other schemas and keeps shape, instanceof and the JSON Schema', () => {
    const inner = lazySchema(() => z.object({ id: z.string() }));
    const outer = z.object({ items: z.array(inner), ...inner.shape });
    expect(outer.safeParse({ id: 'x', items: [{ id: 'y' }] }).success).toBe(true);
    expect(outer.safeParse({ id: 'x', items: [{ id: 2 }] }).success).toBe(false);
    expect(inner instanceof z.ZodMiniObject).toBe(true);
    expect(z.toJSONSchema(outer)).toEqual(
      z.toJSONSchema(z.object({ items: z.array(z.object({ id: z.string() })), id: z.string() })),
    );
  });
});
