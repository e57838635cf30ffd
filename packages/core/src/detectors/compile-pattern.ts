/**
 * Compiles a detector rule's pattern. Rules written for newer engines use regexp modifiers
 * (`(?i:…)`), which Node only understands from 23 on; on Node 22 the modifier becomes a flag on the
 * whole pattern (slightly broader matching, instead of losing the rule or crashing the hook).
 * Returns null when neither form compiles.
 */
export function compilePattern(pattern: string, flags: string): RegExp | null {
  try {
    return new RegExp(pattern, flags);
  } catch {
    // Fall through to the Node 22 form.
  }
  if (!pattern.includes('(?i:')) return null;
  try {
    return new RegExp(pattern.replaceAll('(?i:', '(?:'), flags.includes('i') ? flags : `${flags}i`);
  } catch {
    return null;
  }
}
