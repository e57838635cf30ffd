export interface PatchOperation {
  kind: 'add' | 'update' | 'delete';
  path: string;
  /** For updates with `*** Move to:`, the new path. */
  moveTo?: string;
  /** Lines added by the operation (without the leading `+`). */
  addedText: string;
}

/**
 * Reads the file operations out of a Codex `apply_patch` envelope
 * (`*** Begin Patch` ... `*** Add File:` / `*** Update File:` / `*** Delete File:` / `*** Move to:` ... `*** End Patch`).
 * It is lenient on purpose: a malformed patch still yields every path it names, so policies
 * see them (Codex itself rejects the malformed patch afterwards).
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
    const line = rawLine.replace(/\s+$/, '');
    const header = /^\*\*\* (Add File|Update File|Delete File|Move to): (.+)$/.exec(line);
    if (header) {
      const [, verb, target] = header;
      if (verb === 'Move to' && current) {
        current.moveTo = target!.trim();
        continue;
      }
      finish();
      const kind = verb === 'Add File' ? 'add' : verb === 'Delete File' ? 'delete' : 'update';
      current = { kind, path: target!.trim(), addedText: '' };
      continue;
    }
    if (line.startsWith('*** ')) {
      if (/^\*\*\* End (Patch|of File)/.test(line) && line.startsWith('*** End Patch')) finish();
      continue;
    }
    if (current && rawLine.startsWith('+')) added.push(rawLine.slice(1));
  }
  finish();
  return operations;
}
