import { existsSync } from 'node:fs';
import * as core from '@warden/core';
import { listSegments, verifyAuditLog } from '@warden/core';
import { resolveAuditDir } from '../audit-dir.js';
import { type CliResponse, EXIT, fail, plural, respond } from '../cli-response.js';
import type { CommandContext } from '../command-context.js';

export interface AuditVerifyOptions {
  dir: string | undefined;
  /** Also check the log against the anchors the server holds (core's `verifyAgainstServer`). */
  server: boolean;
}

type VerifyAgainstServer = (options: { env: NodeJS.ProcessEnv; auditDir: string }) => Promise<{
  ok: boolean;
  message?: string;
}>;

/** `warden audit verify`: checks the hash chain; exit 1 with the first broken line. */
export async function auditVerifyCommand(
  options: AuditVerifyOptions,
  context: CommandContext,
): Promise<CliResponse> {
  const { json } = context;
  const auditDir = await resolveAuditDir({ env: context.env, dir: options.dir });
  if (options.server) {
    // Provided by core's device layer; until that ships, say so instead of pretending.
    const verifyAgainstServer = (core as unknown as { verifyAgainstServer?: VerifyAgainstServer })
      .verifyAgainstServer;
    if (typeof verifyAgainstServer !== 'function')
      return fail(
        'audit verify --server needs a newer @warden/core (verifyAgainstServer); update Warden',
        EXIT.environment,
        json,
      );
    const result = await verifyAgainstServer({ env: context.env, auditDir });
    return respond({
      json,
      data: result,
      text: result.ok
        ? `Audit log matches the server's anchors.${result.message ? ` ${result.message}` : ''}`
        : `Audit log does NOT match the server: ${result.message}`,
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
  const problem = result.problem!;
  return respond({
    json,
    data: result,
    text: `Audit log BROKEN at ${problem.file}${problem.line ? `:${problem.line}` : ''}${problem.seq ? ` (seq ${problem.seq})` : ''}: ${problem.message}\n${plural(result.records, 'record')} before it verified.\n${notes}`,
    exitCode: EXIT.failed,
    toStderr: true,
  });
}
