import { describe, expect, it } from 'vitest';
import { cardCounts } from '../../../../src/domain/stats/card-counts.ts';
import { NOW, SCHEDULES, local } from './fixtures.ts';

describe('cardCounts', () => {
  it('puts each card of the fixture in exactly one category', () => {
    // Suspended first (d), then buried (g, i: buried until 16 Mar 04:00, after NOW),
    // then by phase: new f; learning e; relearning j; review a, b (ivl 2, 10 → young),
    // c, h (ivl 30, 90 → mature).
    expect(cardCounts(SCHEDULES, NOW)).toEqual({
      new: 1,
      learning: 1,
      relearning: 1,
      review: 4,
      young: 2,
      mature: 2,
      suspended: 1,
      buried: 2,
      total: 10, // 1 + 1 + 1 + 4 + 1 + 2
    });
  });

  it('a burial that has ended no longer counts', () => {
    // At 16 Mar 05:00 g and i are back: g is new again, i (ivl 5) is a young review card.
    const counts = cardCounts(SCHEDULES, new Date(local(2024, 3, 16, 5)));
    expect(counts).toMatchObject({ buried: 0, new: 2, young: 3, review: 5 });
  });

  it('an empty deck has zero everywhere', () => {
    expect(cardCounts([], NOW).total).toBe(0);
  });
});
