export type { HookCall } from './create-hook-adapter.js';
export { AGENT_SDK_ID, createHookAdapter } from './create-hook-adapter.js';
export { CAN_USE_TOOL_EVENT, createPermissionAdapter } from './create-permission-adapter.js';
export type { CanUseToolCall } from './hook-input-schema.js';
export type { WardenOptions } from './prepare-warden.js';
export type { WardenCanUseToolOptions } from './warden-can-use-tool.js';
export { wardenCanUseTool } from './warden-can-use-tool.js';
export type { WardenHooks, WardenHooksOptions } from './warden-hooks.js';
export { wardenHooks } from './warden-hooks.js';
