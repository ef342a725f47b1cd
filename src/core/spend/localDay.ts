// The local calendar day and month of a moment, as the spend ledger files and sums entries (docs/spend.md): spend
// "today" is spend since local midnight, not in the last 24 hours. The time zone comes in as a function of the
// moment (Date.getTimezoneOffset's sign: minutes to add to local time to get UTC), so tests fix it.

/** Minutes UTC is ahead of local time at `at` (Date.prototype.getTimezoneOffset). */
export type TimezoneOffset = (at: number) => number;

export const systemTimezoneOffset: TimezoneOffset = (at) => new Date(at).getTimezoneOffset();

/** `YYYY-MM-DD` of the local day `at` falls in. */
export function localDay(at: number, offset: TimezoneOffset = systemTimezoneOffset): string {
  return isoDate(new Date(at - offset(at) * 60_000));
}

/** `YYYY-MM` of the local month `at` falls in. */
export function localMonth(at: number, offset: TimezoneOffset = systemTimezoneOffset): string {
  return localDay(at, offset).slice(0, 7);
}

/** The `count` local days ending with the day of `now`, oldest first (calendar days: a DST change is still one day). */
export function lastLocalDays(now: number, count: number, offset: TimezoneOffset = systemTimezoneOffset): string[] {
  const today = localDay(now, offset);
  const [year, month, day] = today.split('-').map(Number) as [number, number, number];
  const days: string[] = [];
  for (let back = count - 1; back >= 0; back--) days.push(isoDate(new Date(Date.UTC(year, month - 1, day - back))));
  return days;
}

function isoDate(date: Date): string {
  const pad = (value: number): string => String(value).padStart(2, '0');
  return `${String(date.getUTCFullYear()).padStart(4, '0')}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}
