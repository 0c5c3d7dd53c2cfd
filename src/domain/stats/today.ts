/**
 * "Today" on the statistics screen: how much was studied in the current study day.
 *
 * The study day runs from `dayStartHour` local time to the same hour the next day, the way
 * Anki's "next day starts at" works; local time comes from the `Date` local-time methods.
 */
import { DEFAULT_DAY_START_HOUR, studyDayStart } from './day-grid.ts';
import type { StatReview } from './stat-review.ts';

export interface TodayStats {
  /** Answers given today. */
  reviews: number;
  /** Different cards answered today. */
  distinctCards: number;
  /** Time spent answering, in milliseconds. */
  durationMs: number;
  againCount: number;
  /** Share of today's answers that were Again, 0–1; null when nothing was studied. */
  againRate: number | null;
  /** Answers to new or learning cards (Anki's "Learn" count). */
  learning: number;
  /** Answers to cards in the review phase. */
  review: number;
  /** Answers to cards relearning after a lapse. */
  relearning: number;
  /** The study day counted: [dayStart, dayEnd) in epoch ms. */
  dayStart: number;
  dayEnd: number;
}

export interface TodayOptions {
  now: Date;
  /** Local hour at which the study day starts; default 4. */
  dayStartHour?: number;
}

/**
 * Sums the answers of the study day containing `now`, in one pass.
 *
 * @example
 * todayStats(reviews, { now: new Date(2024, 2, 15, 10), dayStartHour: 4 })
 * // → { reviews: 7, distinctCards: 5, durationMs: 45000, againCount: 3, againRate: 0.43, … }
 */
export function todayStats(reviews: readonly StatReview[], options: TodayOptions): TodayStats {
  const hour = options.dayStartHour ?? DEFAULT_DAY_START_HOUR;
  const dayStart = studyDayStart(options.now, hour);
  const dayEnd = studyDayStart(options.now, hour, 1);
  const cards = new Set<string>();
  let count = 0;
  let durationMs = 0;
  let againCount = 0;
  let learning = 0;
  let review = 0;
  let relearning = 0;
  for (const r of reviews) {
    if (r.reviewedAt < dayStart || r.reviewedAt >= dayEnd) continue;
    count++;
    cards.add(r.cardId);
    durationMs += r.durationMs;
    if (r.rating === 1) againCount++;
    if (r.phaseBefore === 'review') review++;
    else if (r.phaseBefore === 'relearning') relearning++;
    else learning++;
  }
  return {
    reviews: count,
    distinctCards: cards.size,
    durationMs,
    againCount,
    againRate: count === 0 ? null : againCount / count,
    learning,
    review,
    relearning,
    dayStart,
    dayEnd,
  };
}
