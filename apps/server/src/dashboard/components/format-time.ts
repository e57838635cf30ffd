/** `2026-12-07 01:02:03` (UTC): readable, sortable, and the same in every browser. */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toISOString().slice(0, 19).replace('T', ' ');
}

/** `5 min ago`, `3 h ago`, `2 d ago`. */
export function formatAge(options: { iso: string; now: Date }): string {
  const seconds = Math.max(0, Math.round((options.now.getTime() - Date.parse(options.iso)) / 1000));
  if (seconds < 90) return `${seconds} s ago`;
  if (seconds < 90 * 60) return `${Math.round(seconds / 60)} min ago`;
  if (seconds < 36 * 3600) return `${Math.round(seconds / 3600)} h ago`;
  return `${Math.round(seconds / 86400)} d ago`;
}
