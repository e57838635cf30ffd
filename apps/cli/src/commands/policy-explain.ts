import { analyzeShell } from '@warden/core';
import { type CliResponse, respond } from '../cli-response.js';
import type { CommandContext } from '../command-context.js';
import { decideTestEvent, formatTrace, type PolicyTestOptions } from './policy-test.js';

/**
 * `warden policy explain -- 'cmd'`: what Warden sees in an action before it decides: the actions
 * it is classified as, the simple commands a shell line runs (wrappers unwrapped), the findings,
 * then the decision and the rules that matched.
 */
export async function policyExplainCommand(
  options: PolicyTestOptions,
  context: CommandContext,
): Promise<CliResponse> {
  const { report, error, event } = await decideTestEvent(options, context);
  if (error) return error;
  const home = context.env.HOME ?? '';
  const shell = report!.actions
    .filter((action) => action.kind === 'shell.exec' && typeof action.resources.command === 'string')
    .map((action) => {
      const analysis = analyzeShell({ command: action.resources.command as string, cwd: event!.cwd, home });
      return {
        command: action.resources.command as string,
        commands: analysis.commands.map((command) => ({
          program: command.program,
          args: command.args,
          flags: command.flags,
          ...(command.subcommand ? { subcommand: command.subcommand } : {}),
          via: command.via,
        })),
        ...(analysis.parseError ? { parseError: analysis.parseError } : {}),
      };
    });
  const lines: string[] = ['Actions:'];
  for (const action of report!.actions)
    lines.push(
      `  ${action.kind}${action.tool ? ` (tool ${action.tool})` : ''} ${JSON.stringify(action.resources)}`,
    );
  if (report!.actions.length === 0) lines.push('  (none)');
  for (const entry of shell) {
    lines.push(`Shell: ${entry.command}`);
    if (entry.parseError) lines.push(`  could not be fully parsed: ${entry.parseError}`);
    for (const command of entry.commands) {
      lines.push(
        `  ${[command.program, ...command.args].join(' ')}${command.flags.length ? `   flags: ${command.flags.join(' ')}` : ''}${command.subcommand ? `   subcommand: ${command.subcommand}` : ''}${command.via.length ? `   inside: ${command.via.join(' > ')}` : ''}`,
      );
    }
  }
  lines.push('Findings:');
  if (report!.findings.length === 0) lines.push('  (none)');
  for (const finding of report!.findings) lines.push(`  ${finding.id}: ${finding.message}`);
  lines.push(
    `Decision: ${report!.effect.toUpperCase()} by ${report!.ruleId}${report!.layer ? ` [${report!.layer}]` : ''}: ${report!.reason}`,
    'Matched rules:',
    ...formatTrace(report!),
  );
  return respond({ json: context.json, data: { ...report, shell }, text: lines.join('\n') });
}
