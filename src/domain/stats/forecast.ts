/**
 * The due forecast: how many cards fall due on each of the coming study days.
 *
 * Cards already overdue are counted on day 0 (today), as they will be shown today.
 * Suspended cards and new cards (never "due" in the review sense) are left out. A buried
 * card is counted when its burial ends, if that is later than its due date.
 */
import type { CardSchedule } from '../scheduling/types.ts';
import { DEFAULT_DAY_START_HOUR, dayGrid, dayIndex, dayKey } from './day-grid.ts';

export interface ForecastDay {
  /** Local date the study day starts on, 'YYYY-MM-DD'. */
  day: string;
  count: number;
}

export interface DueForecast {
  /** Today first. */
  days: ForecastDay[];
  /** Cards due on an earlier study day; already included in day 0. */
  overdue: number;
  /** Cards due after the last day shown. */
  later: number;
  /** Cards counted: the days plus `later`. */
  total: number;
}

export interface ForecastOptions {
  now: Date;
  /** Local hour at which the study day starts; default 4. */
  dayStartHour?: number;
  /** Days shown, today included; default 30 (the screen also asks for 90). */
  days?: number;
}

/**
 * Buckets due dates by study day in one pass over the card states.
 *
 * @example
 * dueForecast(schedules, { now, days: 30 }).days[0] // → { day: '2024-03-15', count: 4 }
 */
export function dueForecast(schedules: readonly CardSchedule[], options: ForecastOptions): DueForecast {
  const length = options.days ?? 30;
  const starts = dayGrid(options.now, options.dayStartHour ?? DEFAULT_DAY_START_HOUR, 0, length);
  const todayStart = starts[0] ?? 0;
  const counts = new Array<number>(length).fill(0);
  let overdue = 0;
  let later = 0;
  let total = 0;
  for (const s of schedules) {
    if (s.suspended || s.phase === 'new') continue;
    total++;
    let due = s.due.getTime();
    const buriedUntil = s.buriedUntil?.getTime() ?? 0;
    if (buriedUntil > due) due = buriedUntil;
    if (due < todayStart) {
      overdue++;
      counts[0] = (counts[0] ?? 0) + 1;
      continue;
    }
    const i = dayIndex(starts, due);
    if (i < 0) later++;
    else counts[i] = (counts[i] ?? 0) + 1;
  }
  const days = counts.map((count, i) => ({ day: dayKey(starts[i] ?? 0), count }));
  return { days, overdue, later, total };
}
