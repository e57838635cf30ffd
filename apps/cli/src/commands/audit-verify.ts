import { existsSync } from 'node:fs';
import { listSegments, verifyAgainstServer, verifyAuditLog } from '@warden/core';
import { resolveAuditDir } from '../audit-dir.js';
import { type CliResponse, EXIT, fail, plural, respond } from '../cli-response.js';
import type { CommandContext } from '../command-context.js';

export interface AuditVerifyOptions {
  dir: string | undefined;
  /** Also check the log against the anchors the server holds (core's `verifyAgainstServer`). */
  server: boolean;
}

/** `warden audit verify`: checks the hash chain; exit 1 with every broken place and a head that does not match. */
export async function auditVerifyCommand(
  options: AuditVerifyOptions,
  context: CommandContext,
): Promise<CliResponse> {
  const { json } = context;
  const auditDir = await resolveAuditDir({ env: context.env, dir: options.dir });
  if (options.server) {
    const result = await verifyAgainstServer({ env: context.env, auditDir });
    // No server configured or reachable is an environment problem, not a verdict on the log.
    if (result.error !== undefined)
      return respond({
        json,
        data: result,
        text: `Could not check the audit log against the server: ${result.error}`,
        exitCode: EXIT.environment,
        toStderr: true,
      });
    const problems = result.problems.map((problem) => `  seq ${problem.seq}: ${problem.message}\n`).join('');
    const more =
      result.problemCount > result.problems.length
        ? `  … and ${result.problemCount - result.problems.length} more\n`
        : '';
    return respond({
      json,
      data: result,
      text: result.ok
        ? `Audit log matches the ${plural(result.anchors, 'anchor')} ${result.server} holds for device ${result.device}.`
        : `Audit log does NOT match the server: ${plural(result.problemCount, 'line')} missing or rewritten (device ${result.device}, ${result.server}):\n${problems}${more}`,
      exitCode: result.ok ? EXIT.ok : EXIT.failed,
      toStderr: !result.ok,
    });
  }
  if (listSegments(auditDir).length === 0) {
    if (options.dir && !existsSync(auditDir))
      return fail(`no audit log at ${auditDir}`, EXIT.environment, json);
    return respond({
      json,
      data: { ok: true, records: 0, files: [], auditDir },
      text: `No audit log in ${auditDir} yet; nothing to verify.`,
    });
  }
  const result = verifyAuditLog({ auditDir });
  const notes = result.notes.map((note) => `Note: ${note}\n`).join('');
  if (result.ok) {
    return respond({
      json,
      data: result,
      text: `Audit log intact: ${plural(result.records, 'record')} in ${plural(result.files.length, 'file')}, seq 1 to ${result.lastSeq}, last hash ${result.lastHash.slice(0, 16)}…\n${notes}`,
    });
  }
  const where = (problem: (typeof result.problems)[number]) =>
    `${problem.file}${problem.line ? `:${problem.line}` : ''}${problem.seq ? ` (seq ${problem.seq})` : ''}`;
  const [first, ...rest] = result.problems;
  const lines = first
    ? [
        `Audit log BROKEN at ${where(first)}: ${first.message}\n`,
        ...rest.map((problem) => `Also broken at ${where(problem)}: ${problem.message}\n`),
      ]
    : ['Audit log BROKEN\n'];
  return respond({
    json,
    data: result,
    text: `${lines.join('')}${plural(first?.seq ? first.seq - 1 : result.records, 'record')} before it verified; ${plural(result.problems.length, 'problem')} in all.\n${notes}`,
    exitCode: EXIT.failed,
    toStderr: true,
  });
}
