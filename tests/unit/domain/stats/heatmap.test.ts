import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { reviewHeatmap } from '../../../../src/domain/stats/heatmap.ts';
import type { StatReview } from '../../../../src/domain/stats/stat-review.ts';
import { DAY_START_HOUR, NOW, REVIEWS, local } from './fixtures.ts';

describe('reviewHeatmap', () => {
  const heatmap = reviewHeatmap(REVIEWS, { now: NOW, dayStartHour: DAY_START_HOUR });

  it('covers the 365 study days ending today, oldest first', () => {
    // 2024 is a leap year: 17 Mar 2023 + 364 days = 15 Mar 2024, so 365 days inclusive.
    expect(heatmap.days).toHaveLength(365);
    expect(heatmap.days[0]?.day).toBe('2023-03-17');
    expect(heatmap.days[364]?.day).toBe('2024-03-15');
    expect(heatmap.rangeStart).toBe(local(2023, 3, 17, 4));
    expect(heatmap.rangeEnd).toBe(local(2024, 3, 16, 4));
  });

  it('buckets the fixed log by study day', () => {
    const nonZero = Object.fromEntries(heatmap.days.filter((d) => d.count > 0).map((d) => [d.day, d.count]));
    // Rows 1 and 1b (March 2023) fall before 17 Mar 2023 and are left out.
    // 01-10: row 2. 02-20: rows 3, 4. 03-08: row 5 (03:00 is before the 04:00 day start).
    // 03-09: row 6. 03-10: row 7. 03-14: rows 8, 9 (9 is at 03:59 on the 15th). 03-15: rows 10–16.
    expect(nonZero).toEqual({
      '2024-01-10': 1,
      '2024-02-20': 2,
      '2024-03-08': 1,
      '2024-03-09': 1,
      '2024-03-10': 1,
      '2024-03-14': 2,
      '2024-03-15': 7,
    });
    expect(heatmap.total).toBe(1 + 2 + 1 + 1 + 1 + 2 + 7); // 15
    expect(heatmap.activeDays).toBe(7);
    expect(heatmap.maxCount).toBe(7);
  });

  it('reports the current and the longest streak', () => {
    // Current: 15 Mar and 14 Mar; 13 Mar is empty → 2. Longest: 8, 9, 10 Mar → 3.
    expect(heatmap.currentStreak).toBe(2);
    expect(heatmap.longestStreak).toBe(3);
  });

  it('keeps the streak alive through a today with no answers yet', () => {
    // On 16 Mar nothing is studied yet; the run 14–15 Mar still counts.
    const nextDay = reviewHeatmap(REVIEWS, { now: new Date(local(2024, 3, 16, 10)), dayStartHour: 4 });
    expect(nextDay.currentStreak).toBe(2);
    // On 17 Mar, 16 Mar was missed: the streak is broken.
    const dayAfter = reviewHeatmap(REVIEWS, { now: new Date(local(2024, 3, 17, 10)), dayStartHour: 4 });
    expect(dayAfter.currentStreak).toBe(0);
    expect(dayAfter.longestStreak).toBe(3);
  });

  it('takes a shorter window', () => {
    const week = reviewHeatmap(REVIEWS, { now: NOW, dayStartHour: 4, days: 7 });
    // 9–15 Mar: rows 6, 7, 8, 9 and 10–16 → 1 + 1 + 2 + 7 = 11.
    expect(week.days.map((d) => d.count)).toEqual([1, 1, 0, 0, 0, 2, 7]);
    expect(week.total).toBe(11);
    expect(week.longestStreak).toBe(2);
  });

  it('totals equal the number of reviews inside the range (property)', () => {
    const now = NOW.getTime();
    const review = fc.record({
      offset: fc.integer({ min: -400 * 86_400_000, max: 2 * 86_400_000 }),
      rating: fc.constantFrom(1 as const, 2 as const, 3 as const, 4 as const),
    });
    fc.assert(
      fc.property(fc.array(review, { maxLength: 200 }), fc.integer({ min: 0, max: 23 }), fc.integer({ min: 1, max: 400 }), (rows, hour, days) => {
        const reviews: StatReview[] = rows.map((r, i) => ({
          cardId: `c${i}`, deckId: 'd', reviewedAt: now + r.offset, rating: r.rating,
          durationMs: 0, phaseBefore: 'review', lastIntervalDays: 1,
        }));
        const map = reviewHeatmap(reviews, { now: NOW, dayStartHour: hour, days });
        const inRange = reviews.filter((r) => r.reviewedAt >= map.rangeStart && r.reviewedAt < map.rangeEnd);
        expect(map.days.reduce((sum, d) => sum + d.count, 0)).toBe(inRange.length);
        expect(map.total).toBe(inRange.length);
        // Independent oracle for a zone without daylight saving (the test machine runs in UTC):
        // a review's study day is the calendar date of (time − day-start hour).
        const expected = new Map<string, number>();
        for (const r of inRange) {
          const shifted = new Date(r.reviewedAt - hour * 3_600_000);
          const key = `${shifted.getFullYear()}-${String(shifted.getMonth() + 1).padStart(2, '0')}-${String(shifted.getDate()).padStart(2, '0')}`;
          expected.set(key, (expected.get(key) ?? 0) + 1);
        }
        for (const d of map.days) expect(d.count).toBe(expected.get(d.day) ?? 0);
        expect(map.days).toHaveLength(days);
      }),
      { numRuns: 200 },
    );
  });
});
