// The part of @warden/core that command-hook bundles need at run time. Adapters' hook bundles
// alias `@warden/core` to this file, so that start-up does not pay for building schemas (the
// policy file schema, the audit schema) that a hook run with a built-in pack never uses.
// Everything here is also exported from index.ts.
export type { Action, ActionKind, ActionResources } from './action.js';
export type { AdapterV1, CommandHookResponse, ParseResult } from './adapter.js';
export { checkToolInput } from './classify/check-tool-input.js';
export { classifyEvent } from './classify/classify-event.js';
export { parseMcpToolName } from './classify/tool-table.js';
export { finishAfterCrash, finishProcess } from './command-hook/finish-process.js';
export { parseCommandOptions } from './command-hook/parse-command-options.js';
export { MAX_HOOK_INPUT_BYTES, readStandardInput } from './command-hook/read-standard-input.js';
export { requireWithCodeCache } from './command-hook/require-with-code-cache.js';
export { runCommandEntry } from './command-hook/run-command-entry.js';
export type { RunCommandHookOptions } from './command-hook/run-command-hook.js';
export { DEFAULT_HOOK_DEADLINE_MS, runCommandHook } from './command-hook/run-command-hook.js';
export { warmCodeCache } from './command-hook/warm-code-cache.js';
export { writeLauncher } from './command-hook/write-launcher.js';
export type { LoadConfigOptions, WardenConfig } from './config/load-config.js';
export { DEFAULT_FAILURE, loadConfig, resolveWardenHome } from './config/load-config.js';
export { createId } from './create-id.js';
export { decide, decideSafely, failureDecision } from './decide.js';
export type { Decision, Effect, FailurePolicy, Mode, TraceEntry } from './decision.js';
export {
  AnalysisLimitError,
  ConfigError,
  InvalidInputError,
  PolicyError,
  TransportError,
  WardenError,
} from './errors.js';
export type { Finding } from './finding.js';
export { formatIssue } from './format-issue.js';
export { writeFileAtomically } from './fs/write-file-atomically.js';
export type { GuardOptions, GuardResult } from './guard.js';
export { guard } from './guard.js';
export type { GuardEvent, GuardTool, Phase, RequestContext } from './guard-event.js';
export { lazySchema } from './lazy-schema.js';
export { effectSchema, failurePolicySchema, modeSchema } from './policy/enums.js';
export { type PostToolUseOutput, postToolUseOutput } from './post-tool-use-output.js';
export type { ResidentSocket } from './resident/resident-socket.js';
export { checkResidentSocket, residentSocket } from './resident/resident-socket.js';
export type { RunResidentClientOptions } from './resident/run-resident-client.js';
export { DEFAULT_RESIDENT_TIMEOUT_MS, runResidentClient } from './resident/run-resident-client.js';
export type { ResidentDecider, RunResidentDaemonOptions } from './resident/run-resident-daemon.js';
export { DEFAULT_RESIDENT_IDLE_MS, runResidentDaemon } from './resident/run-resident-daemon.js';
export { startResidentAtInstall } from './resident/start-resident-at-install.js';
export { startResidentProcess } from './resident/start-resident-process.js';
export { warmResidentDecider } from './resident/warm-resident-decider.js';
export type { ConfigCache } from './session/create-config-cache.js';
export { createConfigCache } from './session/create-config-cache.js';
export type { SessionAuditWriter } from './session/create-session-audit-writer.js';
export { createSessionAuditWriter } from './session/create-session-audit-writer.js';
export type { CreateSessionDeciderOptions, SessionDecider } from './session/create-session-decider.js';
export { createSessionDecider } from './session/create-session-decider.js';
export type { CreateSessionToolsOptions, SessionProbes } from './session/create-session-tools.js';
export { createSessionTools } from './session/create-session-tools.js';
export type {
  RunSessionServerOptions,
  SessionExtraTool,
  SessionToolHandler,
} from './session/run-session-server.js';
export { DECIDE_TOOL, runSessionServer } from './session/run-session-server.js';
