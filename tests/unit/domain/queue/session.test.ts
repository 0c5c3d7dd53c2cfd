import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyAnswer, applyUndo, persistsAnswers, removeCard } from '../../../../src/domain/queue/apply-answer.ts';
import { buildQueue } from '../../../../src/domain/queue/build-queue.ts';
import type { BuildQueueInput } from '../../../../src/domain/queue/build-queue.ts';
import { counts, isQueueFinished, isQueueStale, nextCard, nextLearningDue, upcomingCards } from '../../../../src/domain/queue/next-card.ts';
import type { StudyQueue } from '../../../../src/domain/queue/types.ts';
import { DEFAULT_SCHEDULING, createScheduler } from '../../../../src/domain/scheduling/scheduler.ts';
import type { CardSchedule, Rating, ReviewEntry } from '../../../../src/domain/scheduling/types.ts';
import { createUndoStack, popUndo, pushUndo } from '../../../../src/domain/scheduling/undo.ts';
import { DAY, HOUR, LIMITS, MINUTE, NONE_STUDIED, UTC, card, plus } from './fixtures.ts';

const NOW = new Date('2025-03-01T10:00:00Z');
const scheduler = createScheduler(DEFAULT_SCHEDULING);

/** A tiny in-memory "database" and session driver, as the study screen will use the domain. */
class Session {
  store = new Map<string, CardSchedule>();
  queue: StudyQueue;
  undo = createUndoStack(50);

  constructor(schedules: CardSchedule[], extra: Partial<BuildQueueInput> = {}) {
    for (const s of schedules) this.store.set(s.cardId, s);
    this.queue = buildQueue({
      schedules,
      newCardOrder: schedules.filter((s) => s.phase === 'new').map((s) => s.cardId),
      studiedToday: NONE_STUDIED,
      limits: LIMITS,
      now: NOW,
      utcOffset: UTC,
      ...extra,
    });
  }

  answer(rating: Rating, now: Date): ReviewEntry {
    const next = nextCard(this.queue, now);
    if (next === null) throw new Error('nothing to answer');
    const entry = scheduler.answer(this.store.get(next.cardId)!, rating, now, 1000);
    if (persistsAnswers(this.queue)) this.store.set(entry.cardId, entry.after);
    this.queue = applyAnswer(this.queue, entry);
    this.undo = pushUndo(this.undo, entry);
    return entry;
  }

  undoLast(): ReviewEntry {
    const popped = popUndo(this.undo)!;
    this.undo = popped.stack;
    if (persistsAnswers(this.queue)) this.store.set(popped.entry.cardId, popped.entry.before);
    this.queue = applyUndo(this.queue, popped.entry);
    return popped.entry;
  }
}

const reviewsDue = (n: number) => Array.from({ length: n }, (_, i) => card(`r${i}`, 'review', plus(NOW, -DAY + i * MINUTE)));
const newCards = (n: number) => Array.from({ length: n }, (_, i) => card(`n${i}`, 'new', NOW));

describe('a learning card re-enters the same session', () => {
  it('comes back first once due, after the cards shown meanwhile', () => {
    const session = new Session([...newCards(1), ...reviewsDue(5)]);
    expect(counts(session.queue)).toEqual({ new: 1, learning: 0, review: 5 });
    // Answer until the new card has been seen; Again sends it back in a minute.
    let t = NOW;
    let again: ReviewEntry | null = null;
    while (again === null) {
      const shown = nextCard(session.queue, t)!;
      const entry = session.answer(shown.kind === 'new' ? 1 : 3, t);
      if (shown.kind === 'new') again = entry;
      t = plus(t, 10_000);
    }
    expect(again.after.due).toEqual(plus(again.reviewedAt, MINUTE));
    expect(counts(session.queue).learning).toBe(1);
    // Not yet due: a review comes first.
    expect(nextCard(session.queue, plus(again.reviewedAt, 30_000))?.kind).toBe('review');
    // Due: the learning card comes first.
    const back = nextCard(session.queue, plus(again.reviewedAt, MINUTE));
    expect(back).toEqual({ cardId: again.cardId, kind: 'learning' });
    // Good -> 10 minutes; Good again -> graduates and leaves today's queue.
    const step2 = session.answer(3, plus(again.reviewedAt, MINUTE));
    expect(step2.after.due).toEqual(plus(step2.reviewedAt, 10 * MINUTE));
    const graduated = session.answer(3, step2.after.due);
    expect(graduated.after.phase).toBe('review');
    expect(session.queue.learning).toEqual([]);
  });

  it('shows a learning card up to 20 minutes early when nothing else is left, then waits', () => {
    const session = new Session([...newCards(1)]);
    const entry = session.answer(3, NOW); // Good -> due in 10 minutes
    expect(nextCard(session.queue, NOW)).toEqual({ cardId: 'n0', kind: 'learning' });
    expect(nextLearningDue(session.queue)).toEqual(plus(NOW, 10 * MINUTE));
    const far = new Session([card('l', 'learning', plus(NOW, 25 * MINUTE))]);
    expect(nextCard(far.queue, NOW)).toBeNull();
    expect(nextLearningDue(far.queue)).toEqual(plus(NOW, 25 * MINUTE));
    expect(nextCard(far.queue, plus(NOW, 5 * MINUTE))).toEqual({ cardId: 'l', kind: 'learning' });
    expect(isQueueFinished(far.queue)).toBe(false);
    expect(entry.after.phase).toBe('learning');
  });

  it('a lapsed review card relearns in the same session (10m)', () => {
    const session = new Session([...reviewsDue(2)]);
    const lapse = session.answer(1, NOW);
    expect(lapse.after.phase).toBe('relearning');
    expect(counts(session.queue)).toEqual({ new: 0, learning: 1, review: 1 });
    session.answer(3, NOW); // the other review
    expect(nextCard(session.queue, plus(NOW, 10 * MINUTE))).toEqual({ cardId: lapse.cardId, kind: 'learning' });
  });

  it('does not bring back a learning card that falls due after the day ends', () => {
    const late = new Date('2025-03-02T03:55:00Z'); // the day ends at 04:00
    const session = new Session([card('n', 'new', late)], { now: late });
    session.answer(3, late); // due 04:05: tomorrow's queue
    expect(isQueueFinished(session.queue)).toBe(true);
    expect(nextCard(session.queue, plus(late, HOUR))).toBeNull();
    expect(isQueueStale(session.queue, late)).toBe(false);
    expect(isQueueStale(session.queue, new Date('2025-03-02T04:00:00Z'))).toBe(true);
  });
});

describe('upcoming cards', () => {
  it('forecasts the cards shown next while no answer changes the queue, due learning cards first', () => {
    const session = new Session([...reviewsDue(3), card('l0', 'learning', plus(NOW, -MINUTE)), card('l1', 'learning', plus(NOW, 10 * MINUTE))]);
    expect(upcomingCards(session.queue, NOW, 2)).toEqual(['l0', 'r0']);
    const shown: string[] = [];
    while (nextCard(session.queue, NOW) !== null) {
      const forecast = upcomingCards(session.queue, NOW, 10);
      expect(forecast[0]).toBe(nextCard(session.queue, NOW)?.cardId);
      shown.push(session.answer(4, NOW).cardId);
      expect(forecast.slice(1)).toEqual(upcomingCards(session.queue, NOW, 10));
    }
    // l1 comes last, within the learn-ahead window once nothing else is left.
    expect(shown).toEqual(['l0', 'r0', 'r1', 'r2', 'l1']);
    expect(upcomingCards(session.queue, NOW, 3)).toEqual([]);
  });

  it('skips cards answered out of order', () => {
    const session = new Session([...reviewsDue(4)]);
    session.queue = applyAnswer(session.queue, scheduler.answer(session.store.get('r1')!, 3, NOW, 0));
    expect(upcomingCards(session.queue, NOW, 3)).toEqual(['r0', 'r2', 'r3']);
  });
});

describe('answers and counts', () => {
  it('each answer takes the card out and counts go down', () => {
    const session = new Session([...newCards(2), ...reviewsDue(4)]);
    const seen = new Set<string>();
    for (let i = 0; i < 6; i++) {
      const entry = session.answer(4, plus(NOW, i * 1000)); // Easy graduates new cards at once
      expect(seen.has(entry.cardId)).toBe(false);
      seen.add(entry.cardId);
    }
    expect(counts(session.queue)).toEqual({ new: 0, learning: 0, review: 0 });
    expect(isQueueFinished(session.queue)).toBe(true);
    expect(nextCard(session.queue, plus(NOW, DAY / 2))).toBeNull();
  });

  it('handles a card answered out of order, and removeCard', () => {
    const session = new Session([...reviewsDue(4)]);
    const third = session.store.get('r2')!;
    const entry = scheduler.answer(third, 3, NOW, 0);
    let queue = applyAnswer(session.queue, entry);
    queue = removeCard(queue, 'r0');
    expect(counts(queue).review).toBe(2);
    expect(nextCard(queue, NOW)?.cardId).toBe('r1');
    queue = applyUndo(queue, entry);
    expect(counts(queue).review).toBe(3);
    expect(nextCard(queue, NOW)?.cardId).toBe('r1');
    expect(applyUndo(queue, entry)).toBe(queue); // no record left: unchanged
  });

  it('undoing an older answer out of order reopens only that card', () => {
    const session = new Session([...reviewsDue(4)]);
    const first = session.answer(3, NOW); // r0
    session.answer(3, NOW); // r1
    let queue = applyUndo(session.queue, first);
    expect(counts(queue).review).toBe(3);
    expect(nextCard(queue, NOW)?.cardId).toBe('r0');
    queue = applyAnswer(queue, scheduler.answer(session.store.get('r0')!, 3, NOW, 0));
    expect(nextCard(queue, NOW)?.cardId).toBe('r2'); // r1 stays answered
    expect(counts(queue).review).toBe(2);
  });

  it('never changes a queue in place and shares the main sequence between versions', () => {
    const session = new Session([...newCards(3), ...reviewsDue(3)]);
    const before = session.queue;
    const snapshot = { cursor: before.cursor, learning: before.learning, mainLeft: { ...before.mainLeft } };
    session.answer(1, NOW);
    expect(before).toMatchObject(snapshot);
    expect(session.queue.main).toBe(before.main);
    expect(session.queue.mainIndex).toBe(before.mainIndex);
  });
});

describe('undo in the queue', () => {
  it('several answers deep: card schedules and the queue return exactly to their earlier states', () => {
    const session = new Session([...newCards(3), ...reviewsDue(6)]);
    const queues: StudyQueue[] = [session.queue];
    const stores: Map<string, CardSchedule>[] = [new Map(session.store)];
    const ratings: Rating[] = [1, 3, 1, 2, 3, 4, 1, 3, 3, 1, 3, 3];
    let t = NOW;
    for (const rating of ratings) {
      session.answer(rating, t);
      queues.push(session.queue);
      stores.push(new Map(session.store));
      t = plus(t, 2 * MINUTE);
    }
    for (let i = ratings.length - 1; i >= 0; i--) {
      const entry = session.undoLast();
      expect(session.store).toEqual(stores[i]);
      expect(session.store.get(entry.cardId)).toEqual(entry.before);
      expect(session.queue).toEqual(queues[i]);
    }
  });

  it('after undoing everything in a random session, the queue is the one built at the start', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom<Rating>(1, 2, 3, 4), fc.constant('undo' as const)), { maxLength: 60 }),
        (actions) => {
          const session = new Session([...newCards(4), ...reviewsDue(8), card('l', 'learning', plus(NOW, 5 * MINUTE))]);
          const initial = session.queue;
          const initialStore = new Map(session.store);
          let t = NOW;
          let depth = 0;
          for (const action of actions) {
            t = plus(t, 3 * MINUTE);
            if (action === 'undo') {
              if (depth === 0) continue;
              session.undoLast();
              depth -= 1;
            } else if (nextCard(session.queue, t) !== null) {
              session.answer(action, t);
              depth += 1;
            }
            const c = counts(session.queue);
            expect(c.new + c.learning + c.review).toBeLessThanOrEqual(13);
            expect(Math.min(c.new, c.learning, c.review)).toBeGreaterThanOrEqual(0);
          }
          while (depth-- > 0) session.undoLast();
          expect(session.queue).toEqual(initial);
          expect(session.store).toEqual(initialStore);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('cram', () => {
  it('answers change no schedule: Again returns in 1m, Hard in 10m, Good and Easy are done', () => {
    const schedules = [
      card('a', 'review', plus(NOW, 40 * DAY), { lastReview: plus(NOW, -20 * DAY), stability: 3 }),
      card('b', 'review', plus(NOW, 40 * DAY), { lastReview: plus(NOW, -2 * DAY), stability: 30 }),
    ];
    const session = new Session(schedules, { mode: 'cram', retrievability: scheduler.retrievability });
    const before = new Map(session.store);
    expect(persistsAnswers(session.queue)).toBe(false);
    const first = session.answer(1, NOW);
    expect(first.cardId).toBe('a');
    expect(nextLearningDue(session.queue)).toEqual(plus(NOW, MINUTE));
    const second = session.answer(2, NOW);
    expect(second.cardId).toBe('b');
    expect(session.queue.learning.map((i) => i.cardId)).toEqual(['a', 'b']);
    session.answer(3, plus(NOW, MINUTE)); // a: Good -> done
    session.answer(4, plus(NOW, 10 * MINUTE)); // b: Easy -> done
    expect(isQueueFinished(session.queue)).toBe(true);
    expect(session.store).toEqual(before);
    session.undoLast();
    expect(nextCard(session.queue, plus(NOW, 10 * MINUTE))?.cardId).toBe('b');
  });
});
