/**
 * Card counts by state, as Anki's "Card Counts" chart shows them: each card in exactly one
 * category. Suspended comes first, then buried, then the FSRS phase; review cards are split
 * into young and mature at an interval of 21 days.
 */
import type { CardSchedule } from '../scheduling/types.ts';
import { MATURE_INTERVAL_DAYS } from './stat-review.ts';

export interface CardCounts {
  new: number;
  learning: number;
  relearning: number;
  /** Cards in the review phase: `young + mature`. */
  review: number;
  young: number;
  mature: number;
  suspended: number;
  /** Buried until a moment after `now`. */
  buried: number;
  total: number;
}

/**
 * Counts cards by state at `now` in one pass.
 *
 * @example
 * cardCounts(schedules, now) // → { new: 1, learning: 1, relearning: 1, review: 4, young: 2, mature: 2, suspended: 1, buried: 2, total: 10 }
 */
export function cardCounts(schedules: readonly CardSchedule[], now: Date): CardCounts {
  const nowMs = now.getTime();
  const counts: CardCounts = { new: 0, learning: 0, relearning: 0, review: 0, young: 0, mature: 0, suspended: 0, buried: 0, total: 0 };
  for (const s of schedules) {
    counts.total++;
    if (s.suspended) counts.suspended++;
    else if (s.buriedUntil !== null && s.buriedUntil.getTime() > nowMs) counts.buried++;
    else if (s.phase === 'review') {
      counts.review++;
      if (s.scheduledDays >= MATURE_INTERVAL_DAYS) counts.mature++;
      else counts.young++;
    } else counts[s.phase]++;
  }
  return counts;
}
