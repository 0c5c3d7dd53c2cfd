/**
 * The study day: like Anki, a day starts at a set local hour (4 am by default), so a late
 * session after midnight still belongs to the evening before. "Due today", the daily
 * limits and the per-day statistics all use this boundary.
 *
 * Local time is a parameter too: every function takes a `UtcOffset` (minutes east of UTC in
 * effect at an instant) that defaults to the runtime's zone. Tests pass a fixed or
 * DST-like offset, so they are deterministic whatever zone the machine is in, and no test
 * has to change the process-wide TZ.
 */

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

/** Minutes east of UTC in effect at `at` (e.g. 60 for Paris in winter, -300 for New York). */
export type UtcOffset = (at: Date) => number;

/** The runtime's own time zone, daylight saving included. */
export const localUtcOffset: UtcOffset = (at) => -at.getTimezoneOffset();

/**
 * A zone with a fixed offset and no daylight saving.
 *
 * @example
 * fixedUtcOffset(120)(new Date()); // 120
 */
export function fixedUtcOffset(minutes: number): UtcOffset {
  return () => minutes;
}

function checkHour(dayStartHour: number): void {
  if (!Number.isInteger(dayStartHour) || dayStartHour < 0 || dayStartHour > 23) {
    throw new RangeError(`Day start hour must be a whole hour from 0 to 23, got ${dayStartHour}`);
  }
}

/** The instant at which local wall-clock time reads `wallMs` (wall time written as if UTC). */
function wallToInstant(wallMs: number, offset: UtcOffset): number {
  // Two passes: the offset at the guess, then the offset at the corrected instant, which
  // settles on the right side of a daylight-saving change.
  const guess = wallMs - offset(new Date(wallMs)) * MINUTE_MS;
  return wallMs - offset(new Date(guess)) * MINUTE_MS;
}

/** Wall-clock time of the latest `dayStartHour`:00 at or before `now`'s wall-clock time. */
function dayStartWall(now: Date, dayStartHour: number, offset: UtcOffset): number {
  const wall = now.getTime() + offset(now) * MINUTE_MS;
  const shift = dayStartHour * HOUR_MS;
  return Math.floor((wall - shift) / DAY_MS) * DAY_MS + shift;
}

/**
 * Start of the study day containing `now`: the latest local `dayStartHour`:00 at or before it.
 *
 * @example
 * // 03:30 on 2 March in UTC+2 still belongs to the day that began at 04:00 on 1 March.
 * studyDayStart(new Date('2025-03-02T01:30:00Z'), 4, fixedUtcOffset(120)); // 2025-03-01T02:00:00Z
 */
export function studyDayStart(now: Date, dayStartHour: number, offset: UtcOffset = localUtcOffset): Date {
  checkHour(dayStartHour);
  const wall = dayStartWall(now, dayStartHour, offset);
  let start = wallToInstant(wall, offset);
  // Around a daylight-saving change the converted instant can land after `now`; then the
  // day containing `now` is the one before.
  if (start > now.getTime()) start = wallToInstant(wall - DAY_MS, offset);
  return new Date(start);
}

/**
 * Start of the study day after the one containing `now` (always later than `now`).
 *
 * @example
 * nextStudyDayStart(new Date('2025-03-02T01:30:00Z'), 4, fixedUtcOffset(120)); // 2025-03-02T02:00:00Z
 */
export function nextStudyDayStart(now: Date, dayStartHour: number, offset: UtcOffset = localUtcOffset): Date {
  checkHour(dayStartHour);
  const wall = dayStartWall(now, dayStartHour, offset);
  let next = wallToInstant(wall + DAY_MS, offset);
  if (next <= now.getTime()) next = wallToInstant(wall + 2 * DAY_MS, offset);
  return new Date(next);
}

/**
 * Whether something due at `due` is due in the study day containing `now` (or earlier):
 * it falls due before the next day starts. Used for review cards and for counting
 * learning cards; when a learning card may be *shown* is the queue's business
 * (it is shown once due, or up to the learn-ahead window early when nothing else is left).
 *
 * @example
 * // Due at 03:30 local, checked at 23:00 the evening before: due today (the day ends at 04:00).
 * isDueToday(new Date('2025-03-02T01:30:00Z'), new Date('2025-03-01T21:00:00Z'), 4, fixedUtcOffset(120)); // true
 */
export function isDueToday(due: Date, now: Date, dayStartHour: number, offset: UtcOffset = localUtcOffset): boolean {
  return due.getTime() < nextStudyDayStart(now, dayStartHour, offset).getTime();
}

/**
 * The local calendar date on which the study day containing `now` began, as YYYY-MM-DD:
 * a stable key for grouping the review log by study day.
 *
 * @example
 * studyDayKey(new Date('2025-03-02T01:30:00Z'), 4, fixedUtcOffset(120)); // '2025-03-01'
 */
export function studyDayKey(now: Date, dayStartHour: number, offset: UtcOffset = localUtcOffset): string {
  // From studyDayStart (not the wall clock directly) so the key and the day always agree.
  const start = studyDayStart(now, dayStartHour, offset);
  return new Date(start.getTime() + offset(start) * MINUTE_MS).toISOString().slice(0, 10);
}
