/**
 * Card histories for the integrity tests: a chain of answers as the app gives them (each
 * answer starts from the schedule the previous one produced), with resets in between when
 * asked for, so a test knows the exact schedule the app would have stored.
 */
import fc from 'fast-check';
import { resetProgress } from '../../../../src/domain/card-actions/card-actions.ts';
import type { Scheduler } from '../../../../src/domain/scheduling/scheduler.ts';
import type { CardSchedule, Rating, ReviewEntry } from '../../../../src/domain/scheduling/types.ts';

export const T0 = new Date('2026-03-02T10:00:00Z');
export const MINUTE = 60_000;
export const DAY = 86_400_000;

/** One step of a history: an answer after `gapMs`, or a reset (card browser) after it. */
export type Step = { kind: 'answer'; rating: Rating; gapMs: number; durationMs: number } | { kind: 'reset'; gapMs: number };

export interface History {
  entries: ReviewEntry[];
  /** The schedule the app stores after the last step. */
  final: CardSchedule;
}

export function playHistory(scheduler: Scheduler, steps: readonly Step[], cardId = 'card-1', deckId = 'deck-1'): History {
  let schedule = scheduler.newSchedule(cardId, deckId, T0);
  let now = T0.getTime();
  const entries: ReviewEntry[] = [];
  for (const step of steps) {
    now += step.gapMs;
    if (step.kind === 'reset') {
      schedule = resetProgress(schedule, new Date(now));
      continue;
    }
    const entry = scheduler.answer(schedule, step.rating, new Date(now), step.durationMs);
    entries.push(entry);
    schedule = entry.after;
  }
  return { entries, final: schedule };
}

const rating = fc.constantFrom<Rating>(1, 2, 3, 4);
// From seconds (a fast second answer) to half a year (a long-overdue review).
const gap = fc.oneof(fc.integer({ min: 1_000, max: 30 * MINUTE }), fc.integer({ min: 1, max: 180 }).map((days) => days * DAY));

export const answerStep: fc.Arbitrary<Step> = fc.record({
  kind: fc.constant('answer' as const),
  rating,
  gapMs: gap,
  durationMs: fc.integer({ min: 0, max: 120_000 }),
});

export const resetStep: fc.Arbitrary<Step> = fc.record({ kind: fc.constant('reset' as const), gapMs: gap });

/** 1..20 answers, with an occasional reset among them. */
export const steps: fc.Arbitrary<Step[]> = fc.array(fc.oneof({ weight: 9, arbitrary: answerStep }, { weight: 1, arbitrary: resetStep }), {
  minLength: 1,
  maxLength: 20,
});
