import fc from 'fast-check';
import { default_w } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import { resetProgress, setDueDate, setSuspended, buryUntilNextDay } from '../../../../src/domain/card-actions/card-actions.ts';
import { fixedUtcOffset } from '../../../../src/domain/scheduling/day.ts';
import { checkCard } from '../../../../src/domain/integrity/expected-schedule.ts';
import { replayCardLog } from '../../../../src/domain/integrity/replay-card-log.ts';
import { createScheduler, DEFAULT_SCHEDULING } from '../../../../src/domain/scheduling/scheduler.ts';
import type { CardSchedule } from '../../../../src/domain/scheduling/types.ts';
import { DAY, MINUTE, playHistory, steps, T0, type Step } from './history.ts';

const scheduler = createScheduler(DEFAULT_SCHEDULING);
const NOW = new Date(T0.getTime() + 400 * DAY);
const fields = (stored: CardSchedule, log: Parameters<typeof checkCard>[1], s = scheduler) =>
  checkCard(stored, log, s, NOW).differences.map((d) => d.field);

const goods: Step[] = [
  { kind: 'answer', rating: 3, gapMs: 0, durationMs: 2000 },
  { kind: 'answer', rating: 3, gapMs: 10 * MINUTE, durationMs: 2000 },
  { kind: 'answer', rating: 3, gapMs: 3 * DAY, durationMs: 2000 },
];

describe('checkCard on healthy cards', () => {
  it('finds nothing for any history the app can produce, resets included', () => {
    fc.assert(
      fc.property(steps, (history) => {
        const { entries, final } = playHistory(scheduler, history);
        expect(checkCard(final, entries, scheduler, NOW).differences).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('finds nothing for a new card with no answers', () => {
    expect(fields(scheduler.newSchedule('c', 'd', T0), [])).toEqual([]);
  });

  it('keeps what the card browser decided without a log row: suspension, burying, a reset, a new due date', () => {
    const { entries, final } = playHistory(scheduler, goods);
    const offset = fixedUtcOffset(0);
    const moved = setDueDate(final, new Date(final.due.getTime() + 5 * DAY), final.due, 4, offset);
    expect(moved).not.toBeNull();
    for (const changed of [
      setSuspended(final, true),
      buryUntilNextDay(final, final.due, 4, offset),
      resetProgress(final, NOW),
      moved!,
    ]) {
      expect(fields(changed, entries)).toEqual([]);
    }
  });

  it('keeps due dates given under another desired retention: new intervals start at the next answer', () => {
    const { entries, final } = playHistory(scheduler, goods);
    expect(fields(final, entries, createScheduler({ ...DEFAULT_SCHEDULING, desiredRetention: 0.8 }))).toEqual([]);
  });
});

describe('checkCard on damaged cards', () => {
  const { entries, final } = playHistory(scheduler, goods);

  it('a state that missed the last answer: the replayed schedule, due date included', () => {
    const missed = playHistory(scheduler, goods.slice(0, 2)).final;
    const check = checkCard(missed, entries, scheduler, NOW);
    expect(check.differences.map((d) => d.field)).toEqual(expect.arrayContaining(['due', 'stability', 'reps', 'lastReview']));
    expect(check.expected).toEqual(final);
  });

  it('a state that got an answer twice', () => {
    const twice = scheduler.answer(final, 3, final.lastReview!, 2000).after;
    const check = checkCard(twice, entries, scheduler, NOW);
    expect(check.differences.map((d) => d.field)).toContain('reps');
    expect(check.expected).toEqual(final);
  });

  it('a corrupted memory state is recomputed; the due date stays', () => {
    const check = checkCard({ ...final, stability: final.stability * 3, lapses: 2 }, entries, scheduler, NOW);
    expect(check.differences.map((d) => d.field)).toEqual(['stability', 'lapses']);
    expect(check.expected).toEqual(final);
  });

  it('values that are not numbers are replaced', () => {
    const broken = { ...final, due: new Date(Number.NaN), difficulty: Number.NaN, buriedUntil: new Date(Number.NaN) };
    const check = checkCard(broken, entries, scheduler, NOW);
    expect(check.differences.map((d) => d.field)).toEqual(['due', 'difficulty', 'buriedUntil']);
    expect(check.expected).toEqual(final);
  });

  it('a new card with an unreadable due date gets `now`', () => {
    const fresh = scheduler.newSchedule('c', 'd', T0);
    const check = checkCard({ ...fresh, due: new Date(Number.NaN), stability: 4 }, [], scheduler, NOW);
    expect(check.differences.map((d) => d.field)).toEqual(['due', 'stability']);
    expect(check.expected).toEqual({ ...fresh, due: NOW });
  });

  it('new FSRS weights: memory states are recomputed from the whole history', () => {
    const optimised = createScheduler({ ...DEFAULT_SCHEDULING, weights: default_w.map((w, i) => (i < 4 ? w * 2 : w)) });
    const check = checkCard(final, entries, optimised, NOW);
    expect(check.differences.map((d) => d.field)).toContain('stability');
    expect(check.expected).toEqual({ ...replayCardLog(entries, optimised), due: final.due, scheduledDays: final.scheduledDays });
  });
});

describe('a repair is final', () => {
  it('checking the repaired schedule finds nothing, whatever was damaged', () => {
    const damage = fc.record({
      reps: fc.option(fc.integer({ min: 0, max: 30 }), { nil: undefined }),
      stability: fc.option(fc.oneof(fc.double({ min: 0, max: 1000, noNaN: true }), fc.constant(Number.NaN)), { nil: undefined }),
      dueShift: fc.option(fc.integer({ min: -100, max: 100 }).map((d) => d * DAY), { nil: undefined }),
      lastReview: fc.option(fc.constantFrom(null, T0), { nil: undefined }),
    });
    fc.assert(
      fc.property(steps, damage, (history, hurt) => {
        const { entries, final } = playHistory(scheduler, history);
        const damaged: CardSchedule = {
          ...final,
          ...(hurt.reps === undefined ? {} : { reps: hurt.reps }),
          ...(hurt.stability === undefined ? {} : { stability: hurt.stability }),
          ...(hurt.dueShift === undefined ? {} : { due: new Date(final.due.getTime() + hurt.dueShift) }),
          ...(hurt.lastReview === undefined ? {} : { lastReview: hurt.lastReview }),
        };
        const repaired = checkCard(damaged, entries, scheduler, NOW).expected;
        expect(checkCard(repaired, entries, scheduler, NOW).differences).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
