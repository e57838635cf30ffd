export interface DiffLine {
  kind: 'same' | 'add' | 'del';
  text: string;
}

/**
 * A line diff (longest common subsequence) of two small texts, for showing a drafted org-policy
 * change before anyone applies it. Policies are a few hundred lines at most; past 4,000 lines on
 * either side the diff degrades to "everything removed, everything added" rather than use
 * quadratic memory.
 */
export function lineDiff(options: { before: string; after: string }): DiffLine[] {
  const a = splitLines(options.before);
  const b = splitLines(options.after);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const head = a.slice(0, start).map((text): DiffLine => ({ kind: 'same', text }));
  const tail = a.slice(endA).map((text): DiffLine => ({ kind: 'same', text }));
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  if (midA.length > 4000 || midB.length > 4000) {
    return [
      ...head,
      ...midA.map((text): DiffLine => ({ kind: 'del', text })),
      ...midB.map((text): DiffLine => ({ kind: 'add', text })),
      ...tail,
    ];
  }
  const rows = midA.length + 1;
  const cols = midB.length + 1;
  const table = new Uint32Array(rows * cols);
  for (let i = midA.length - 1; i >= 0; i--) {
    for (let j = midB.length - 1; j >= 0; j--) {
      table[i * cols + j] =
        midA[i] === midB[j]
          ? table[(i + 1) * cols + j + 1]! + 1
          : Math.max(table[(i + 1) * cols + j]!, table[i * cols + j + 1]!);
    }
  }
  const middle: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < midA.length && j < midB.length) {
    if (midA[i] === midB[j]) {
      middle.push({ kind: 'same', text: midA[i]! });
      i++;
      j++;
    } else if (table[(i + 1) * cols + j]! >= table[i * cols + j + 1]!) {
      middle.push({ kind: 'del', text: midA[i++]! });
    } else {
      middle.push({ kind: 'add', text: midB[j++]! });
    }
  }
  while (i < midA.length) middle.push({ kind: 'del', text: midA[i++]! });
  while (j < midB.length) middle.push({ kind: 'add', text: midB[j++]! });
  return [...head, ...middle, ...tail];
}

function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
}
