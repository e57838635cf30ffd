import { existsSync } from 'node:fs';
import path from 'node:path';
import { findProjectPolicy, loadConfig, loadPolicy, loadProjectLayer, resolveWardenHome } from '@warden/core';
import { type CliResponse, EXIT, fail, plural, respond } from '../cli-response.js';
import type { CommandContext } from '../command-context.js';
import { describePolicyProblem, formatPolicyProblem, type PolicyProblem } from '../policy-problem.js';

export interface PolicyCheckOptions {
  file?: string;
}

interface CheckedSource {
  source: string;
  file?: string;
  ok: boolean;
  rules?: number;
  problem?: PolicyProblem;
  /** What the user must be told about a valid policy (it has no protections). */
  warnings?: string[];
}

/**
 * `warden policy check [FILE]`: validates one policy file, or with no FILE every source in force
 * here (config.yaml, the user's policy, the repository's `.warden/policy.yaml`). Errors name the
 * file, the line and the rule, with a "did you mean". Exit 1 when any is invalid.
 */
export async function policyCheckCommand(
  options: PolicyCheckOptions,
  context: CommandContext,
): Promise<CliResponse> {
  const checked: CheckedSource[] = [];
  if (options.file) {
    const file = path.resolve(context.cwd, options.file);
    if (!existsSync(file)) return fail(`no policy file at ${file}`, EXIT.environment, context.json);
    try {
      const resolved = await loadPolicy({ file });
      checked.push({
        source: 'file',
        file,
        ok: true,
        rules: resolved.rules.length,
        ...(resolved.warnings?.length ? { warnings: resolved.warnings } : {}),
      });
    } catch (error) {
      checked.push({ source: 'file', file, ok: false, problem: describePolicyProblem(error) });
    }
  } else {
    let config: Awaited<ReturnType<typeof loadConfig>> | undefined;
    try {
      config = await loadConfig({ env: context.env });
      const user = config.layers?.[0];
      checked.push({
        source: 'user',
        ...(user?.file ? { file: user.file } : {}),
        ok: true,
        rules: config.policy.rules.length,
        ...(config.policyWarnings?.length ? { warnings: config.policyWarnings } : {}),
      });
    } catch (error) {
      checked.push({ source: 'user', ok: false, problem: describePolicyProblem(error) });
    }
    const home = resolveWardenHome({ env: context.env });
    const project = findProjectPolicy({
      cwd: context.cwd,
      wardenHome: home,
      userHome: config?.userHome ?? context.env.HOME ?? home,
    });
    if (project) {
      if (!config)
        checked.push({
          source: 'project',
          file: project.file,
          ok: false,
          problem: { message: 'not checked: fix the user policy first' },
        });
      else {
        try {
          const layered = await loadProjectLayer({ config, cwd: context.cwd });
          const layer = layered.layers?.find((entry) => entry.source === 'project');
          checked.push({
            source: 'project',
            file: project.file,
            ok: true,
            rules: layer?.compiled.rules.length ?? 0,
          });
        } catch (error) {
          const ids = config.policy.rules.map((rule) => rule.id);
          checked.push({
            source: 'project',
            file: project.file,
            ok: false,
            problem: describePolicyProblem(error, ids),
          });
        }
      }
    }
  }
  const ok = checked.every((entry) => entry.ok);
  const lines = checked.map((entry) =>
    entry.ok
      ? `ok       ${entry.source}: ${entry.file ?? 'built-in pack'} (${plural(entry.rules ?? 0, 'rule')})`
      : `INVALID  ${entry.source}: ${formatPolicyProblem({ ...entry.problem!, ...(entry.problem?.file || !entry.file ? {} : { file: entry.file }) })}`,
  );
  if (!ok)
    lines.push(
      'Until it is fixed, hooks apply the failure policy (closed: every tool call and prompt is blocked).',
    );
  const response = respond({
    json: context.json,
    data: { ok, sources: checked },
    text: lines.join('\n'),
    exitCode: ok ? EXIT.ok : EXIT.failed,
  });
  const warnings = checked.flatMap((entry) => entry.warnings ?? []);
  return {
    ...response,
    stderr: response.stderr + warnings.map((warning) => `warden: warning: ${warning}\n`).join(''),
  };
}
