import type { Dispatcher } from 'undici';
import type { AdapterV1 } from './adapter.js';
import type { AuditWriter } from './audit/create-audit-writer.js';
import {
  type AuditAnchor,
  type AuditWriteTiming,
  toAuditEntry,
  type WriteAuditRecordOptions,
  writeAuditRecord,
} from './audit/write-audit-record.js';
import { DEFAULT_FAILURE, loadConfig, resolveWardenHome, type WardenConfig } from './config/load-config.js';
import { createId } from './create-id.js';
import { decideSafely, failureDecision } from './decide.js';
import type { Decision, FailurePolicy } from './decision.js';
import { DEFAULT_DETECTOR_SETTINGS } from './detectors/detectors-settings.js';
import { prepareDetectors } from './detectors/prepare-detectors.js';
import { applySessionTaint } from './detectors/session-taint.js';
import { UnsafePathError } from './errors.js';
import type { GuardEvent, Phase } from './guard-event.js';
import type { Delivery, DeliveryResult } from './ingest/deliver-event.js';
import type { RemoteOutcome } from './ingest/remote-outcome.js';
import type { WardenEvent } from './ingest/warden-protocol.js';
import { monotonicMs } from './monotonic-ms.js';
import { applyOrgPolicy } from './org/apply-org-policy.js';
import { policyHash } from './org/policy-hash.js';
import { resolveDeviceId } from './org/resolve-device-id.js';
import { forgetLookups } from './paths/lookup-cache.js';
import { failurePolicySchema } from './policy/enums.js';
import { loadProjectLayer } from './policy/load-project-layer.js';

export interface GuardOptions<TOutput> {
  adapter: AdapterV1<TOutput>;
  /** The agent's native hook input, already read as JSON (or the raw text when it was not JSON). */
  input: unknown;
  env?: NodeJS.ProcessEnv;
  /** A config loaded once and reused (in-process adapters); otherwise it is loaded now. */
  config?: WardenConfig;
  /** Called with the decision before the output is rendered. */
  onDecision?: (options: { event: GuardEvent; decision: Decision }) => void;
  /**
   * Epoch ms by which the agent must have its answer (the adapter's own deadline, below the
   * agent's hook timeout). A remote verdict is asked only within what is left of it.
   */
  deadline?: number;
  /**
   * How the event reaches a configured server once the answer is ready: `background` (default:
   * queued, and a detached sender started if none runs), `inline` (queued and sent from this
   * process within the ingest budget), `queue` (queued only). No server: nothing happens.
   */
  delivery?: Delivery;
  /**
   * A long-lived audit writer (`createAuditWriter`) for processes that decide many events (the
   * Agent SDK, the session server); without one, each record is a one-shot `writeAuditRecord`.
   * Used when the config's audit directory is the writer's.
   */
  auditWriter?: AuditWriter;
  /** An undici dispatcher for the remote verdict and inline sends (tests, proxies). */
  dispatcher?: Dispatcher;
  /** Appends the audit record (default `writeAuditRecord`); a long-lived process passes its own writer. */
  writeAudit?: (options: WriteAuditRecordOptions) => AuditAnchor;
}

export interface GuardResult<TOutput> {
  output: TOutput;
  decision: Decision;
  event: GuardEvent;
  /** Problems that did not change the decision but must be told (an audit write that failed). */
  warnings: string[];
  /**
   * What the user must be told in the agent's own channel (a system message): the audit record of
   * this answer could not be written, Warden's home was refused, a lock problem was worked around.
   */
  userMessage?: string;
  /** How long the audit append waited for the lock and held it. */
  auditTiming?: AuditWriteTiming;
  /** The remote verdict asked for, when a server with remote evaluation is configured. */
  remote?: RemoteOutcome;
  /** What was done to get the event to the server, when one is configured. */
  delivery?: DeliveryResult;
}

function envFailure(env: NodeJS.ProcessEnv, phase: Phase): FailurePolicy {
  const parsed = failurePolicySchema.safeParse(env.WARDEN_FAILURE?.trim().toLowerCase());
  return parsed.success ? parsed.data : DEFAULT_FAILURE[phase];
}

/** A short, printable excerpt of an input that could not be parsed (the audit writer redacts it). */
function excerptOf(input: unknown): string {
  if (typeof input === 'string') return input.slice(0, 2048);
  try {
    return (JSON.stringify(input) ?? String(input)).slice(0, 2048);
  } catch {
    return '[not serialisable]';
  }
}

/**
 * Actions that cannot change where a path leads: reads, fetches, and a tool's write of a file's
 * content (it writes through a link, it cannot make one). A command, a delete, an MCP call, a
 * subagent or an unknown tool can.
 */
const LINK_SAFE_ACTIONS: ReadonlySet<string> = new Set([
  'file.read',
  'file.write',
  'net.fetch',
  'net.search',
]);

function leavesLinksAlone(decision: Decision): boolean {
  return (
    decision.actions.length > 0 && decision.actions.every((action) => LINK_SAFE_ACTIONS.has(action.kind))
  );
}

/** The part of the hook's deadline kept back for recording and answering after a remote verdict. */
const DEADLINE_RESERVE_MS = 100;

/**
 * One hook invocation, end to end: parse, decide (applying the failure policy to anything that
 * goes wrong: invalid input, an invalid policy, a bug, a remote evaluator that times out),
 * record, render, then hand the event to the server's spool. Never throws.
 *
 * With no server configured, nothing network-related is loaded. With one, the remote verdict
 * (if enabled) is asked within `server.decideTimeoutMs` and the hook's deadline; sending the
 * event happens after the answer is rendered and never delays it beyond a small budget.
 */
export async function guard<TOutput>(options: GuardOptions<TOutput>): Promise<GuardResult<TOutput>> {
  const env = options.env ?? process.env;
  const started = monotonicMs();
  const warnings: string[] = [];
  const parsed = options.adapter.parse(options.input);

  let config = options.config;
  let configError: unknown;
  if (!config) {
    try {
      config = await loadConfig({ env });
    } catch (error) {
      configError = error;
    }
  }

  let event: GuardEvent;
  let decision: Decision;
  let hookEvent: string;
  if (parsed.success) {
    event = parsed.event;
    hookEvent = event.hookEvent;
    if (config) {
      // A repository's .warden/policy.yaml joins the layers for events inside it.
      try {
        config = await loadProjectLayer({ config, cwd: event.cwd });
      } catch (error) {
        configError = error;
      }
    }
    if (config && configError === undefined) {
      const settings = config.policy.detectors ?? DEFAULT_DETECTOR_SETTINGS;
      await prepareDetectors({ event, settings });
      decision = decideSafely(
        event,
        config,
        // Analysis stops early enough to leave time for recording and answering.
        options.deadline !== undefined ? { deadline: options.deadline - DEADLINE_RESERVE_MS } : {},
      );
      const tainted = applySessionTaint({ event, decision, home: config.home, settings });
      decision = tainted.decision;
      if (tainted.warning) warnings.push(tainted.warning);
    } else {
      decision = failureDecision({
        error: configError,
        failure: config ? config.failure[event.phase] : envFailure(env, event.phase),
        mode: config?.mode,
      });
    }
  } else {
    const phase = parsed.phase ?? 'tool_call';
    hookEvent = parsed.hookEvent ?? 'unknown';
    event = {
      id: createId(),
      agent: options.adapter.id,
      hookEvent,
      phase,
      session: parsed.session ?? 'unknown',
      cwd: parsed.cwd ?? process.cwd(),
      timestamp: new Date().toISOString(),
      raw: options.input,
      // What could not be read is recorded too: redacted and cut by the audit writer, and marked.
      meta: { unparsedInput: excerptOf(options.input) },
    };
    decision = failureDecision({
      error: parsed.error,
      failure: config ? config.failure[phase] : envFailure(env, phase),
      mode: config?.mode,
    });
  }

  // A tool that may change where paths lead (a command, a delete, an MCP call) is about to run or
  // has just run: the paths and project policies remembered for the next events are looked up
  // afresh, so a symlink the agent swaps cannot carry an old answer.
  if (event.phase !== 'prompt' && event.phase !== 'response' && !leavesLinksAlone(decision)) forgetLookups();

  const server = config?.server;
  let orgPolicyEtag: string | undefined;
  if (config && server?.backend === 'warden' && parsed.success) {
    // The org policy the background refresh last stored; the hook itself never asks the server.
    try {
      const applied = await applyOrgPolicy({ event, decision, config, serverUrl: server.url });
      decision = applied.decision;
      orgPolicyEtag = applied.etag;
      if (applied.warning) {
        warnings.push(applied.warning);
        event = { ...event, meta: { ...event.meta, orgPolicyWarning: applied.warning } };
      }
    } catch (error) {
      const failed = failureDecision({ error, failure: config.failure[event.phase], mode: config.mode });
      warnings.push(`warden: the org policy could not be applied: ${(error as Error).message}`);
      if (failed.policyEffect === 'deny')
        decision = { ...failed, actions: decision.actions, trace: decision.trace };
    }
  }

  let remote: RemoteOutcome | undefined;
  if (config && server?.decide && parsed.success && event.phase !== 'session') {
    if (decision.policyEffect === 'deny') {
      // A local deny stands whatever the server says: no need to ask.
      remote = { backend: server.backend, status: 'skipped', latencyMs: 0 };
    } else {
      try {
        const budgetMs = Math.min(
          server.decideTimeoutMs,
          options.deadline !== undefined
            ? options.deadline - Date.now() - DEADLINE_RESERVE_MS
            : Number.POSITIVE_INFINITY,
        );
        const [{ evaluateRemotely }, { applyRemoteVerdict }] = await Promise.all([
          import('./ingest/evaluate-remotely.js'),
          import('./ingest/apply-remote-verdict.js'),
        ]);
        const evaluation = await evaluateRemotely({
          server,
          event,
          decision,
          budgetMs,
          ...(options.dispatcher ? { dispatcher: options.dispatcher } : {}),
        });
        const failure = config.failure[event.phase];
        remote =
          evaluation.outcome.status === 'ok'
            ? evaluation.outcome
            : { ...evaluation.outcome, failurePolicy: failure };
        decision = applyRemoteVerdict({
          local: decision,
          outcome: remote,
          verdict: evaluation.verdict,
          failure,
        });
      } catch (error) {
        // Only a bug gets here (evaluateRemotely returns failures as values): same policy.
        const failure = config.failure[event.phase];
        remote = {
          backend: server.backend,
          status: 'error',
          error: String(error),
          failurePolicy: failure,
          latencyMs: 0,
        };
        const failed = failureDecision({ error, failure, mode: config.mode, actions: decision.actions });
        if (failed.policyEffect === 'deny')
          decision = { ...failed, findings: decision.findings, trace: decision.trace };
      }
    }
  }

  try {
    options.onDecision?.({ event, decision });
  } catch (error) {
    warnings.push(`onDecision callback failed: ${(error as Error).message}`);
  }

  // A policy with no protections is told once per session in the agent's channel, and recorded
  // with every event in the audit log.
  let policyNotice: string | undefined;
  if (config?.policyWarnings?.length && parsed.success) {
    event = { ...event, meta: { ...event.meta, policyWarnings: config.policyWarnings } };
    const { notePolicyWarningOnce } = await import('./policy/note-policy-warning-once.js');
    if (notePolicyWarningOnce({ home: config.home, session: event.session, warnings: config.policyWarnings }))
      policyNotice = `Warden: ${config.policyWarnings.join(' ')}`;
  }

  let anchor: AuditAnchor | undefined;
  let auditError: string | undefined;
  let auditTiming: AuditWriteTiming | undefined;
  if (configError instanceof UnsafePathError) {
    // Nothing is written into a home that is not the user's own: the user is told instead.
    auditError = `Warden is not writing its audit log: ${configError.message}`;
  } else if (config?.auditEnabled ?? true) {
    const home = config?.home ?? resolveWardenHome({ env });
    try {
      const auditDir = config?.auditDir ?? `${home}/audit`;
      let notice: string | undefined;
      const entry = toAuditEntry({ event, decision, ...(remote ? { remote } : {}) });
      const onNotice = (message: string) => {
        notice = message;
      };
      const onTiming = (timing: AuditWriteTiming) => {
        auditTiming = timing;
      };
      anchor =
        options.auditWriter?.auditDir === auditDir
          ? options.auditWriter.append(entry, { onNotice, onTiming })
          : (options.writeAudit ?? writeAuditRecord)({
              auditDir,
              entry,
              ...(config?.auditMaxFileBytes ? { maxFileBytes: config.auditMaxFileBytes } : {}),
              onNotice,
              onTiming,
            });
      if (notice) {
        warnings.push(`warden: ${notice}`);
        const { noteLockProblemOnce } = await import('./audit/audit-health.js');
        if (noteLockProblemOnce({ home, message: notice })) auditError = `Warden: ${notice}.`;
      }
    } catch (error) {
      auditError = `Warden could not write its audit log, so this decision is not recorded: ${(error as Error).message}`;
      warnings.push(`warden: could not write the audit log: ${(error as Error).message}`);
      const { recordAuditProblem } = await import('./audit/audit-health.js');
      const health = recordAuditProblem({ home, kind: 'failure', message: (error as Error).message });
      if (health) auditError += ` (${health.failures} failed audit write(s) so far; see \`warden status\`)`;
    }
  }

  let output: TOutput;
  try {
    output = options.adapter.render({ hookEvent, decision, event });
  } catch (error) {
    // A render bug must still produce the failure policy's answer, in the agent's format.
    const fallback = failureDecision({
      error,
      failure: config?.failure[event.phase] ?? envFailure(env, event.phase),
    });
    output = options.adapter.render({ hookEvent, decision: fallback });
    decision = fallback;
  }
  const latencyMs = monotonicMs() - started;

  // The answer is ready; only now is the event handed on to the server.
  let delivery: DeliveryResult | undefined;
  if (config && server && config.ingest?.enabled) {
    const started = monotonicMs();
    try {
      const { deliverEvent } = await import('./ingest/deliver-event.js');
      const client: NonNullable<WardenEvent['client']> = {
        device: resolveDeviceId({ env }),
        ...(options.adapter.package ? { adapter: options.adapter.package } : {}),
        policyHash: policyHash({ policy: config.policy, orgEtag: orgPolicyEtag }),
        ...(orgPolicyEtag ? { orgPolicyEtag } : {}),
        latencyMs: Math.round(latencyMs * 100) / 100,
      };
      delivery = await deliverEvent({
        client,
        config,
        event,
        decision,
        remote,
        anchor,
        env,
        deadline: options.deadline,
        ...(options.delivery ? { delivery: options.delivery } : {}),
        ...(options.dispatcher ? { dispatcher: options.dispatcher } : {}),
      });
      delivery.elapsedMs = monotonicMs() - started;
      if (delivery.message) warnings.push(delivery.message);
    } catch (error) {
      warnings.push(`warden: could not queue the event for the server: ${(error as Error).message}`);
    }
  }
  return {
    output,
    decision,
    event,
    warnings,
    ...(auditError || policyNotice
      ? { userMessage: [auditError, policyNotice].filter(Boolean).join('\n') }
      : {}),
    ...(auditTiming ? { auditTiming } : {}),
    ...(remote ? { remote } : {}),
    ...(delivery ? { delivery } : {}),
  };
}
