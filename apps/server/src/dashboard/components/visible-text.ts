/**
 * Characters that change how text around them is displayed without being seen: bidi overrides
 * and isolates (an "RTL override" makes `exe.txt` read as `txt.exe`), zero-width characters and
 * C0/C1 controls. Event text is attacker-controlled, so the dashboard shows them as visible
 * `⟨U+202E⟩` marks instead of letting them act.
 */
const INVISIBLE =
  /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g;

export function visibleText(text: string): string {
  return text.replace(
    INVISIBLE,
    (char) => `⟨U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}⟩`,
  );
}

/** `visibleText`, cut to `max` characters with a mark saying how much was left out. */
export function clipText(text: string, max: number): string {
  const visible = visibleText(text);
  if (visible.length <= max) return visible;
  return `${visible.slice(0, max)}… (${visible.length - max} more characters)`;
}

/** `visibleText`, cut to `max` characters with an ellipsis: for identifiers in narrow columns. */
export function shortText(text: string, max: number): string {
  const visible = visibleText(text);
  return visible.length <= max ? visible : `${visible.slice(0, max)}…`;
}
