import { readAuditLog, verifyAuditLog } from '@warden/core';

/**
 * The records of a Warden audit log, after checking its hash chain: a test that reads what Warden
 * recorded also proves the log is intact. Throws, naming each break, when the chain does not verify
 * (an absent log does not verify either: check for the directory first where none is a result).
 */
export function readVerifiedAudit(options: { auditDir: string }): Array<Record<string, unknown>> {
  const verification = verifyAuditLog({ auditDir: options.auditDir });
  if (!verification.ok) {
    const problems = verification.problems.map((problem) => `${problem.kind}: ${problem.message}`);
    throw new Error(
      `the audit log in ${options.auditDir} does not verify (head ${verification.head.status}): ${problems.join('; ') || 'no records'}`,
    );
  }
  return [...readAuditLog({ auditDir: options.auditDir })].map(
    (line) => line.record as Record<string, unknown>,
  );
}
