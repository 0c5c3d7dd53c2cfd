/**
 * Replaying one card's review log through FSRS: the schedule its answers imply. The log is
 * the record of what the person did; the stored card state is a cache of its result, so the
 * two can be compared (see expected-schedule.ts) and the state rebuilt from the log.
 *
 * Fuzz is seeded from the card id and its review count (scheduler.ts), never from the clock,
 * so a replay with the options the answers were given under reproduces every interval
 * exactly, not just approximately.
 *
 * Answers are the only events logged. A reset (domain/card-actions) logs nothing, but the
 * first answer after it starts from a never-studied card, and its `before` snapshot says so:
 * the replay starts again from a new card there, as the app did.
 */
import type { Scheduler } from '../scheduling/scheduler.ts';
import type { CardSchedule, ReviewEntry } from '../scheduling/types.ts';

/** A schedule no answer has touched: what a new card and a freshly reset card look like. */
export function isNeverStudied(schedule: Pick<CardSchedule, 'phase' | 'reps' | 'lastReview'>): boolean {
  return schedule.phase === 'new' && schedule.reps === 0 && schedule.lastReview === null;
}

/**
 * The log in the order its answers were given: by time, ties kept in the given order (the
 * database hands them over by row id, which is the order they were written in).
 */
export function chronological(entries: readonly ReviewEntry[]): ReviewEntry[] {
  return entries
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => a.entry.reviewedAt.getTime() - b.entry.reviewedAt.getTime() || a.index - b.index)
    .map(({ entry }) => entry);
}

/**
 * The schedule one card's answers imply, or null when the log holds none of its answers.
 * `entries` may come in any order (see chronological); all must be of one card. Suspension
 * and burying are not decided by answers, so the result has neither (the caller keeps the
 * stored flags).
 *
 * @example
 * const scheduler = createScheduler(deck.settings);
 * replayCardLog([goodAt10, goodAt1020], scheduler)?.reps; // 2
 * replayCardLog([], scheduler); // null
 */
export function replayCardLog(entries: readonly ReviewEntry[], scheduler: Scheduler): CardSchedule | null {
  let schedule: CardSchedule | null = null;
  for (const entry of chronological(entries)) {
    // A never-studied `before` is the first answer, or the first one after a reset.
    if (schedule === null || isNeverStudied(entry.before)) {
      schedule = scheduler.newSchedule(entry.cardId, entry.deckId, entry.reviewedAt);
    }
    schedule = scheduler.answer(schedule, entry.rating, entry.reviewedAt, entry.durationMs).after;
  }
  return schedule === null ? null : { ...schedule, suspended: false, buriedUntil: null };
}
