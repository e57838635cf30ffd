import { type Decision, decideSafely, loadConfig, loadProjectLayer, type PolicyLayer } from '@warden/core';
import { type CliResponse, EXIT, fail, respond } from '../cli-response.js';
import type { CommandContext } from '../command-context.js';
import { describePolicyProblem, formatPolicyProblem } from '../policy-problem.js';
import { buildTestEvent, TestEventError, type TestEventOptions } from '../test-event.js';

export interface PolicyTestOptions extends Omit<TestEventOptions, 'hookJson'> {
  /** Read a hook payload from standard input. */
  stdin: boolean;
  /** Exit 1 unless the decision is this one (for CI). */
  expect?: 'allow' | 'ask' | 'deny';
}

export interface PolicyTestReport {
  /** What the user must be told about the policy in force (it has no protections). */
  warnings?: string[];
  effect: Decision['effect'];
  policyEffect: Decision['policyEffect'];
  ruleId: string;
  reason: string;
  mode: Decision['mode'];
  layer?: string;
  trace: Decision['trace'];
  findings: Decision['findings'];
  actions: Decision['actions'];
  sources: { source: string; file?: string; trusted?: boolean; canWeaken: boolean; policies: string[] }[];
}

/** Decides a made-up event with the policy in force at `cwd`, exactly as a hook would, recording nothing. */
export async function decideTestEvent(
  options: PolicyTestOptions,
  context: CommandContext,
): Promise<{
  report?: PolicyTestReport;
  error?: CliResponse;
  event?: Awaited<ReturnType<typeof buildTestEvent>>;
}> {
  let event: Awaited<ReturnType<typeof buildTestEvent>>;
  try {
    const hookJson = options.stdin ? await (context.stdin?.() ?? Promise.resolve('')) : undefined;
    event = await buildTestEvent(
      { ...options, ...(hookJson !== undefined ? { hookJson } : {}) },
      context.env,
    );
  } catch (error) {
    if (error instanceof TestEventError) return { error: fail(error.message, EXIT.usage, context.json) };
    throw error;
  }
  let config: Awaited<ReturnType<typeof loadConfig>>;
  try {
    config = await loadProjectLayer({ config: await loadConfig({ env: context.env }), cwd: event.cwd });
  } catch (error) {
    return {
      error: fail(
        `the policy in force is invalid, so hooks apply the failure policy: ${formatPolicyProblem(describePolicyProblem(error))} (run \`warden policy check\`)`,
        EXIT.failed,
        context.json,
      ),
    };
  }
  const decision = decideSafely(event, config);
  const layers: PolicyLayer[] = config.layers ?? [];
  return {
    event,
    report: {
      effect: decision.effect,
      policyEffect: decision.policyEffect,
      ruleId: decision.ruleId,
      reason: decision.reason,
      mode: decision.mode,
      ...(decision.layer ? { layer: decision.layer } : {}),
      trace: decision.trace,
      findings: decision.findings,
      actions: decision.actions,
      ...(config.policyWarnings?.length ? { warnings: config.policyWarnings } : {}),
      sources: layers.map((layer) => ({
        source: layer.source,
        ...(layer.file ? { file: layer.file } : {}),
        ...(layer.trusted !== undefined ? { trusted: layer.trusted } : {}),
        canWeaken: layer.canWeaken,
        policies: layer.compiled.sources,
      })),
    },
  };
}

export function formatTrace(report: PolicyTestReport): string[] {
  if (report.trace.length === 0) return ['  (no rule matched)'];
  return report.trace.map(
    (entry) =>
      `  ${entry.effect.padEnd(5)} ${entry.ruleId}${entry.source ? ` [${entry.source}]` : ''}: ${entry.matched}`,
  );
}

/**
 * `warden policy test -- 'rm -rf ~'` (or `--tool Read --path ~/.ssh/id_rsa`, `--url`, `--prompt`,
 * a hook payload on stdin): the decision, the rule, the reason and the trace. Nothing is written
 * to the audit log. Exit 0, or 1 when `--expect` is given and not met.
 */
export async function policyTestCommand(
  options: PolicyTestOptions,
  context: CommandContext,
): Promise<CliResponse> {
  const { report, error } = await decideTestEvent(options, context);
  if (error) return error;
  const met = !options.expect || options.expect === report!.effect;
  const lines = [
    `Decision: ${report!.effect.toUpperCase()}${report!.mode === 'observe' && report!.policyEffect !== 'allow' ? ` (observe mode; the policy says ${report!.policyEffect})` : ''}`,
    `Rule:     ${report!.ruleId}${report!.layer ? ` [${report!.layer}]` : ''}`,
    `Reason:   ${report!.reason}`,
    'Trace:',
    ...formatTrace(report!),
    `Policy:   ${report!.sources.map((source) => `${source.source}${source.trusted === false ? ' (untrusted: can only restrict)' : source.trusted ? ' (trusted)' : ''} ${source.file ?? source.policies.join(', ')}`).join('; ')}`,
  ];
  if (!met) lines.push(`Expected ${options.expect}, got ${report!.effect}.`);
  const response = respond({
    json: context.json,
    data: { ...report, ...(options.expect ? { expected: options.expect, met } : {}) },
    text: lines.join('\n'),
    exitCode: met ? EXIT.ok : EXIT.failed,
  });
  const warnings = report!.warnings ?? [];
  return {
    ...response,
    stderr: response.stderr + warnings.map((warning) => `warden: warning: ${warning}\n`).join(''),
  };
}
