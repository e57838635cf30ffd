/**
 * One CSV cell, quoted, with formula injection neutralised: a cell a spreadsheet would run as a
 * formula (starting with = + - @ or a tab/CR) gets a leading apostrophe.
 */
export function csvCell(value: unknown): string {
  let text =
    value === undefined || value === null ? '' : typeof value === 'string' ? value : JSON.stringify(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}
