import { existsSync } from 'node:fs';
import path from 'node:path';
import { listSegments, loadConfig, resolveWardenHome, verifyAuditLog } from '@warden/core';
import { type CliResponse, fail, plural } from './cli-response.js';

export interface AuditVerifyOptions {
  env: NodeJS.ProcessEnv;
  dir: string | undefined;
  json: boolean;
}

async function defaultAuditDir(env: NodeJS.ProcessEnv): Promise<string> {
  try {
    return (await loadConfig({ env })).auditDir;
  } catch {
    // A broken policy must not stop anyone from checking the log.
    return path.join(resolveWardenHome({ env }), 'audit');
  }
}

/** `warden audit verify`: checks the hash chain and the head; exit 1 with every broken place. */
export async function auditVerifyCommand(options: AuditVerifyOptions): Promise<CliResponse> {
  const auditDir = options.dir ? path.resolve(options.dir) : await defaultAuditDir(options.env);
  if (listSegments(auditDir).length === 0) {
    if (options.dir && !existsSync(auditDir)) return fail(`no audit log at ${auditDir}`);
    return { stdout: `No audit log in ${auditDir} yet; nothing to verify.\n`, stderr: '', exitCode: 0 };
  }
  const result = verifyAuditLog({ auditDir });
  if (options.json)
    return { stdout: `${JSON.stringify(result, null, 2)}\n`, stderr: '', exitCode: result.exitCode };
  const notes = result.notes.map((note) => `Note: ${note}\n`).join('');
  if (result.ok) {
    return {
      stdout: `Audit log intact: ${plural(result.records, 'record')} in ${plural(result.files.length, 'file')}, seq 1 to ${result.lastSeq}, last hash ${result.lastHash.slice(0, 16)}…\n${notes}`,
      stderr: '',
      exitCode: 0,
    };
  }
  const where = (problem: (typeof result.problems)[number]) =>
    `${problem.file}${problem.line ? `:${problem.line}` : ''}${problem.seq ? ` (seq ${problem.seq})` : ''}`;
  const [first, ...rest] = result.problems;
  const lines = [
    `Audit log BROKEN at ${where(first!)}: ${first!.message}\n`,
    ...rest.map((problem) => `Also broken at ${where(problem)}: ${problem.message}\n`),
  ];
  return {
    stdout: '',
    stderr: `${lines.join('')}${plural(first!.seq ? first!.seq - 1 : result.records, 'record')} before it verified; ${plural(result.problems.length, 'problem')} in all.\n${notes}`,
    exitCode: result.exitCode,
  };
}
