/**
 * The compact review row every statistic reads, and how to make one from a review-log entry.
 *
 * Statistics scan up to a million answers, so they read seven flat fields instead of the
 * full `ReviewEntry` with its two schedule snapshots. The database layer can build this row
 * straight from stored columns (epoch milliseconds, `before.phase`, `before.scheduledDays`)
 * without creating any `Date`; `toStatReview` is the same mapping for an in-memory entry.
 */
import type { Phase, Rating, ReviewEntry } from '../scheduling/types.ts';

export interface StatReview {
  readonly cardId: string;
  readonly deckId: string;
  /** When the answer was given, epoch milliseconds. */
  readonly reviewedAt: number;
  readonly rating: Rating;
  /** Time from question shown to button pressed. */
  readonly durationMs: number;
  /** The card's phase just before this answer (Anki's revlog "type"). */
  readonly phaseBefore: Phase;
  /** The interval in days the card had just before this answer (`before.scheduledDays`; Anki's `lastIvl`). */
  readonly lastIntervalDays: number;
}

/** Anki's line between young and mature: an interval of 21 days or more is mature. */
export const MATURE_INTERVAL_DAYS = 21;

/**
 * Maps a review-log entry to the compact row statistics read.
 *
 * @example
 * toStatReview(entry)
 * // → { cardId, deckId, reviewedAt: entry.reviewedAt.getTime(), rating, durationMs,
 * //     phaseBefore: entry.before.phase, lastIntervalDays: entry.before.scheduledDays }
 */
export function toStatReview(entry: ReviewEntry): StatReview {
  return {
    cardId: entry.cardId,
    deckId: entry.deckId,
    reviewedAt: entry.reviewedAt.getTime(),
    rating: entry.rating,
    durationMs: entry.durationMs,
    phaseBefore: entry.before.phase,
    lastIntervalDays: entry.before.scheduledDays,
  };
}

/** Anki's pass/fail reading of the buttons: anything but Again is a pass. */
export function isPass(rating: Rating): boolean {
  return rating !== 1;
}
