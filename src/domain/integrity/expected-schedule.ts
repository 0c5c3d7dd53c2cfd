/**
 * What a card's stored schedule should be, given its review log: the check compares the
 * stored schedule with this and a repair writes this. The log decides everything an answer
 * decides; a few things are decided without a log row, and those are taken from the stored
 * schedule instead of being "repaired" away:
 *
 * - suspended / buried: the person's flags (card browser, leech suspension);
 * - a reset (card browser): it leaves a never-studied card and logs nothing, so a stored
 *   never-studied schedule with answers in the log is a reset, not a lost write;
 * - the due date and interval, while the stored schedule has seen exactly the logged answers
 *   (same count since the last reset, same last answer): "set due date" moves the due date
 *   without a log row, and a change of desired retention or maximum interval gives new
 *   intervals only from the next answer on, as in Anki. A due date that is not a valid
 *   instant is always replaced.
 *
 * So the check finds a state that missed an answer or got one twice (reps, last review), a
 * memory state (stability, difficulty, lapses, phase) that the answers do not produce under
 * the deck's options, and values that are not numbers. New FSRS weights from the optimiser
 * count as such a difference: a repair recomputes memory states from the full history with
 * them, which is what Anki does when weights change.
 */
import type { Scheduler } from '../scheduling/scheduler.ts';
import type { CardSchedule, ReviewEntry } from '../scheduling/types.ts';
import { compareSchedules, type FieldDifference } from './compare-schedules.ts';
import { isNeverStudied, replayCardLog } from './replay-card-log.ts';

const validInstant = (date: Date | null): date is Date => date !== null && Number.isFinite(date.getTime());
const sameInstant = (a: Date | null, b: Date | null) => (a === null || b === null ? a === b : a.getTime() === b.getTime());

function withStoredFlags(schedule: CardSchedule, stored: CardSchedule): CardSchedule {
  return {
    ...schedule,
    suspended: stored.suspended,
    // An unreadable burial date is dropped: the card simply comes back into the queue.
    buriedUntil: validInstant(stored.buriedUntil) ? new Date(stored.buriedUntil.getTime()) : null,
  };
}

/**
 * The schedule `stored` should have, given the card's logged answers (any order) and the
 * scheduler of its deck. `now` dates a never-studied card whose stored due date is unreadable
 * (new cards are introduced in deck order, so their due date orders nothing).
 *
 * @example
 * expectedSchedule(storedAfterTwoGoods, twoGoodEntries, scheduler, now); // equal to stored
 * expectedSchedule({ ...stored, reps: 1 }, twoGoodEntries, scheduler, now).reps; // 2
 */
export function expectedSchedule(stored: CardSchedule, log: readonly ReviewEntry[], scheduler: Scheduler, now: Date): CardSchedule {
  const replayed = isNeverStudied(stored) ? null : replayCardLog(log, scheduler);
  if (replayed === null) {
    const due = validInstant(stored.due) ? stored.due : now;
    return withStoredFlags(scheduler.newSchedule(stored.cardId, stored.deckId, due), stored);
  }
  const sameAnswers = stored.reps === replayed.reps && sameInstant(stored.lastReview, replayed.lastReview);
  const keepDue = sameAnswers && validInstant(stored.due) && Number.isFinite(stored.scheduledDays) && stored.scheduledDays >= 0;
  const schedule = keepDue ? { ...replayed, due: new Date(stored.due.getTime()), scheduledDays: stored.scheduledDays } : replayed;
  return withStoredFlags(schedule, stored);
}

export interface CardCheck {
  /** What the schedule should be; equal to the stored one when `differences` is empty. */
  expected: CardSchedule;
  differences: FieldDifference[];
}

/**
 * Checks one card: the differences between its stored schedule and the expected one.
 *
 * @example
 * checkCard(stored, log, scheduler, now).differences; // [] for a healthy card
 */
export function checkCard(stored: CardSchedule, log: readonly ReviewEntry[], scheduler: Scheduler, now: Date): CardCheck {
  const expected = expectedSchedule(stored, log, scheduler, now);
  return { expected, differences: compareSchedules(stored, expected) };
}
