export type { Action, ActionKind, ActionResources } from './action.js';
export { ACTION_KINDS, actionKindSchema } from './action.js';
export type { AdapterV1, CommandHookResponse, ParseResult } from './adapter.js';
export type { AuditRecord } from './audit/audit-record.js';
export { auditRecordSchema } from './audit/audit-record.js';
export { auditFilePath, toAuditRecord, writeAuditRecord } from './audit/write-audit-record.js';
export { classifyEvent, TOOL_TABLES } from './classify/classify-event.js';
export { classifyClaudeCodeTool } from './classify/claude-code-tools.js';
export { classifyCodexTool } from './classify/codex-tools.js';
export type { PatchOperation } from './classify/parse-apply-patch.js';
export { parseApplyPatch } from './classify/parse-apply-patch.js';
export type { ClassifyToolOptions, ToolTable } from './classify/tool-table.js';
export { parseMcpToolName } from './classify/tool-table.js';
export type { ConfigFile } from './config/config-file-schema.js';
export { configFileSchema } from './config/config-file-schema.js';
export type { CreateConfigOptions } from './config/create-config.js';
export { createConfig } from './config/create-config.js';
export type { LoadConfigOptions, WardenConfig } from './config/load-config.js';
export { DEFAULT_FAILURE, loadConfig, resolveWardenHome } from './config/load-config.js';
export { createId } from './create-id.js';
export type { DecideConfig } from './decide.js';
export { decide, decideSafely, failureDecision } from './decide.js';
export type { Decision, Effect, FailurePolicy, Mode, TraceEntry } from './decision.js';
export { detectSecrets, redactSecrets, SECRET_PATTERNS } from './detectors/detect-secrets.js';
export { ConfigError, InvalidInputError, PolicyError, TransportError, WardenError } from './errors.js';
export type { Finding } from './finding.js';
export { formatIssue } from './format-issue.js';
export type { GuardOptions, GuardResult } from './guard.js';
export { guard } from './guard.js';
export type { GuardEvent, GuardTool, Phase, RequestContext } from './guard-event.js';
export { guardEventSchema, phaseSchema, requestContextSchema } from './guard-event.js';
export { BUILTIN_PACKS } from './packs/index.js';
export { classifyPath, resolvePath } from './paths/classify-path.js';
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
export { loadPolicy } from './policy/load-policy.js';
export { parsePolicy } from './policy/parse-policy.js';
export type { Conditions, Policy, Rule } from './policy/policy-schema.js';
export {
  conditionsSchema,
  effectSchema,
  failurePolicySchema,
  modeSchema,
  pathClassSchema,
  policySchema,
  ruleSchema,
} from './policy/policy-schema.js';
export type { ResolvedPolicy } from './policy/resolve-policy.js';
export { resolvePolicy } from './policy/resolve-policy.js';
export { analyzeShell } from './shell/analyze-shell.js';
export type { AnalyzeShellOptions, ShellAnalysis, SimpleCommand } from './shell/types.js';
