/**
 * Our review log as the FSRS optimiser (fsrs-rs) reads it. fsrs-rs never sees timestamps:
 * each review is a rating plus `delta_t`, the whole number of *study days* since the card's
 * previous review (0 for the first review and for same-day learning steps), and a training
 * item is one card's history up to and including one review it should predict.
 *
 * The rules follow fsrs-rs's own conversion of an Anki log (convertor_tests.rs, which Anki
 * mirrors):
 * - a card's history starts at its last review from the New state; a card with no such
 *   review is left out, because its early history (which sets stability) is missing;
 * - days are counted from the study-day boundary ("next day starts at", 4 am by default),
 *   so a review at 1 am belongs to the evening before;
 * - every review after the first whose `delta_t` is above 0 is a training item, its history
 *   being every earlier review of the card (same-day steps included, with `delta_t` 0, which
 *   FSRS's short-term formula uses); same-day reviews are never items themselves, since FSRS
 *   predicts recall across days only.
 */
import { DAY_MS } from '../scheduling/day.ts';
import type { UtcOffset } from '../scheduling/day.ts';
import type { Rating } from '../scheduling/types.ts';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

/** One answer from the review log, as much of it as the optimiser needs. */
export interface OptimizerReview {
  cardId: string;
  deckId: string;
  rating: Rating;
  reviewedAt: Date;
  /** The card was in the New state before this answer (its first review, or first after a reset). */
  wasNew: boolean;
  /** The local hour at which the card's deck starts a new study day. */
  dayStartHour: number;
}

/** One review as fsrs-rs sees it, plus when it happened (items are ordered by it). */
export interface FsrsReview {
  rating: Rating;
  /** Whole study days since the card's previous review; 0 for the first and same-day reviews. */
  deltaT: number;
  reviewedAt: Date;
}

/** A card's complete history, oldest first, starting with a review from the New state. */
export interface CardHistory {
  cardId: string;
  deckId: string;
  reviews: FsrsReview[];
}

export interface CardHistories {
  histories: CardHistory[];
  /** Cards left out because their log does not start in the New state. */
  droppedCards: number;
}

/** The flat arrays fsrs-browser's `computeParameters(ratings, delta_ts, lengths, ...)` takes. */
export interface TrainingSet {
  /** Every item's reviews, item after item. */
  ratings: Uint32Array;
  deltaTs: Uint32Array;
  /** The number of reviews of each item: item i is the next `lengths[i]` entries. */
  lengths: Uint32Array;
}

/**
 * A serial number of the study day containing `at`: consecutive days differ by 1, and the
 * day changes at `dayStartHour`:00 local time.
 *
 * @example
 * // 01:30 local on 2 March (UTC+2) still belongs to the study day of 1 March.
 * const offset = fixedUtcOffset(120);
 * studyDayNumber(new Date('2025-03-01T23:30:00Z'), 4, offset) ===
 *   studyDayNumber(new Date('2025-03-01T08:00:00Z'), 4, offset); // true
 */
export function studyDayNumber(at: Date, dayStartHour: number, offset: UtcOffset): number {
  const wall = at.getTime() + offset(at) * MINUTE_MS;
  return Math.floor((wall - dayStartHour * HOUR_MS) / DAY_MS);
}

function byTime(a: OptimizerReview, b: OptimizerReview): number {
  return a.reviewedAt.getTime() - b.reviewedAt.getTime();
}

function historyOf(cardId: string, reviews: OptimizerReview[], offset: UtcOffset): CardHistory | null {
  reviews.sort(byTime);
  let start = -1;
  for (let i = reviews.length - 1; i >= 0; i -= 1) {
    if (reviews[i]?.wasNew) {
      start = i;
      break;
    }
  }
  const first = reviews[start];
  if (first === undefined) return null;
  const kept = reviews.slice(start);
  const days = kept.map((r) => studyDayNumber(r.reviewedAt, r.dayStartHour, offset));
  return {
    cardId,
    deckId: first.deckId,
    reviews: kept.map((r, i) => ({
      rating: r.rating,
      reviewedAt: r.reviewedAt,
      // max(0): a deck whose day-start hour changed can make a later review land on an earlier day.
      deltaT: i === 0 ? 0 : Math.max(0, (days[i] ?? 0) - (days[i - 1] ?? 0)),
    })),
  };
}

/**
 * Groups the log by card, in time order, with `delta_t` in study days.
 *
 * @example
 * const { histories } = cardHistories(reviews, fixedUtcOffset(0));
 * histories[0].reviews.map((r) => r.deltaT); // [0, 0, 2]: new, a 10-minute step, two days later
 */
export function cardHistories(reviews: readonly OptimizerReview[], offset: UtcOffset): CardHistories {
  const byCard = new Map<string, OptimizerReview[]>();
  for (const review of reviews) {
    const list = byCard.get(review.cardId);
    if (list === undefined) byCard.set(review.cardId, [review]);
    else list.push(review);
  }
  const histories: CardHistory[] = [];
  let droppedCards = 0;
  for (const [cardId, list] of byCard) {
    const history = historyOf(cardId, list, offset);
    if (history === null) droppedCards += 1;
    else histories.push(history);
  }
  return { histories, droppedCards };
}

/** Whether review `index` of a history is one FSRS predicts: after the first, on a later day. */
export function isPredicted(history: CardHistory, index: number): boolean {
  return index > 0 && (history.reviews[index]?.deltaT ?? 0) > 0;
}

/**
 * How many reviews the optimiser can learn from: those it would predict.
 *
 * @example
 * // A card answered when new, 10 minutes later and 2 days later: only the last is predicted.
 * usableReviewCount(cardHistories(reviews, offset).histories); // 1
 */
export function usableReviewCount(histories: readonly CardHistory[]): number {
  let count = 0;
  for (const history of histories) {
    for (let i = 1; i < history.reviews.length; i += 1) if (isPredicted(history, i)) count += 1;
  }
  return count;
}

/**
 * The training items of all histories, flattened for fsrs-browser: one item per predicted
 * review, holding the card's reviews up to and including it. Items are in the order of
 * the review they predict, as fsrs-rs's own Anki conversion orders them, so that training
 * (which shuffles with a fixed seed) gives the same weights as the reference conversion.
 *
 * @example
 * // One card: Good (new), Good 10 minutes later, Good 2 days later, Again 5 days after that.
 * buildTrainingSet(histories);
 * // lengths [3, 4]; ratings [3, 3, 3,  3, 3, 3, 1]; deltaTs [0, 0, 2,  0, 0, 2, 5]
 */
export function buildTrainingSet(histories: readonly CardHistory[]): TrainingSet {
  const items: { history: CardHistory; last: number; at: number }[] = [];
  let total = 0;
  for (const history of histories) {
    history.reviews.forEach((review, i) => {
      if (!isPredicted(history, i)) return;
      items.push({ history, last: i, at: review.reviewedAt.getTime() });
      total += i + 1;
    });
  }
  items.sort((a, b) => a.at - b.at);
  const ratings = new Uint32Array(total);
  const deltaTs = new Uint32Array(total);
  const lengths = new Uint32Array(items.length);
  let at = 0;
  items.forEach(({ history, last }, item) => {
    for (let j = 0; j <= last; j += 1) {
      const review = history.reviews[j];
      if (review === undefined) continue;
      ratings[at] = review.rating;
      deltaTs[at] = review.deltaT;
      at += 1;
    }
    lengths[item] = last + 1;
  });
  return { ratings, deltaTs, lengths };
}
