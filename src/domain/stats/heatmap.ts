/**
 * The review calendar: answers per study day over the past year, and study streaks.
 *
 * Days are local study days (see day-grid.ts), oldest first, today last. Streaks are
 * measured inside the window only, so with the default 365 days a streak longer than a
 * year shows as 365.
 */
import { DEFAULT_DAY_START_HOUR, dayGrid, dayIndex, dayKey } from './day-grid.ts';
import type { StatReview } from './stat-review.ts';

export interface HeatmapDay {
  /** Local date the study day starts on, 'YYYY-MM-DD'. */
  day: string;
  count: number;
}

export interface Heatmap {
  days: HeatmapDay[];
  /** Answers inside the window. */
  total: number;
  /** Days with at least one answer. */
  activeDays: number;
  /** Largest daily count, for the colour scale. */
  maxCount: number;
  /** Consecutive days with answers ending today, or yesterday if today has none yet. */
  currentStreak: number;
  longestStreak: number;
  /** The window, [rangeStart, rangeEnd) in epoch ms. */
  rangeStart: number;
  rangeEnd: number;
}

export interface HeatmapOptions {
  now: Date;
  /** Local hour at which the study day starts; default 4. */
  dayStartHour?: number;
  /** Days shown, ending with today; default 365. */
  days?: number;
}

/**
 * Counts answers per study day in one pass over the log.
 *
 * @example
 * const map = reviewHeatmap(reviews, { now: new Date(2024, 2, 15, 10) });
 * map.days.at(-1) // → { day: '2024-03-15', count: 7 }
 */
export function reviewHeatmap(reviews: readonly StatReview[], options: HeatmapOptions): Heatmap {
  const length = options.days ?? 365;
  const hour = options.dayStartHour ?? DEFAULT_DAY_START_HOUR;
  const starts = dayGrid(options.now, hour, 1 - length, length);
  const counts = new Array<number>(length).fill(0);
  let total = 0;
  for (const r of reviews) {
    const i = dayIndex(starts, r.reviewedAt);
    if (i < 0) continue;
    counts[i] = (counts[i] ?? 0) + 1;
    total++;
  }

  const days: HeatmapDay[] = [];
  let activeDays = 0;
  let maxCount = 0;
  let run = 0;
  let longestStreak = 0;
  for (let i = 0; i < length; i++) {
    const count = counts[i] ?? 0;
    days.push({ day: dayKey(starts[i] ?? 0), count });
    if (count > 0) {
      activeDays++;
      run++;
      if (run > longestStreak) longestStreak = run;
      if (count > maxCount) maxCount = count;
    } else {
      run = 0;
    }
  }
  // A day not yet studied does not break the streak until it is over.
  let currentStreak = 0;
  for (let i = (counts[length - 1] ?? 0) > 0 ? length - 1 : length - 2; i >= 0 && (counts[i] ?? 0) > 0; i--) {
    currentStreak++;
  }
  return {
    days,
    total,
    activeDays,
    maxCount,
    currentStreak,
    longestStreak,
    rangeStart: starts[0] ?? 0,
    rangeEnd: starts[length] ?? 0,
  };
}
