import { describe, expect, it } from 'vitest';
import { DEFAULT_LEECH_THRESHOLD, isLeech, leechTriggered } from '../../../../src/domain/scheduling/leech.ts';
import { DEFAULT_SCHEDULING, createScheduler } from '../../../../src/domain/scheduling/scheduler.ts';

const lapses = (before: number, after: number) => ({ before: { lapses: before }, after: { lapses: after } });

describe('leeches', () => {
  it('a card that has lapsed 8 times is a leech', () => {
    expect(DEFAULT_LEECH_THRESHOLD).toBe(8);
    expect(isLeech({ lapses: 7 })).toBe(false);
    expect(isLeech({ lapses: 8 })).toBe(true);
    expect(isLeech({ lapses: 3 }, 3)).toBe(true);
  });

  it('flags the 8th lapse, then every 4 more, and nothing else', () => {
    const flagged: number[] = [];
    for (let n = 1; n <= 20; n++) if (leechTriggered(lapses(n - 1, n))) flagged.push(n);
    expect(flagged).toEqual([8, 12, 16, 20]);
    expect(leechTriggered(lapses(8, 8))).toBe(false); // no new lapse
  });

  it('is reached by answering Again on a review card eight times', () => {
    const scheduler = createScheduler(DEFAULT_SCHEDULING);
    let card = scheduler.newSchedule('c1', 'd1', new Date('2025-03-01T10:00:00Z'));
    let now = card.due;
    let triggeredAt = -1;
    for (let i = 0; card.lapses < 8 && i < 100; i++) {
      const rating = card.phase === 'review' ? 1 : 3;
      const entry = scheduler.answer(card, rating, now, 0);
      if (leechTriggered(entry)) triggeredAt = entry.after.lapses;
      card = entry.after;
      now = card.due;
    }
    expect(isLeech(card)).toBe(true);
    expect(triggeredAt).toBe(8);
  });

  it('rejects a threshold below one', () => {
    expect(() => isLeech({ lapses: 1 }, 0)).toThrow(RangeError);
  });
});
