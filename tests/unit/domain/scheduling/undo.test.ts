import { describe, expect, it } from 'vitest';
import { DEFAULT_SCHEDULING, createScheduler } from '../../../../src/domain/scheduling/scheduler.ts';
import type { CardSchedule, Rating, ReviewEntry } from '../../../../src/domain/scheduling/types.ts';
import { createUndoStack, peekUndo, popUndo, pushUndo } from '../../../../src/domain/scheduling/undo.ts';

const scheduler = createScheduler(DEFAULT_SCHEDULING);
const T0 = new Date('2025-03-01T10:00:00Z');

describe('undo, several answers deep', () => {
  it('restores the exact schedule before each answer, due date included, newest first', () => {
    const ratings: Rating[] = [1, 3, 3, 3, 1, 3, 2, 4];
    const states: CardSchedule[] = [scheduler.newSchedule('c1', 'd1', T0)];
    let stack = createUndoStack(20);
    let now = T0;
    for (const rating of ratings) {
      const current = states.at(-1)!;
      const entry = scheduler.answer(current, rating, now, 1500);
      stack = pushUndo(stack, entry);
      states.push(entry.after);
      now = new Date(entry.after.due.getTime() + 60_000);
    }
    // The card's persisted state is whatever the last answer produced; undo walks back.
    let card = states.at(-1)!;
    for (let step = ratings.length - 1; step >= 0; step--) {
      const popped = popUndo(stack);
      expect(popped).not.toBeNull();
      expect(popped!.entry.after).toEqual(card);
      card = popped!.entry.before;
      expect(card).toEqual(structuredClone(states[step]));
      expect(card.due.getTime()).toBe(states[step]!.due.getTime());
      stack = popped!.stack;
    }
    expect(card).toEqual(scheduler.newSchedule('c1', 'd1', T0));
    expect(popUndo(stack)).toBeNull();
  });

  it('re-answering after an undo gives the same result (fuzz does not depend on the clock)', () => {
    let card = scheduler.newSchedule('c1', 'd1', T0);
    let now = T0;
    for (let i = 0; i < 4; i++) {
      card = scheduler.answer(card, 3, now, 0).after;
      now = card.due;
    }
    const first = scheduler.answer(card, 3, now, 0);
    const popped = popUndo(pushUndo(createUndoStack(), first))!;
    const again = scheduler.answer(popped.entry.before, 3, now, 0);
    expect(again.after).toEqual(first.after);
  });

  it('keeps at most `depth` answers, dropping the oldest', () => {
    const entries: ReviewEntry[] = [];
    let stack = createUndoStack(3);
    for (let i = 0; i < 5; i++) {
      const entry = scheduler.answer(scheduler.newSchedule(`c${i}`, 'd1', T0), 3, T0, 0);
      entries.push(entry);
      stack = pushUndo(stack, entry);
    }
    expect(stack.entries).toEqual(entries.slice(2));
    expect(peekUndo(stack)).toBe(entries[4]);
  });

  it('never mutates a stack', () => {
    const entry = scheduler.answer(scheduler.newSchedule('c1', 'd1', T0), 3, T0, 0);
    const empty = createUndoStack();
    const one = pushUndo(empty, entry);
    popUndo(one);
    expect(empty.entries).toEqual([]);
    expect(one.entries).toEqual([entry]);
    expect(peekUndo(empty)).toBeNull();
  });

  it('rejects a depth below one', () => {
    expect(() => createUndoStack(0)).toThrow(RangeError);
  });
});
