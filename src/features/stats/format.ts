/** How the statistics screen writes rates, durations, counts and days. */

const NUMBER = new Intl.NumberFormat(undefined);
const PERCENT = new Intl.NumberFormat(undefined, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
const DAY = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' });
const LONG_DAY = new Intl.DateTimeFormat(undefined, { weekday: 'short', year: 'numeric', month: 'short', day: 'numeric' });

export const formatCount = (n: number): string => NUMBER.format(n);

/** A 0–1 rate as "92.3 %"; an em dash when there is nothing to measure. */
export const formatRate = (rate: number | null): string => (rate === null ? '—' : PERCENT.format(rate));

/** "1 h 05 min", "12 min", "45 s", "0 s". */
export function formatDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}

export const plural = (count: number, one: string, many = `${one}s`): string => `${formatCount(count)} ${count === 1 ? one : many}`;

/** The local date of a 'YYYY-MM-DD' day key. */
export function dayDate(key: string): Date {
  const [y = 1970, m = 1, d = 1] = key.split('-').map(Number);
  return new Date(y, m - 1, d);
}

/** "Mar 5" for chart axes and tables. */
export const shortDay = (key: string): string => DAY.format(dayDate(key));

/** "Thu, Mar 5, 2026" for full descriptions. */
export const longDay = (key: string): string => LONG_DAY.format(dayDate(key));

/** A local 'YYYY-MM-DD' for `date` (file names, the date input's minimum). */
export function isoDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
