/**
 * Study-day boundaries for statistics: which local day a timestamp belongs to, found in
 * constant time so a million-row pass never builds a `Date` per row.
 *
 * A study day starts at `dayStartHour` local time (Anki's "next day starts at", default 4),
 * so an answer at 02:00 belongs to the day before. Boundaries come from the local-time `Date`
 * constructor, which makes days 23 or 25 hours long across a daylight-saving change; the
 * lookup corrects for that. Days are labelled by the local calendar date they start on.
 */

export const DAY_MS = 86_400_000;
export const DEFAULT_DAY_START_HOUR = 4;

function checkDayStartHour(hour: number): void {
  if (!Number.isInteger(hour) || hour < 0 || hour > 23) {
    throw new RangeError(`dayStartHour must be an integer from 0 to 23, got ${hour}`);
  }
}

/**
 * Epoch ms at which the study day containing `now` began, moved by `offsetDays` study days.
 *
 * @example
 * // 15 Mar 03:59 local, day starts at 4 → 14 Mar 04:00 local
 * studyDayStart(new Date(2024, 2, 15, 3, 59), 4) === new Date(2024, 2, 14, 4).getTime()
 */
export function studyDayStart(now: Date, dayStartHour: number, offsetDays = 0): number {
  checkDayStartHour(dayStartHour);
  const y = now.getFullYear();
  const m = now.getMonth();
  const d = now.getDate();
  // Compare instants rather than hours: robust when the start hour is skipped by a clock change.
  const back = new Date(y, m, d, dayStartHour).getTime() > now.getTime() ? 1 : 0;
  return new Date(y, m, d - back + offsetDays, dayStartHour).getTime();
}

/**
 * Start of a period of `days` study days that ends with today (so `days = 1` is today).
 *
 * @example
 * periodStart(new Date(2024, 2, 15, 10), 4, 7) === new Date(2024, 2, 9, 4).getTime()
 */
export function periodStart(now: Date, dayStartHour: number, days: number): number {
  return studyDayStart(now, dayStartHour, 1 - days);
}

/**
 * Boundaries of `count` consecutive study days, the first `firstOffset` days from today:
 * element i is the start of day i and element `count` the end of the last day.
 *
 * @example
 * dayGrid(now, 4, -364, 365) // the past year, ending with today
 * dayGrid(now, 4, 0, 30)     // today and the next 29 days
 */
export function dayGrid(now: Date, dayStartHour: number, firstOffset: number, count: number): number[] {
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`day count must be a positive integer, got ${count}`);
  checkDayStartHour(dayStartHour);
  const today = new Date(studyDayStart(now, dayStartHour));
  const y = today.getFullYear();
  const m = today.getMonth();
  const d = today.getDate();
  const starts: number[] = [];
  for (let i = 0; i <= count; i++) starts.push(new Date(y, m, d + firstOffset + i, dayStartHour).getTime());
  return starts;
}

/**
 * Index of the day in `starts` (from `dayGrid`) that contains `ms`, or -1 outside the grid.
 *
 * @example
 * dayIndex(dayGrid(now, 4, 0, 30), Date.now()) // 0 for anything in today's study day
 */
export function dayIndex(starts: readonly number[], ms: number): number {
  const count = starts.length - 1;
  const first = starts[0];
  const end = starts[count];
  if (count < 1 || first === undefined || end === undefined || ms < first || ms >= end) return -1;
  // With 24-hour days this guess is exact; a daylight-saving change moves later boundaries
  // by an hour, so the guess can be one day off either way. Step to the right day.
  let i = Math.min(count - 1, Math.floor((ms - first) / DAY_MS));
  while (i > 0 && (starts[i] ?? first) > ms) i--;
  while (i < count - 1 && (starts[i + 1] ?? end) <= ms) i++;
  return i;
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/**
 * 'YYYY-MM-DD' of the local calendar date of `ms`; for a day start, the study day's label.
 *
 * @example
 * dayKey(new Date(2024, 2, 5, 4).getTime()) === '2024-03-05'
 */
export function dayKey(ms: number): string {
  const date = new Date(ms);
  return `${date.getFullYear()}-${pad2(date.getMonth() + 1)}-${pad2(date.getDate())}`;
}
