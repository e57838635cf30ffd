import type {
  CanUseTool,
  HookCallbackMatcher,
  Options,
  PermissionRequestHookInput,
  PostToolUseFailureHookInput,
  PostToolUseHookInput,
  PreToolUseHookInput,
  StopHookInput,
  SubagentStopHookInput,
  UserPromptSubmitHookInput,
} from '@anthropic-ai/claude-agent-sdk';
import { describe, expectTypeOf, it } from 'vitest';
import type * as z from 'zod/mini';
import type {
  baseHookInputSchema,
  promptHookInputSchema,
  stopHookInputSchema,
  toolHookInputSchema,
} from './hook-input-schema.js';
import { wardenCanUseTool } from './warden-can-use-tool.js';
import { type WardenHooks, wardenHooks } from './warden-hooks.js';

describe('wardenHooks types', () => {
  it("is assignable to the SDK's Options['hooks'], alone and next to the app's own hooks", () => {
    expectTypeOf(wardenHooks()).toExtend<Options['hooks']>();
    expectTypeOf(wardenHooks({ policy: 'strict' })).toEqualTypeOf<WardenHooks>();
    const appHooks: Options['hooks'] = {};
    expectTypeOf({ ...appHooks, ...wardenHooks() }).toExtend<Options['hooks']>();
    expectTypeOf<NonNullable<WardenHooks['PreToolUse']>[number]>().toEqualTypeOf<HookCallbackMatcher>();
  });

  it("is assignable to the SDK's canUseTool", () => {
    expectTypeOf(wardenCanUseTool()).toExtend<CanUseTool>();
    expectTypeOf(wardenCanUseTool()).toExtend<NonNullable<Options['canUseTool']>>();
  });

  it('accepts only what the options allow', () => {
    // @ts-expect-error mode is enforce or observe
    wardenHooks({ mode: 'block' });
    // @ts-expect-error the context is a fixed shape
    wardenHooks({ context: { user: 'x' } });
    // @ts-expect-error failure is open or closed
    wardenCanUseTool({ failure: 'fail' });
  });
});

describe('hook input schemas', () => {
  // Every input the SDK's own types allow must pass Warden's schemas, or a valid call would be
  // treated as a failure. These break at compile time when an SDK upgrade changes the inputs.
  it('accept every input the SDK can send', () => {
    expectTypeOf<PreToolUseHookInput>().toExtend<z.input<typeof toolHookInputSchema>>();
    expectTypeOf<PermissionRequestHookInput>().toExtend<z.input<typeof toolHookInputSchema>>();
    expectTypeOf<PostToolUseHookInput>().toExtend<z.input<typeof toolHookInputSchema>>();
    expectTypeOf<PostToolUseFailureHookInput>().toExtend<z.input<typeof toolHookInputSchema>>();
    expectTypeOf<UserPromptSubmitHookInput>().toExtend<z.input<typeof promptHookInputSchema>>();
    expectTypeOf<StopHookInput>().toExtend<z.input<typeof stopHookInputSchema>>();
    expectTypeOf<SubagentStopHookInput>().toExtend<z.input<typeof stopHookInputSchema>>();
    expectTypeOf<PreToolUseHookInput>().toExtend<z.input<typeof baseHookInputSchema>>();
  });
});
