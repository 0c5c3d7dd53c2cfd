import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { todayStats } from '../../../../src/domain/stats/today.ts';
import { DAY_START_HOUR, NOW, REVIEWS, local } from './fixtures.ts';

describe('todayStats', () => {
  it('counts the answers of the current study day from the fixed log', () => {
    const today = todayStats(REVIEWS, { now: NOW, dayStartHour: DAY_START_HOUR });
    // Today is [15 Mar 04:00, 16 Mar 04:00): rows 10–16. Row 9 (03:59) still belongs to 14 Mar.
    expect(today.reviews).toBe(7);
    // Rows 10–16 touch a, a, b, c, e, e, d → five distinct cards.
    expect(today.distinctCards).toBe(5);
    // 8000 + 4000 + 6000 + 5000 + 12000 + 3000 + 7000 = 45000 ms.
    expect(today.durationMs).toBe(45000);
    // Again on rows 10, 14 and 16 → 3 of 7.
    expect(today.againCount).toBe(3);
    expect(today.againRate).toBeCloseTo(3 / 7, 12);
    // Learn (new or learning before): 14, 15. Review: 10, 12, 13, 16. Relearn: 11.
    expect(today.learning).toBe(2);
    expect(today.review).toBe(4);
    expect(today.relearning).toBe(1);
    expect(today.dayStart).toBe(local(2024, 3, 15, 4));
    expect(today.dayEnd).toBe(local(2024, 3, 16, 4));
  });

  it('before the day-start hour, "today" is still the previous calendar day', () => {
    // At 15 Mar 03:59:30 the study day is [14 Mar 04:00, 15 Mar 04:00): rows 8 and 9.
    const today = todayStats(REVIEWS, { now: new Date(local(2024, 3, 15, 3, 59) + 30_000), dayStartHour: 4 });
    expect(today.reviews).toBe(2);
    expect(today.durationMs).toBe(2000 + 7000);
    expect(today.againCount).toBe(0);
    expect(today.againRate).toBe(0);
  });

  it('a day with no answers has a null again rate rather than 0 %', () => {
    const today = todayStats(REVIEWS, { now: new Date(local(2024, 3, 20, 12)), dayStartHour: 4 });
    expect(today).toMatchObject({ reviews: 0, distinctCards: 0, durationMs: 0, againCount: 0, againRate: null });
  });

  it('moves the boundary with the day-start hour (midnight)', () => {
    // Day [15 Mar 00:00, 16 Mar 00:00) also takes row 9 (03:59): 8 answers.
    expect(todayStats(REVIEWS, { now: NOW, dayStartHour: 0 }).reviews).toBe(8);
  });

  it('rejects a day-start hour outside 0–23', () => {
    expect(() => todayStats(REVIEWS, { now: NOW, dayStartHour: 24 })).toThrow(RangeError);
    expect(() => todayStats(REVIEWS, { now: NOW, dayStartHour: 1.5 })).toThrow(RangeError);
  });

  it('phase counts always add up to the answers of the day', () => {
    const start = local(2024, 3, 14);
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            at: fc.integer({ min: 0, max: 3 * 86_400_000 }),
            phase: fc.constantFrom('new' as const, 'learning' as const, 'review' as const, 'relearning' as const),
            rating: fc.constantFrom(1 as const, 2 as const, 3 as const, 4 as const),
          }),
          { maxLength: 60 },
        ),
        (rows) => {
          const reviews = rows.map((r, i) => ({
            cardId: `c${i % 7}`, deckId: 'd', reviewedAt: start + r.at, rating: r.rating,
            durationMs: 1000, phaseBefore: r.phase, lastIntervalDays: 0,
          }));
          const t = todayStats(reviews, { now: NOW, dayStartHour: 4 });
          const inDay = reviews.filter((r) => r.reviewedAt >= t.dayStart && r.reviewedAt < t.dayEnd);
          expect(t.reviews).toBe(inDay.length);
          expect(t.learning + t.review + t.relearning).toBe(t.reviews);
          expect(t.durationMs).toBe(inDay.length * 1000);
          expect(t.againCount).toBe(inDay.filter((r) => r.rating === 1).length);
        },
      ),
    );
  });
});
