export { type AdapterConformanceOptions, describeAdapterConformance } from './adapter-conformance.ts';
export { type ClaudeEnvironmentOptions, claudeEnvironment } from './claude-environment.ts';
export { codexTurns } from './codex-turns.ts';
export { createTestDecision } from './create-test-decision.ts';
export {
  type InstallWardenForClaudeCodeOptions,
  installWardenForClaudeCode,
} from './install-warden-for-claude-code.ts';
export { readVerifiedAudit } from './read-verified-audit.ts';
export {
  type ClaudePermissionMode,
  type ClaudeStreamMessage,
  type ResolveClaudeCodeBinaryOptions,
  type RunClaudeOptions,
  type RunClaudeResult,
  resolveClaudeCodeBinary,
  runClaude,
} from './run-claude.ts';
export { type RunCodexOptions, type RunCodexResult, runCodex } from './run-codex.ts';
export {
  type ReceivedToolResult,
  type RecordedAnthropicRequest,
  type ScriptedAnthropicServer,
  type ScriptedAnthropicTurn,
  type StartScriptedAnthropicServerOptions,
  startScriptedAnthropicServer,
} from './scripted-anthropic-server.ts';
export {
  type ReceivedToolOutput,
  type RecordedResponsesRequest,
  type ScriptedResponsesServer,
  type ScriptedResponsesTurn,
  type StartScriptedResponsesServerOptions,
  startScriptedResponsesServer,
} from './scripted-responses-server.ts';
export {
  type AgentWorkspace,
  type CreateTempDirOptions,
  createAgentWorkspace,
  createTempDir,
  type TempDir,
} from './temp-dir.ts';
export {
  type CodexHookTrustEntry,
  type TrustCodexHooksOptions,
  trustCodexHooks,
} from './trust-codex-hooks.ts';
export { type WriteCodexConfigOptions, writeCodexConfig } from './write-codex-config.ts';
