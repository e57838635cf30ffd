export {
  CLAUDE_CODE_HOOK_EVENTS,
  claudeCodeAdapter,
  claudeCodePhaseOf,
  createClaudeCodeAdapter,
  renderClaudeCodeDecision,
} from './adapter.js';
export type { RunHookOptions } from './hook.js';
export { runHook } from './hook.js';
export type { ToolHookInput } from './hook-input-schema.js';
export {
  baseHookInputSchema,
  promptHookInputSchema,
  stopHookInputSchema,
  toolHookInputSchema,
} from './hook-input-schema.js';
export type {
  InstallOptions,
  InstallResult,
  InstallScope,
  MergeOptions,
  SettingsLocationOptions,
} from './install.js';
export {
  defaultHookScript,
  detectClaudeCodeVersion,
  hookCommand,
  install,
  isWardenHandler,
  mergeWardenHooks,
  removeWardenHooks,
  settingsPath,
  supportsOnFailure,
  uninstall,
} from './install.js';
export type { Settings } from './settings-file.js';
export { readSettingsFile, SettingsFileError, settingsSchema, writeSettingsFile } from './settings-file.js';
