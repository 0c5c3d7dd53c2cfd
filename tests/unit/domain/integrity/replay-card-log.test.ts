import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chronological, isNeverStudied, replayCardLog } from '../../../../src/domain/integrity/replay-card-log.ts';
import { createScheduler, DEFAULT_SCHEDULING } from '../../../../src/domain/scheduling/scheduler.ts';
import { DAY, MINUTE, answerStep, playHistory, steps, T0 } from './history.ts';

const scheduler = createScheduler(DEFAULT_SCHEDULING);

describe('replayCardLog', () => {
  it('is null for a card never answered', () => {
    expect(replayCardLog([], scheduler)).toBeNull();
  });

  it('reproduces exactly the schedule the app stored, fuzzed intervals included', () => {
    // Fuzz is on by default; it is seeded by card id and reps, so the replay lands on the same day.
    fc.assert(
      fc.property(fc.array(answerStep, { minLength: 1, maxLength: 25 }), (history) => {
        const { entries, final } = playHistory(scheduler, history);
        expect(replayCardLog(entries, scheduler)).toEqual(final);
      }),
      { numRuns: 200 },
    );
  });

  it('starts again from a new card where the log shows a reset, wherever it happens', () => {
    fc.assert(
      fc.property(steps, (history) => {
        const { entries, final } = playHistory(scheduler, history);
        const lastIsReset = history.at(-1)?.kind === 'reset';
        // A reset after the last answer leaves no trace in the log (expected-schedule handles it).
        if (entries.length > 0 && !lastIsReset) expect(replayCardLog(entries, scheduler)).toEqual(final);
      }),
      { numRuns: 200 },
    );
  });

  it('a fixed history with a reset in the middle: only the answers after it count', () => {
    const { entries, final } = playHistory(scheduler, [
      { kind: 'answer', rating: 3, gapMs: 0, durationMs: 1000 },
      { kind: 'answer', rating: 3, gapMs: 10 * MINUTE, durationMs: 1000 },
      { kind: 'answer', rating: 1, gapMs: 3 * DAY, durationMs: 1000 },
      { kind: 'reset', gapMs: DAY },
      { kind: 'answer', rating: 4, gapMs: MINUTE, durationMs: 1000 },
    ]);
    const replayed = replayCardLog(entries, scheduler);
    expect(replayed).toEqual(final);
    expect(replayed).toMatchObject({ reps: 1, lapses: 0, phase: 'review' });
  });

  it('does not depend on the order the log is handed over in', () => {
    const { entries, final } = playHistory(scheduler, [
      { kind: 'answer', rating: 1, gapMs: 0, durationMs: 1000 },
      { kind: 'answer', rating: 3, gapMs: MINUTE, durationMs: 1000 },
      { kind: 'answer', rating: 3, gapMs: 10 * MINUTE, durationMs: 1000 },
      { kind: 'answer', rating: 2, gapMs: 2 * DAY, durationMs: 1000 },
    ]);
    expect(replayCardLog([...entries].reverse(), scheduler)).toEqual(final);
    expect(chronological([...entries].reverse())).toEqual(entries);
  });

  it('uses the deck options: other learning steps give another schedule', () => {
    const { entries, final } = playHistory(scheduler, [{ kind: 'answer', rating: 3, gapMs: 0, durationMs: 1000 }]);
    const oneStep = createScheduler({ ...DEFAULT_SCHEDULING, learningSteps: ['30m'] });
    const replayed = replayCardLog(entries, oneStep);
    expect(final.due.getTime()).toBe(T0.getTime() + 10 * MINUTE);
    expect(replayed?.due.getTime()).not.toBe(final.due.getTime());
  });

  it('leaves suspension and burying out: answers do not decide them', () => {
    const { entries } = playHistory(scheduler, [{ kind: 'answer', rating: 1, gapMs: 0, durationMs: 1000 }]);
    const flagged = entries.map((entry) => ({ ...entry, before: { ...entry.before, suspended: true, buriedUntil: new Date(T0.getTime() + DAY) } }));
    expect(replayCardLog(flagged, scheduler)).toMatchObject({ suspended: false, buriedUntil: null });
  });
});

describe('isNeverStudied', () => {
  it('is true for a new card and false once answered', () => {
    const fresh = scheduler.newSchedule('c', 'd', T0);
    expect(isNeverStudied(fresh)).toBe(true);
    expect(isNeverStudied(scheduler.answer(fresh, 3, T0, 0).after)).toBe(false);
    expect(isNeverStudied({ ...fresh, reps: 2 })).toBe(false);
  });
});
