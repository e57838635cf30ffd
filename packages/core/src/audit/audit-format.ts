// The audit line format's constants, apart from its zod schemas (audit-record.ts): a command
// hook appends records and needs these, but never validates a record, so it does not build them.

/** Version of the audit line format. v2 added the hash chain (`seq`, `prev`) and `remote`. */
export const AUDIT_RECORD_VERSION = 2;

/** `prev` of the first record of a log. */
export const GENESIS_HASH = '0'.repeat(64);
