export type { AskBehaviour, CreateCodexAdapterOptions } from './adapter.js';
export { codexAdapter, codexPhaseOf, createCodexAdapter, renderCodexDecision } from './adapter.js';
export { CodexConfigFileError } from './codex-config-file-error.js';
export type { CodexPathOptions, InstallScope } from './codex-paths.js';
export { codexDirectory, configFilePath, hooksFilePath, resolveCodexHome } from './codex-paths.js';
export type { RunCodexHookOptions } from './hook.js';
export { runCodexHook } from './hook.js';
export type { CodexHookEvent, CodexHookInput, CodexHookInputSchema } from './hook-input-schema.js';
export { CODEX_HOOK_EVENTS, codexHookInputSchema, isCodexHookEvent } from './hook-input-schema.js';
export { hookEventLabel, hookTrustHash, hookTrustKey } from './hook-trust.js';
export type { HookHandler, HooksFile, MatcherGroup } from './hooks-file.js';
export { hooksFileSchema, readHooksFile, writeHooksFile } from './hooks-file.js';
export type {
  CodexDetection,
  CodexTransport,
  FeatureChange,
  HookTrust,
  HookTrustEntry,
  InstallOptions,
  InstallResult,
  StatusOptions,
  StatusResult,
} from './install.js';
export {
  defaultHookScript,
  detectCodex,
  hookCommand,
  install,
  isWardenHandler,
  isWardenSessionServer,
  MCP_TRADE_OFF,
  mergeWardenHooks,
  removeWardenHooks,
  SESSION_SERVER_NAME,
  SESSION_TOOL,
  sessionServerEntry,
  status,
  uninstall,
  wardenHookGroups,
  wardenHookTrust,
  wardenSessionHandler,
} from './install.js';
export { managedRequirementsToml } from './managed-requirements.js';
export type { ServeCodexSessionOptions } from './serve-session.js';
export { serveCodexSession } from './serve-session.js';
export type { CreateCodexSessionHandlerOptions } from './session-handler.js';
export {
  createCodexSessionHandler,
  DEFAULT_SESSION_DEADLINE_MS,
  sessionAnswerText,
} from './session-handler.js';
export type { CodexSessionEvent, NativeInputFromArguments } from './session-templates.js';
export {
  CODEX_SESSION_EVENTS,
  codexSessionInputTemplate,
  isCodexSessionEvent,
  nativeInputFromArguments,
} from './session-templates.js';
