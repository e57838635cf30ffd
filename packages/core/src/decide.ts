import type { Action } from './action.js';
import { classifyEvent } from './classify/classify-event.js';
import { cloudMetadataFindings } from './classify/cloud-metadata.js';
import { destructiveMcpFinding } from './classify/mcp-actions.js';
import { plantedCommandFinding } from './classify/planted-commands.js';
import type { Decision, Effect, FailurePolicy, Mode, TraceEntry } from './decision.js';
import { applyDetectorActions } from './detectors/apply-detector-actions.js';
import { detectText, textsOf } from './detectors/detect-text.js';
import { DEFAULT_DETECTOR_SETTINGS, type DetectorPhase } from './detectors/detectors-settings.js';
import { AnalysisLimitError } from './errors.js';
import type { Finding } from './finding.js';
import type { GuardEvent, Phase } from './guard-event.js';
import { addMentionedProtectedPaths } from './paths/add-mentioned-protected-paths.js';
import { classifyPath } from './paths/classify-path.js';
import { learnProtectedPaths } from './paths/learn-protected-paths.js';
import type { ProtectedPaths } from './paths/resolve-protected-paths.js';
import type { PathContext } from './paths/types.js';
import type { ActionFacts, CommandFacts, CompiledPolicy, PathFacts } from './policy/compile-policy.js';
import { decideLayered } from './policy/decide-layered.js';
import type { PolicyLayer } from './policy/policy-layer.js';
import { shellCommandFacts } from './policy/shell-facts.js';
import { analyzeShell } from './shell/analyze-shell.js';

/** The settings `decide` needs; `loadConfig` produces them. */
export interface DecideConfig {
  policy: CompiledPolicy;
  mode: Mode;
  /** Failure policy per phase. */
  failure: Record<Phase, FailurePolicy>;
  /** Warden's home (`~/.warden`): its files are protected. */
  home: string;
  /** The user's home directory, for `~` and the home-directory path class. */
  userHome: string;
  /**
   * Every policy source in force, in order (user, org, project). Each is decided apart and the
   * most restrictive effect wins; `policy` is the first layer's. Absent: `policy` alone.
   */
  layers?: PolicyLayer[];
  /** Set by `warden suspend`: every decision is a deny until `warden resume`. */
  suspended?: { since: string; reason?: string };
  /**
   * The places protected beyond the fixed ones (policy files, hook code, PATH directories).
   * Absent: learned from the policy sources, Warden's home and the environment.
   */
  protectedPaths?: ProtectedPaths;
}

/** Learned once per configuration (its layers, or its one policy) and working directory. */
const learnedByConfig = new WeakMap<object, Map<string, ProtectedPaths>>();

function protectedPathsOf(config: DecideConfig, cwd: string): ProtectedPaths {
  if (config.protectedPaths) return config.protectedPaths;
  const owner: object = config.layers ?? config.policy;
  let byCwd = learnedByConfig.get(owner);
  if (!byCwd) {
    byCwd = new Map();
    learnedByConfig.set(owner, byCwd);
  }
  let learned = byCwd.get(cwd);
  if (!learned) {
    learned = learnProtectedPaths({
      wardenHome: config.home,
      userHome: config.userHome,
      cwd,
      policies: [config.policy, ...(config.layers ?? []).map((layer) => layer.compiled)],
    });
    if (byCwd.size >= 16) byCwd.clear();
    byCwd.set(cwd, learned);
  }
  return learned;
}

const SEVERITY: Record<Effect, number> = { allow: 0, ask: 1, deny: 2 };

/**
 * Longest command the shell analysis takes on. Analysis cost grows with the command (every path
 * operand is classified), and a command this long is not typed by anyone: beyond it the failure
 * policy answers, with an `input.oversized` finding.
 */
export const MAX_ANALYZED_COMMAND_CHARS = 64 * 1024;
/** Longest text (prompt, file content, answer) scanned for secrets; the rest is not scanned, and said so. */
export const MAX_SCANNED_TEXT_CHARS = 1024 * 1024;

export interface DecideOptions {
  /** Epoch ms: analysis still running then is abandoned and the failure policy answers. */
  deadline?: number;
}

/** Throws when the deadline has passed; called between units of work that can be long. */
export function checkDeadline(deadline: number | undefined): void {
  if (deadline !== undefined && Date.now() > deadline) {
    throw new AnalysisLimitError({
      limit: 'deadline',
      message: "the analysis did not finish within the hook's deadline",
      finding: { id: 'analysis.deadline', message: "analysis abandoned at the hook's deadline" },
    });
  }
}

function scannedText(text: string, findings: Finding[], subject: string): string {
  if (text.length <= MAX_SCANNED_TEXT_CHARS) return text;
  findings.push({
    id: 'input.oversized',
    message: `${text.length} characters; only the first ${MAX_SCANNED_TEXT_CHARS} were scanned`,
    subject,
  });
  return text.slice(0, MAX_SCANNED_TEXT_CHARS);
}

function factsFor(options: {
  action: Action;
  event: GuardEvent;
  context: PathContext;
  policy: CompiledPolicy;
  deadline?: number;
}): ActionFacts {
  const { action, context, deadline } = options;
  // Detectors run on prompts, tool inputs, tool outputs and answers; session events have no text.
  const phase = options.event.phase === 'session' ? undefined : (options.event.phase as DetectorPhase);
  const settings = options.policy.detectors ?? DEFAULT_DETECTOR_SETTINGS;
  const detect = (text: string, subject: string) =>
    phase ? detectText({ text: scannedText(text, findings, subject), phase, settings, subject }) : [];
  const findings: Finding[] = [];
  let commands: CommandFacts[] = [];
  let paths: PathFacts[] = [];
  let text = action.resources.text ?? '';

  if (action.kind === 'shell.exec') {
    const command = action.resources.command ?? '';
    if (command.length > MAX_ANALYZED_COMMAND_CHARS) {
      throw new AnalysisLimitError({
        limit: 'oversized',
        message: `the command is ${command.length} characters long, more than the ${MAX_ANALYZED_COMMAND_CHARS} Warden analyses`,
        finding: {
          id: 'input.oversized',
          message: `command of ${command.length} characters (limit ${MAX_ANALYZED_COMMAND_CHARS})`,
          subject: 'command',
        },
      });
    }
    text = command;
    const analysis = analyzeShell({ command, cwd: context.cwd, home: context.home });
    checkDeadline(deadline);
    findings.push(...analysis.findings);
    commands = shellCommandFacts({ analysis, context, ...(deadline !== undefined ? { deadline } : {}) });
    addMentionedProtectedPaths({ commands, context });
    findings.push(...detect(command, 'command'));
    findings.push(...cloudMetadataFindings(command, 'command'));
  } else {
    paths = (action.resources.paths ?? []).map((file) => ({
      path: file,
      classes: classifyPath({ path: file, ...context }),
    }));
    if (action.kind === 'file.write' && action.resources.text) {
      for (const file of action.resources.paths ?? []) {
        const planted = plantedCommandFinding({
          path: file,
          text: action.resources.text,
          cwd: context.cwd,
          home: context.home,
        });
        if (planted) findings.push(planted);
      }
    }
    if (action.resources.url) text = text ? `${action.resources.url}\n${text}` : action.resources.url;
    if (action.resources.query) text = action.resources.query;
  }
  // A tool's output is scanned string by string, not as JSON (where a newline is two characters).
  const output = options.event.phase === 'tool_result' ? options.event.tool?.response : undefined;
  if (output !== undefined) findings.push(...detect(textsOf(output).join('\n'), action.kind));
  else if (action.resources.text) findings.push(...detect(action.resources.text, action.kind));
  if (action.kind === 'mcp.call') {
    const destructive = destructiveMcpFinding(action.resources.mcpTool);
    if (destructive) findings.push(destructive);
  }
  if (action.resources.url) {
    findings.push(...detect(action.resources.url, 'url'));
    findings.push(...cloudMetadataFindings(action.resources.url, 'url'));
  }
  if (text.length > MAX_SCANNED_TEXT_CHARS) text = text.slice(0, MAX_SCANNED_TEXT_CHARS);
  return { action, commands, paths, findings, findingIds: findings.map((finding) => finding.id), text };
}

/**
 * Decides one event against the compiled policy. Every matching rule is traced; the most
 * restrictive effect wins (deny > ask > allow), so no allow can undo a deny by its position.
 * Throws only on a bug; callers use `decideSafely` to apply the failure policy.
 */
export function decide(event: GuardEvent, config: DecideConfig, options: DecideOptions = {}): Decision {
  const { deadline } = options;
  const context: PathContext = {
    cwd: event.cwd,
    home: config.userHome,
    wardenHome: config.home,
    protectedPaths: protectedPathsOf(config, event.cwd),
  };
  const actions = classifyEvent({ event, home: config.userHome });
  const trace: TraceEntry[] = [];
  const findings: Finding[] = [];
  let winner: { effect: Effect; ruleId: string; reason: string } | undefined;

  for (const action of actions) {
    checkDeadline(deadline);
    const facts = factsFor({
      action,
      event,
      context,
      policy: config.policy,
      ...(deadline !== undefined ? { deadline } : {}),
    });
    for (const finding of facts.findings) {
      if (!findings.some((known) => known.id === finding.id && known.subject === finding.subject))
        findings.push(finding);
    }
    for (const rule of config.policy.rules) {
      if (!rule.appliesTo({ phase: event.phase, agent: event.agent, action })) continue;
      const matched = rule.match(facts);
      if (matched === undefined) continue;
      trace.push({ ruleId: rule.id, effect: rule.effect, matched });
      if (!winner || SEVERITY[rule.effect] > SEVERITY[winner.effect]) {
        winner = { effect: rule.effect, ruleId: rule.id, reason: rule.reason };
      }
    }
  }

  const policyEffect =
    winner?.effect ?? (event.phase === 'tool_call' ? config.policy.defaultEffect : 'allow');
  const mode = config.mode;
  const decision: Decision = {
    effect: mode === 'observe' ? 'allow' : policyEffect,
    policyEffect,
    ruleId: winner?.ruleId ?? 'default',
    reason:
      winner?.reason ??
      (policyEffect === 'allow' ? 'No rule matched.' : 'No rule matched; the policy default applies.'),
    mode,
    isDefault: winner === undefined,
    actions,
    findings,
    trace,
  };
  return applyDetectorActions({
    decision,
    event,
    settings: config.policy.detectors ?? DEFAULT_DETECTOR_SETTINGS,
  });
}

/**
 * Turns any failure (a bug, invalid input, an unreadable policy) into a decision by the
 * failure policy. This is the only place where the failure policy is applied.
 */
export function failureDecision(options: {
  error: unknown;
  failure: FailurePolicy;
  mode?: Mode;
  actions?: Action[];
}): Decision {
  const message = options.error instanceof Error ? options.error.message : String(options.error);
  const policyEffect: Effect = options.failure === 'closed' ? 'deny' : 'allow';
  const mode = options.mode ?? 'enforce';
  return {
    effect: mode === 'observe' ? 'allow' : policyEffect,
    policyEffect,
    ruleId: 'warden.failure',
    reason:
      options.failure === 'closed'
        ? `Warden could not evaluate this action and its failure policy is "closed", so it is blocked: ${message}`
        : `Warden could not evaluate this action; its failure policy is "open", so it is allowed: ${message}`,
    mode,
    isDefault: false,
    actions: options.actions ?? [],
    findings: [],
    trace: [],
    failure: { policy: options.failure, error: message },
  };
}

/** `decide`, with every exception turned into a failure-policy decision. Never throws. */
export function decideSafely(event: GuardEvent, config: DecideConfig, options: DecideOptions = {}): Decision {
  try {
    if ((config.layers && config.layers.length > 1) || config.suspended)
      return decideLayered({
        event,
        // Every layer protects every layer's policy files.
        config: { ...config, protectedPaths: protectedPathsOf(config, event.cwd) },
        decideOne: (layerEvent, layerConfig) => decide(layerEvent, layerConfig, options),
      });
    return decide(event, config, options);
  } catch (error) {
    const decision = failureDecision({ error, failure: config.failure[event.phase], mode: config.mode });
    // An input too large, or analysis cut off at the deadline, is recorded as a finding too.
    return error instanceof AnalysisLimitError ? { ...decision, findings: [error.finding] } : decision;
  }
}
