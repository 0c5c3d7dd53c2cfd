import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCHEDULING, createScheduler } from '../../../../src/domain/scheduling/scheduler.ts';
import type { CardSchedule, Rating, ReviewEntry } from '../../../../src/domain/scheduling/types.ts';

const MINUTE = 60_000;
const DAY = 86_400_000;
const T0 = new Date('2025-03-01T10:00:00Z');
const at = (ms: number) => new Date(T0.getTime() + ms);

const scheduler = createScheduler(DEFAULT_SCHEDULING);

/** Answers in sequence, each at the moment the card falls due. */
function run(start: CardSchedule, ratings: Rating[]): ReviewEntry[] {
  const entries: ReviewEntry[] = [];
  let card = start;
  for (const rating of ratings) {
    const now = card.phase === 'new' ? T0 : card.due;
    const entry = scheduler.answer(card, rating, now, 1000);
    entries.push(entry);
    card = entry.after;
  }
  return entries;
}

describe('newSchedule', () => {
  it('is a new, unsuspended card due now with no memory yet', () => {
    expect(scheduler.newSchedule('c1', 'd1', T0)).toEqual({
      cardId: 'c1',
      deckId: 'd1',
      phase: 'new',
      due: T0,
      stability: 0,
      difficulty: 0,
      elapsedDays: 0,
      scheduledDays: 0,
      learningSteps: 0,
      reps: 0,
      lapses: 0,
      lastReview: null,
      suspended: false,
      buriedUntil: null,
    });
  });
});

describe('the learning-step sequence (steps 1m 10m)', () => {
  it('goes Again -> 1m, Good -> 10m, Good -> graduates to days', () => {
    const [again, good1, good2] = run(scheduler.newSchedule('c1', 'd1', T0), [1, 3, 3]);
    expect(again?.after.phase).toBe('learning');
    expect(again?.after.due).toEqual(at(MINUTE));
    expect(again?.after.learningSteps).toBe(0);

    expect(good1?.reviewedAt).toEqual(at(MINUTE));
    expect(good1?.after.phase).toBe('learning');
    expect(good1?.after.due).toEqual(at(11 * MINUTE));
    expect(good1?.after.learningSteps).toBe(1);

    expect(good2?.after.phase).toBe('review');
    expect(good2?.after.scheduledDays).toBeGreaterThanOrEqual(1);
    expect(good2?.after.due.getTime()).toBe(at(11 * MINUTE).getTime() + good2!.after.scheduledDays * DAY);
    expect(good2?.after.reps).toBe(3);
  });

  it('Good on a new card goes to the second step (10m), Hard to the midpoint of the steps', () => {
    const card = scheduler.newSchedule('c1', 'd1', T0);
    const preview = scheduler.preview(card, T0);
    expect(preview[3].intervalLabel).toBe('10m');
    expect(preview[3].schedule.phase).toBe('learning');
    expect(preview[2].intervalLabel).toBe('6m');
    expect(preview[1].intervalLabel).toBe('1m');
    expect(preview[4].schedule.phase).toBe('review');
  });

  it('a lapse sends a review card to relearning for 10m and counts the lapse', () => {
    const entries = run(scheduler.newSchedule('c1', 'd1', T0), [3, 3, 3, 1, 3]);
    const lapse = entries[3]!;
    expect(lapse.before.phase).toBe('review');
    expect(lapse.after.phase).toBe('relearning');
    expect(lapse.after.due.getTime() - lapse.reviewedAt.getTime()).toBe(10 * MINUTE);
    expect(lapse.after.lapses).toBe(1);
    expect(lapse.after.stability).toBeLessThan(lapse.before.stability);
    const relearned = entries[4]!;
    expect(relearned.after.phase).toBe('review');
    expect(relearned.after.scheduledDays).toBeGreaterThanOrEqual(1);
  });

  it('uses the configured steps', () => {
    const custom = createScheduler({ ...DEFAULT_SCHEDULING, learningSteps: ['5m', '1h', '3h'], relearningSteps: ['30m'] });
    let card = custom.newSchedule('c1', 'd1', T0);
    const dues: number[] = [];
    let now = T0;
    for (let i = 0; i < 3; i++) {
      const entry = custom.answer(card, 3, now, 0);
      dues.push((entry.after.due.getTime() - now.getTime()) / MINUTE);
      card = entry.after;
      now = card.due;
    }
    expect(dues).toEqual([60, 180, dues[2]]);
    expect(card.phase).toBe('review');
    expect(custom.answer(card, 1, card.due, 0).after.due.getTime() - card.due.getTime()).toBe(30 * MINUTE);
  });
});

describe('answer', () => {
  it('keeps an exact, independent snapshot of the input as `before`', () => {
    const [, second] = run(scheduler.newSchedule('c1', 'd1', T0), [3, 3]);
    const input = second!.after;
    const copy = structuredClone(input);
    const entry = scheduler.answer(input, 3, input.due, 2500);
    expect(entry.before).toEqual(copy);
    expect(input).toEqual(copy); // the input is not mutated
    input.due.setTime(0);
    expect(entry.before.due).toEqual(copy.due); // and the snapshot does not alias it
    expect(entry).toMatchObject({ cardId: 'c1', deckId: 'd1', rating: 3, durationMs: 2500, reviewedAt: copy.due });
  });

  it('carries the suspension and burial flags through', () => {
    const buried = new Date('2025-03-02T04:00:00Z');
    const card = { ...scheduler.newSchedule('c1', 'd1', T0), suspended: true, buriedUntil: buried };
    const entry = scheduler.answer(card, 3, T0, 0);
    expect(entry.after.suspended).toBe(true);
    expect(entry.after.buriedUntil).toEqual(buried);
  });

  it('is deterministic: the same card, rating and time give the same result', () => {
    const [, , graduated] = run(scheduler.newSchedule('c1', 'd1', T0), [3, 3, 3]);
    const card = graduated!.after;
    const later = new Date(card.due.getTime() + 5 * DAY);
    expect(scheduler.answer(card, 3, later, 0)).toEqual(scheduler.answer(card, 3, later, 0));
  });

  it('fuzzes intervals: different cards in the same state spread over several days', () => {
    const intervals = new Set<number>();
    for (let i = 0; i < 40; i++) {
      const entries = run(scheduler.newSchedule(`card-${i}`, 'd1', T0), [3, 3, 3, 3, 3]);
      const card = entries.at(-1)!.after;
      intervals.add(card.scheduledDays);
    }
    expect(intervals.size).toBeGreaterThan(1);
    const unfuzzed = createScheduler({ ...DEFAULT_SCHEDULING, enableFuzz: false });
    const flat = new Set<number>();
    for (let i = 0; i < 10; i++) {
      let card = unfuzzed.newSchedule(`card-${i}`, 'd1', T0);
      let now = T0;
      for (let k = 0; k < 5; k++) {
        card = unfuzzed.answer(card, 3, now, 0).after;
        now = card.due;
      }
      flat.add(card.scheduledDays);
    }
    expect(flat.size).toBe(1);
  });
});

describe('preview', () => {
  it('labels are the intervals answer applies, even when the button is pressed later', () => {
    const rating = fc.constantFrom<Rating>(1, 2, 3, 4);
    fc.assert(
      fc.property(
        fc.array(rating, { maxLength: 8 }),
        rating,
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 0, max: 9 * 60 }),
        (history, pressed, daysLate, secondsToAnswer) => {
          let card = scheduler.newSchedule(`id-${history.length}`, 'd1', T0);
          let now = T0;
          for (const r of history) {
            card = scheduler.answer(card, r, now, 0).after;
            now = new Date(card.due.getTime() + (card.phase === 'review' ? daysLate * DAY : 0));
          }
          // Reveal at 10:00 UTC on the due day, answer up to nine minutes later (same UTC day).
          const shown = new Date(Math.floor(now.getTime() / DAY) * DAY + 10 * 60 * MINUTE);
          const revealed = new Date(Math.max(shown.getTime(), card.lastReview?.getTime() ?? 0));
          const answered = new Date(revealed.getTime() + secondsToAnswer * 1000);
          if (Math.floor(answered.getTime() / DAY) !== Math.floor(revealed.getTime() / DAY)) return;
          const preview = scheduler.preview(card, revealed)[pressed];
          const applied = scheduler.answer(card, pressed, answered, 0).after;
          expect(applied.due.getTime() - answered.getTime()).toBe(preview.intervalMs);
          expect(applied.phase).toBe(preview.schedule.phase);
          expect(applied.stability).toBe(preview.schedule.stability);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('shows days for review cards and ascending intervals Hard < Good < Easy', () => {
    const [, , graduated] = run(scheduler.newSchedule('c1', 'd1', T0), [3, 3, 3]);
    const card = graduated!.after;
    const preview = scheduler.preview(card, card.due);
    expect(preview[1].intervalLabel).toBe('10m');
    expect(preview[2].intervalLabel).toMatch(/^\d+d$/);
    expect(preview[2].intervalMs).toBeLessThan(preview[3].intervalMs);
    expect(preview[3].intervalMs).toBeLessThan(preview[4].intervalMs);
  });
});

describe('retrievability', () => {
  it('is 0 for a new card, 1 just after a review, about the desired retention after S days, then falls', () => {
    const entries = run(scheduler.newSchedule('c1', 'd1', T0), [3, 3, 3, 3]);
    const card = entries.at(-1)!.after;
    expect(scheduler.retrievability(scheduler.newSchedule('c2', 'd1', T0), T0)).toBe(0);
    expect(scheduler.retrievability(card, card.lastReview!)).toBe(1);
    const atStability = new Date(card.lastReview!.getTime() + card.stability * DAY);
    expect(scheduler.retrievability(card, atStability)).toBeCloseTo(0.9, 3);
    const later = new Date(atStability.getTime() + 30 * DAY);
    expect(scheduler.retrievability(card, later)).toBeLessThan(0.9);
    const halfDay = new Date(card.lastReview!.getTime() + DAY / 2);
    expect(scheduler.retrievability(card, halfDay)).toBeLessThan(1);
  });
});

describe('options', () => {
  it('uses the FSRS-6 defaults of the issue', () => {
    expect(DEFAULT_SCHEDULING).toEqual({
      desiredRetention: 0.9,
      learningSteps: ['1m', '10m'],
      relearningSteps: ['10m'],
      maximumIntervalDays: 36_500,
      enableFuzz: true,
    });
  });

  it('rejects invalid retention, steps, maximum interval and weights', () => {
    expect(() => createScheduler({ ...DEFAULT_SCHEDULING, desiredRetention: 1 })).toThrow(RangeError);
    expect(() => createScheduler({ ...DEFAULT_SCHEDULING, desiredRetention: 0 })).toThrow(RangeError);
    expect(() => createScheduler({ ...DEFAULT_SCHEDULING, learningSteps: ['10 min'] })).toThrow(/10 min/);
    expect(() => createScheduler({ ...DEFAULT_SCHEDULING, relearningSteps: ['0m'] })).toThrow(RangeError);
    expect(() => createScheduler({ ...DEFAULT_SCHEDULING, maximumIntervalDays: 0 })).toThrow(RangeError);
    expect(() => createScheduler({ ...DEFAULT_SCHEDULING, weights: [1, 2, 3] })).toThrow(RangeError);
  });

  it('honours the maximum interval', () => {
    const capped = createScheduler({ ...DEFAULT_SCHEDULING, maximumIntervalDays: 3 });
    let card = capped.newSchedule('c1', 'd1', T0);
    let now = T0;
    for (let i = 0; i < 8; i++) {
      card = capped.answer(card, 4, now, 0).after;
      now = card.due;
    }
    expect(card.scheduledDays).toBe(3);
    expect(card.due.getTime() - card.lastReview!.getTime()).toBe(3 * DAY);
    const preview = capped.preview(card, card.due);
    expect([preview[3].intervalLabel, preview[4].intervalLabel]).toEqual(['3d', '3d']);
    expect(preview[2].intervalMs).toBeLessThanOrEqual(3 * DAY);
    expect(capped.answer(card, 4, card.due, 0).after.scheduledDays).toBe(3);
  });

  it('lower desired retention gives longer intervals', () => {
    const low = createScheduler({ ...DEFAULT_SCHEDULING, desiredRetention: 0.8, enableFuzz: false });
    const high = createScheduler({ ...DEFAULT_SCHEDULING, desiredRetention: 0.95, enableFuzz: false });
    const [, , graduated] = run(scheduler.newSchedule('c1', 'd1', T0), [3, 3, 3]);
    const card = graduated!.after;
    expect(low.preview(card, card.due)[3].intervalMs).toBeGreaterThan(high.preview(card, card.due)[3].intervalMs);
  });

  it('exposes a copy of its options', () => {
    const options = { ...DEFAULT_SCHEDULING, learningSteps: ['1m'] };
    const own = createScheduler(options);
    options.learningSteps.push('5m');
    expect(own.options.learningSteps).toEqual(['1m']);
  });
});
