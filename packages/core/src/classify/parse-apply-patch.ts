export interface PatchOperation {
  kind: 'add' | 'update' | 'delete';
  path: string;
  /** For updates with `*** Move to:`, the new path. */
  moveTo?: string;
  /** Lines added by the operation (without the leading `+`). */
  addedText: string;
}

// Codex trims marker lines with Rust's `str::trim` (Unicode White_Space). JavaScript's `\s` covers
// all of it except U+0085 (NEL), so that is added: a header Codex accepts must never be missed here.
const EDGE_WHITESPACE = /^[\s\u0085]+|[\s\u0085]+$/g;
const HEADER = /^\*\*\* (Add File|Update File|Delete File|Move to): (.+)$/;

/**
 * Reads the file operations out of a Codex `apply_patch` envelope
 * (`*** Begin Patch` ... `*** Add File:` / `*** Update File:` / `*** Delete File:` / `*** Move to:` ... `*** End Patch`).
 *
 * It errs on the side of seeing too much, never too little: every path Codex's own (lenient)
 * parser would touch is reported, and a few it would not (a header indented inside an update
 * hunk, a `*** Move to:` that is not right after its `*** Update File:`). A malformed patch still
 * yields every path it names, so policies see them; Codex rejects it afterwards.
 */
export function parseApplyPatch(patch: string): PatchOperation[] {
  const operations: PatchOperation[] = [];
  let current: PatchOperation | undefined;
  const added: string[] = [];
  const finish = () => {
    if (current) {
      current.addedText = added.join('\n');
      operations.push(current);
    }
    current = undefined;
    added.length = 0;
  };
  for (const rawLine of patch.split(/\r?\n/)) {
    const line = rawLine.replace(EDGE_WHITESPACE, '');
    const header = HEADER.exec(line);
    if (header) {
      const verb = header[1]!;
      const target = header[2]!.replace(EDGE_WHITESPACE, '');
      if (verb === 'Move to') {
        if (current) current.moveTo = target;
        // A stray move line names a path too; record it as a write rather than lose it.
        else operations.push({ kind: 'add', path: target, addedText: '' });
        continue;
      }
      finish();
      const kind = verb === 'Add File' ? 'add' : verb === 'Delete File' ? 'delete' : 'update';
      current = { kind, path: target, addedText: '' };
      continue;
    }
    if (line === '*** End Patch') {
      finish();
      continue;
    }
    // `+` lines count only when unindented, exactly as Codex reads hunk bodies.
    if (current && rawLine.startsWith('+')) added.push(rawLine.slice(1));
  }
  finish();
  return operations;
}
