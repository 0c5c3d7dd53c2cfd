/**
 * Recomputing a card's memory state from its review log: start from a new card and apply
 * every answer, in time order, through the scheduler of the card's deck. A restore uses this
 * when two browsers each hold answers the other lacks, so that the state reflects them all.
 *
 * Unlike Check database's replay (integrity/replay-card-log.ts) it does not start over at an
 * answer whose `before` is a never-studied card: in a merged log that is usually just the
 * other browser's first answer to the card, not a reset, and starting over there would throw
 * away every answer given before it on this side.
 */
import type { Scheduler } from '../scheduling/scheduler.ts';
import type { CardSchedule, Rating } from '../scheduling/types.ts';
import type { BackupSnapshot } from './backup-types.ts';

/** The parts of a review-log record a replay needs. */
export interface LoggedAnswer {
  rating: Rating;
  reviewedAt: number;
  durationMs: number;
}

/**
 * Our stored snapshot of a schedule (epoch ms, 0/1 flags).
 *
 * @example toSnapshot(scheduler.newSchedule('c', 'd', new Date(0))).due // 0
 */
export function toSnapshot(s: CardSchedule): BackupSnapshot {
  return {
    phase: s.phase,
    due: s.due.getTime(),
    stability: s.stability,
    difficulty: s.difficulty,
    elapsedDays: s.elapsedDays,
    scheduledDays: s.scheduledDays,
    learningSteps: s.learningSteps,
    reps: s.reps,
    lapses: s.lapses,
    lastReview: s.lastReview === null ? null : s.lastReview.getTime(),
    suspended: s.suspended ? 1 : 0,
    buriedUntil: s.buriedUntil === null ? null : s.buriedUntil.getTime(),
  };
}

/**
 * The snapshot after replaying `answers` (any order; sorted here by time, ties kept in the
 * given order). `flags` carries what the log does not decide: suspension and burying.
 *
 * @example
 * replayReviews(createScheduler(), 'c1', 'd1', [{ rating: 3, reviewedAt: t, durationMs: 4000 }], { suspended: 0, buriedUntil: null })
 *   // { phase: 'learning', reps: 1, lastReview: t, … }
 */
export function replayReviews(
  scheduler: Scheduler,
  cardId: string,
  deckId: string,
  answers: readonly LoggedAnswer[],
  flags: Pick<BackupSnapshot, 'suspended' | 'buriedUntil'>,
): BackupSnapshot {
  const ordered = answers
    .map((answer, index) => ({ answer, index }))
    .sort((a, b) => a.answer.reviewedAt - b.answer.reviewedAt || a.index - b.index)
    .map(({ answer }) => answer);
  const first = ordered[0];
  let schedule = scheduler.newSchedule(cardId, deckId, new Date(first === undefined ? 0 : first.reviewedAt));
  for (const answer of ordered) {
    schedule = scheduler.answer(schedule, answer.rating, new Date(answer.reviewedAt), answer.durationMs).after;
  }
  return { ...toSnapshot(schedule), suspended: flags.suspended, buriedUntil: flags.buriedUntil };
}
