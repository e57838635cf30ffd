import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { type AuditRecord, auditRecordSchema } from '@warden/core';

/**
 * Every record of an audit log directory, in order, each validated against core's schema (so a
 * test also proves this package writes valid records). Only `.jsonl` files are log files.
 */
export function readAuditRecords(auditDir: string): AuditRecord[] {
  if (!existsSync(auditDir)) return [];
  return readdirSync(auditDir)
    .filter((file) => file.endsWith('.jsonl'))
    .sort()
    .flatMap((file) =>
      readFileSync(path.join(auditDir, file), 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => auditRecordSchema.parse(JSON.parse(line))),
    );
}
