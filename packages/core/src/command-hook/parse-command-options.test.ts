import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { parseCommandOptions } from './parse-command-options.js';

const flags = { scope: { type: 'string' as const }, help: { type: 'boolean' as const, short: 'h' } };
const schema = z.object({ scope: z.optional(z.enum(['user', 'project'])), help: z.optional(z.boolean()) });

describe('parseCommandOptions', () => {
  it('reads and validates the flags', () => {
    expect(parseCommandOptions({ args: ['--scope', 'project', '-h'], flags, schema })).toEqual({
      success: true,
      data: { scope: 'project', help: true },
    });
  });

  it('names the flag and the values it takes', () => {
    expect(parseCommandOptions({ args: ['--scope', 'team'], flags, schema })).toEqual({
      success: false,
      message: '--scope: expected "user" or "project"',
      showUsage: false,
    });
  });

  it('refuses flags the command does not have, asking for the usage text', () => {
    expect(parseCommandOptions({ args: ['--scop', 'user'], flags, schema })).toMatchObject({
      success: false,
      showUsage: true,
    });
  });

  it('works on Node 22.0-22.2, which have no process.getBuiltinModule', () => {
    const original = process.getBuiltinModule;
    try {
      // @ts-expect-error: simulating an older Node
      delete process.getBuiltinModule;
      expect(parseCommandOptions({ args: ['--scope', 'project'], flags, schema })).toEqual({
        success: true,
        data: { scope: 'project' },
      });
    } finally {
      process.getBuiltinModule = original;
    }
  });
});
