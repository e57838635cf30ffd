const UNITS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/** An ISO time, or a time relative to now such as `2h`, `30m`, `7d`; undefined when neither. */
export function parseTime(value: string, now = Date.now()): string | undefined {
  const relative = /^(\d{1,6})([smhdw])$/.exec(value.trim());
  if (relative)
    return new Date(now - Number(relative[1]) * (UNITS[relative[2] as string] as number)).toISOString();
  const time = Date.parse(value);
  return Number.isFinite(time) ? new Date(time).toISOString() : undefined;
}
