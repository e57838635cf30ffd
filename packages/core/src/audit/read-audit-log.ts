import { readFileSync } from 'node:fs';
import path from 'node:path';
import { listSegments, segmentFirstSeq } from './audit-files.js';
import { type AuditRecord, auditRecordSchema } from './audit-record.js';
import { sha256Hex } from './sha256.js';

export interface AuditLine {
  record: AuditRecord;
  /** SHA-256 of the line: the next record's `prev`. */
  hash: string;
  file: string;
  line: number;
}

/**
 * Reads the records of the log in order, from `fromSeq` on (segments that end before it are
 * skipped by their names). Lines that do not parse are skipped: `verifyAuditLog` reports them.
 */
export function* readAuditLog(options: { auditDir: string; fromSeq?: number }): Generator<AuditLine> {
  const fromSeq = options.fromSeq ?? 1;
  const segments = listSegments(options.auditDir);
  let start = 0;
  for (let index = 0; index < segments.length; index++) {
    if ((segmentFirstSeq(segments[index]!) ?? 0) <= fromSeq) start = index;
  }
  for (const segment of segments.slice(start)) {
    const file = path.join(options.auditDir, segment);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    const lines = text.split('\n');
    for (let index = 0; index < lines.length; index++) {
      const line = lines[index]!;
      if (!line) continue;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        continue;
      }
      const parsed = auditRecordSchema.safeParse(value);
      if (!parsed.success || parsed.data.seq < fromSeq) continue;
      yield { record: parsed.data, hash: sha256Hex(line), file, line: index + 1 };
    }
  }
}
