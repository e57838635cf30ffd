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
  Transport,
  UninstallResult,
} from './install.js';
export {
  defaultHookScript,
  detectClaudeCodeVersion,
  hookCommand,
  install,
  isWardenHandler,
  MIN_SESSION_SERVER_VERSION,
  mergeWardenHooks,
  removeWardenHooks,
  SESSION_SERVER_EVENTS,
  settingsPath,
  supportsOnFailure,
  supportsSessionServer,
  uninstall,
} from './install.js';
export type { ProbeSessionServerOptions, ProbeSessionServerResult } from './probe-session-server.js';
export { probeSessionServer } from './probe-session-server.js';
export type { RegistrationOptions, SessionServerCommand } from './register-session-server.js';
export {
  claudeUserConfigPath,
  isWardenServer,
  readRegisteredServer,
  registerSessionServer,
  SESSION_SERVER_NAME,
  unregisterSessionServer,
} from './register-session-server.js';
export type { ServeSessionOptions } from './serve-session.js';
export { serveSession, sessionPidFile } from './serve-session.js';
export type { CreateClaudeCodeSessionHandlerOptions } from './session-handler.js';
export { createClaudeCodeSessionHandler, toSessionAnswer } from './session-handler.js';
export {
  CLAUDE_CODE_SESSION_FIELDS,
  claudeCodeSessionTemplate,
  SESSION_TEMPLATE_VERSION,
  toClaudeCodeHookInput,
} from './session-input.js';
export type { Settings } from './settings-file.js';
export { readSettingsFile, SettingsFileError, settingsSchema, writeSettingsFile } from './settings-file.js';
