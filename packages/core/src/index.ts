import { loadDetectorRules as loadRuleSets } from './detectors/load-detector-rules.js';

export type { Action, ActionKind, ActionResources } from './action.js';
export { ACTION_KINDS, actionKindSchema } from './action.js';
export type { AdapterV1, CommandHookResponse, ParseResult } from './adapter.js';
export type { AuditHead } from './audit/audit-files.js';
export { listSegments, readHead } from './audit/audit-files.js';
export type { AuditHealth } from './audit/audit-health.js';
export { readAuditHealth, recordAuditProblem } from './audit/audit-health.js';
export type { AuditEntry, AuditRecord } from './audit/audit-record.js';
export {
  AUDIT_RECORD_VERSION,
  auditEntrySchema,
  auditRecordSchema,
  GENESIS_HASH,
} from './audit/audit-record.js';
export type { AuditAppendOptions, AuditWriter, AuditWriterOptions } from './audit/create-audit-writer.js';
export { createAuditWriter } from './audit/create-audit-writer.js';
export type { LockHandle } from './audit/lock-file.js';
export { acquireLockSync, tryAcquireLock } from './audit/lock-file.js';
export type { AuditLine } from './audit/read-audit-log.js';
export { readAuditLog } from './audit/read-audit-log.js';
export { sha256Hex } from './audit/sha256.js';
export type { AuditProblem, AuditProblemKind, AuditVerification } from './audit/verify-audit-log.js';
export { verifyAuditLog } from './audit/verify-audit-log.js';
export type { AuditAnchor, AuditWriteTiming, WriteAuditRecordOptions } from './audit/write-audit-record.js';
export {
  DEFAULT_MAX_AUDIT_FILE_BYTES,
  redactValue,
  toAuditEntry,
  writeAuditRecord,
} from './audit/write-audit-record.js';
export { checkToolInput } from './classify/check-tool-input.js';
export { classifyEvent, TOOL_TABLES } from './classify/classify-event.js';
export { classifyClaudeCodeTool } from './classify/claude-code-tools.js';
export { classifyCodexTool } from './classify/codex-tools.js';
export type { PatchOperation } from './classify/parse-apply-patch.js';
export { parseApplyPatch } from './classify/parse-apply-patch.js';
export type { ClassifyToolOptions, ToolTable } from './classify/tool-table.js';
export { parseMcpToolName } from './classify/tool-table.js';
export { finishAfterCrash, finishProcess } from './command-hook/finish-process.js';
export { parseCommandOptions } from './command-hook/parse-command-options.js';
export { MAX_HOOK_INPUT_BYTES, readStandardInput } from './command-hook/read-standard-input.js';
export { requireWithCodeCache } from './command-hook/require-with-code-cache.js';
export { runCommandEntry } from './command-hook/run-command-entry.js';
export type { RunCommandHookOptions } from './command-hook/run-command-hook.js';
export { DEFAULT_HOOK_DEADLINE_MS, runCommandHook } from './command-hook/run-command-hook.js';
export type { WarmCodeCacheOptions } from './command-hook/warm-code-cache.js';
export { warmCodeCache } from './command-hook/warm-code-cache.js';
export type { LauncherOptions } from './command-hook/write-launcher.js';
export { LAUNCHER_DIR, OFF_MARKER, OFF_SCRIPT, writeLauncher } from './command-hook/write-launcher.js';
export type { ConfigFile } from './config/config-file-schema.js';
export { configFileSchema } from './config/config-file-schema.js';
export type { CreateConfigOptions } from './config/create-config.js';
export { createConfig } from './config/create-config.js';
export type { LoadConfigOptions, WardenConfig } from './config/load-config.js';
export { DEFAULT_FAILURE, loadConfig, resolveWardenHome, USER_POLICY_FILE } from './config/load-config.js';
export { Secret } from './config/secret.js';
export type { AktoSettings, BackendId, IngestSettings, ServerSettings } from './config/server-settings.js';
export {
  DEFAULT_DECIDE_TIMEOUT_MS,
  defaultDeviceId,
  resolveIngestSettings,
  resolveServerSettings,
} from './config/server-settings.js';
export { readSuspension, SUSPENSION_FILE, writeSuspension } from './config/suspension.js';
export { createId } from './create-id.js';
export type { DecideConfig } from './decide.js';
export { decide, decideSafely, failureDecision } from './decide.js';
export type { Decision, Effect, FailurePolicy, Mode, TraceEntry } from './decision.js';
export { detectSecrets, redactSecrets, SECRET_PATTERNS } from './detectors/detect-secrets.js';
export { detectText, scanText } from './detectors/detect-text.js';
export type { DetectorMatch } from './detectors/detector-match.js';
export type {
  DetectorAction,
  DetectorActions,
  DetectorFamily,
  DetectorPhase,
  DetectorSettings,
  DetectorsPolicy,
} from './detectors/detectors-settings.js';
export {
  DEFAULT_DETECTOR_SETTINGS,
  detectorsPolicySchema,
  resolveDetectorSettings,
} from './detectors/detectors-settings.js';
export { atrRulesNeeded, scanInjection } from './detectors/injection/scan-injection.js';
export { loadDetectorRules } from './detectors/load-detector-rules.js';
export { loadPhoneFinder } from './detectors/pii/phone-finder.js';
export type { PiiKind } from './detectors/pii/scan-pii.js';
export { PII_KINDS, scanPii } from './detectors/pii/scan-pii.js';
export { prepareDetectors } from './detectors/prepare-detectors.js';
export { redactText } from './detectors/redact-text.js';
export { redactToolOutput } from './detectors/redact-tool-output.js';
export { scanSecrets, secretRulesNeeded } from './detectors/secrets/scan-secrets.js';
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
export { guardEventSchema, phaseSchema, requestContextSchema } from './guard-event.js';
export type { AktoRecordOptions } from './ingest/akto/akto-payload.js';
export { AKTO_PROXY_PATH, aktoQuery, toAktoRecord } from './ingest/akto/akto-payload.js';
export { aktoResponseSchema, parseAktoVerdict } from './ingest/akto/akto-verdict.js';
export { applyRemoteVerdict } from './ingest/apply-remote-verdict.js';
export type {
  BatchOutcome,
  CreateBackendOptions,
  HealthResult,
  IngestBackend,
  RemoteVerdict,
} from './ingest/backend.js';
export { createBackend } from './ingest/backend.js';
export type { Delivery, DeliveryResult } from './ingest/deliver-event.js';
export { deliverEvent, resolveFlushWorker } from './ingest/deliver-event.js';
export type { EvaluateRemotelyOptions, RemoteEvaluation } from './ingest/evaluate-remotely.js';
export { closeRemoteBackends, evaluateRemotely } from './ingest/evaluate-remotely.js';
export type { FlushReport, FlushSpoolOptions } from './ingest/flush-spool.js';
export { backoffDelay, flushSpool } from './ingest/flush-spool.js';
export type { HttpClient, HttpClientOptions, HttpRequest, HttpResponse } from './ingest/http-client.js';
export { HttpStatusError } from './ingest/http-status-error.js';
export { openHttpClient } from './ingest/open-http-client.js';
export type { RemoteOutcome } from './ingest/remote-outcome.js';
export { remoteOutcomeSchema } from './ingest/remote-outcome.js';
export type { EnqueueResult, SpoolLimits, SpoolState, SpoolStatus } from './ingest/spool.js';
export { enqueueEvent, listQueue, readSpoolState, spoolStatus } from './ingest/spool.js';
export { auditRecordToWardenEvent, toWardenEvent } from './ingest/to-warden-event.js';
export type {
  AnchorsResponse,
  DecideRequest,
  DecideResponse,
  ErrorResponse,
  EventBatchRequest,
  EventBatchResponse,
  HealthResponse,
  OrgPolicyCache,
  OrgPolicyResponse,
  Suspension,
  WardenEvent,
} from './ingest/warden-protocol.js';
export {
  ANCHORS_PATH,
  anchorsResponseSchema,
  DECIDE_PATH,
  DEVICE_HEADER,
  decideRequestSchema,
  decideResponseSchema,
  EVENTS_PATH,
  errorResponseSchema,
  eventBatchRequestSchema,
  eventBatchResponseSchema,
  HEALTH_PATH,
  healthResponseSchema,
  MAX_EVENTS_PER_BATCH,
  ORG_POLICY_CACHE_FILE,
  orgPolicyCacheSchema,
  orgPolicyResponseSchema,
  POLICY_PATH,
  suspensionSchema,
  WARDEN_PROTOCOL_VERSION,
  wardenEventSchema,
} from './ingest/warden-protocol.js';
export { lazySchema } from './lazy-schema.js';
export type { OrgPolicyApplied } from './org/apply-org-policy.js';
export { applyOrgPolicy, ORG_RULE_PREFIX, ORG_SUSPENDED_RULE_ID } from './org/apply-org-policy.js';
export type { OrgPolicyCacheRead } from './org/org-policy-cache.js';
export { orgPolicyCachePath, readOrgPolicyCache, writeOrgPolicyCache } from './org/org-policy-cache.js';
export { policyHash } from './org/policy-hash.js';
export type { OrgPolicyRefresh, RefreshOrgPolicyOptions } from './org/refresh-org-policy.js';
export { DEFAULT_ORG_POLICY_REFRESH_SECONDS, refreshOrgPolicy } from './org/refresh-org-policy.js';
export { resolveDeviceId } from './org/resolve-device-id.js';
export type {
  AnchorProblem,
  ServerAuditVerification,
  VerifyAgainstServerOptions,
} from './org/verify-against-server.js';
export { verifyAgainstServer } from './org/verify-against-server.js';
export { BUILTIN_PACKS } from './packs/index.js';
export { classifyPath, globReach, resolvePath, resolveSymlinks } from './paths/classify-path.js';
export type {
  ProtectedEntry,
  ProtectedPaths,
  ResolveProtectedPathsOptions,
} from './paths/resolve-protected-paths.js';
export { resolveProtectedPaths } from './paths/resolve-protected-paths.js';
export type { PathClass, PathContext } from './paths/types.js';
export { PATH_CLASSES } from './paths/types.js';
export type {
  ActionFacts,
  CommandFacts,
  CompiledPolicy,
  CompiledRule,
  PathFacts,
  ResolvedRule,
} from './policy/compile-policy.js';
export { compilePolicy, compileRule } from './policy/compile-policy.js';
export { decideLayered, SUSPENDED_RULE_ID } from './policy/decide-layered.js';
export { findProjectPolicy, PROJECT_POLICY_PATH } from './policy/find-project-policy.js';
export { FALLBACK_PACK, hasProtections, keepProtections } from './policy/keep-protections.js';
export type { LinearRegex } from './policy/linear-regex.js';
export { compileLinearRegex, loadRegexEngine, provideRegexEngine } from './policy/linear-regex.js';
export { loadPolicy } from './policy/load-policy.js';
export type { LayeredConfig } from './policy/load-project-layer.js';
export { loadProjectLayer } from './policy/load-project-layer.js';
export { parsePolicy } from './policy/parse-policy.js';
export type { PolicyLayer } from './policy/policy-layer.js';
export type { Conditions, Policy, Rule } from './policy/policy-schema.js';
export {
  conditionsSchema,
  effectSchema,
  failurePolicySchema,
  modeSchema,
  pathClassSchema,
  policySchema,
  ruleSchema,
  targetAccessSchema,
} from './policy/policy-schema.js';
export type { ResolvedPolicy } from './policy/resolve-policy.js';
export { NO_PARENT, resolvePolicy } from './policy/resolve-policy.js';
export type { TrustedProject } from './policy/trusted-projects.js';
export {
  policyDigest,
  projectTrust,
  readTrustedProjects,
  setProjectTrust,
  TRUSTED_PROJECTS_FILE,
} from './policy/trusted-projects.js';
export type { ConfigCache, CreateConfigCacheOptions } from './session/create-config-cache.js';
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
export {
  DECIDE_TOOL,
  MAX_SESSION_LINE_BYTES,
  runSessionServer,
  SESSION_PROTOCOL_VERSION,
} from './session/run-session-server.js';
export { analyzeShell } from './shell/analyze-shell.js';
export type { ParseShellResult } from './shell/parse-shell.js';
export { parseShell, ShellSyntaxError } from './shell/parse-shell.js';
export type { Script, ShellNode, Word, WordPart } from './shell/shell-syntax.js';
export type {
  AnalyzeShellOptions,
  ShellAnalysis,
  ShellRedirect,
  ShellTarget,
  SimpleCommand,
  TargetAccess,
} from './shell/types.js';

// Long-running users of the library (the server, the CLI, the Agent SDK) decide synchronously
// with every rule set in place; only the command hooks (bundled from runtime.ts) load the rule
// data lazily, when a text needs it. Never throws: without the data only Warden's own rules run.
await loadRuleSets();

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
