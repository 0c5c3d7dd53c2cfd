import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dayGrid, dayIndex, dayKey, periodStart, studyDayStart } from '../../../../src/domain/stats/day-grid.ts';
import { local } from './fixtures.ts';

const HOUR = 3_600_000;

describe('study-day boundaries', () => {
  it('starts the study day at the day-start hour, local time', () => {
    expect(studyDayStart(new Date(local(2024, 3, 15, 10)), 4)).toBe(local(2024, 3, 15, 4));
    expect(studyDayStart(new Date(local(2024, 3, 15, 4)), 4)).toBe(local(2024, 3, 15, 4));
    // 03:59 belongs to the study day that began yesterday at 04:00.
    expect(studyDayStart(new Date(local(2024, 3, 15, 3, 59)), 4)).toBe(local(2024, 3, 14, 4));
    // Across a month and a leap day.
    expect(studyDayStart(new Date(local(2024, 3, 1, 2)), 4)).toBe(local(2024, 2, 29, 4));
  });

  it('periodStart(now, h, n) is the start of the study day n − 1 days before today', () => {
    const now = new Date(local(2024, 3, 15, 10));
    expect(periodStart(now, 4, 1)).toBe(local(2024, 3, 15, 4));
    expect(periodStart(now, 4, 7)).toBe(local(2024, 3, 9, 4));
    expect(periodStart(now, 4, 30)).toBe(local(2024, 2, 15, 4));
  });

  it('labels a day by its local calendar date', () => {
    expect(dayKey(local(2024, 3, 5, 4))).toBe('2024-03-05');
    expect(dayKey(local(1999, 12, 31, 23, 59))).toBe('1999-12-31');
  });

  it('builds a grid of consecutive days', () => {
    const grid = dayGrid(new Date(local(2024, 3, 15, 10)), 4, -2, 3);
    expect(grid).toEqual([local(2024, 3, 13, 4), local(2024, 3, 14, 4), local(2024, 3, 15, 4), local(2024, 3, 16, 4)]);
  });
});

describe('dayIndex', () => {
  it('finds the day in a grid whose days are 23 h and 25 h long (daylight-saving changes)', () => {
    // Day 0: 24 h, day 1: 23 h (clocks forward), day 2: 25 h (clocks back), day 3: 24 h.
    const starts = [0, 24 * HOUR, 47 * HOUR, 72 * HOUR, 96 * HOUR];
    expect(dayIndex(starts, -1)).toBe(-1);
    expect(dayIndex(starts, 0)).toBe(0);
    expect(dayIndex(starts, 24 * HOUR - 1)).toBe(0);
    expect(dayIndex(starts, 24 * HOUR)).toBe(1);
    expect(dayIndex(starts, 47 * HOUR - 1)).toBe(1);
    // Uniform guess floor(47.5 h / 24 h) = 1 is one too low; the search corrects it.
    expect(dayIndex(starts, 47.5 * HOUR)).toBe(2);
    // Uniform guess floor(71.5 / 24) = 2 is right; 72 h starts day 3.
    expect(dayIndex(starts, 71.5 * HOUR)).toBe(2);
    expect(dayIndex(starts, 72 * HOUR)).toBe(3);
    expect(dayIndex(starts, 96 * HOUR - 1)).toBe(3);
    expect(dayIndex(starts, 96 * HOUR)).toBe(-1);
  });

  it('steps back when a 25-hour day comes first (clocks back)', () => {
    // Day 0: 25 h, days 1 and 2: 24 h. At 48.5 h the guess floor(48.5 / 24) = 2 is one too high.
    const starts = [0, 25 * HOUR, 49 * HOUR, 73 * HOUR];
    expect(dayIndex(starts, 24.5 * HOUR)).toBe(0);
    expect(dayIndex(starts, 48.5 * HOUR)).toBe(1);
    expect(dayIndex(starts, 49 * HOUR)).toBe(2);
  });

  it('agrees with a linear scan on any increasing grid of 23–25 h days (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(23, 24, 25), { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 0, max: 10_000 }),
        (lengths, fraction) => {
          const starts = [0];
          for (const h of lengths) starts.push((starts[starts.length - 1] ?? 0) + h * HOUR);
          // A moment anywhere from an hour before the grid to an hour after it.
          const span = (starts[lengths.length] ?? 0) + 2 * HOUR;
          const ms = Math.floor((fraction / 10_000) * span) - HOUR;
          let expected = -1;
          for (let i = 0; i < lengths.length; i++) {
            if (ms >= (starts[i] ?? 0) && ms < (starts[i + 1] ?? 0)) expected = i;
          }
          expect(dayIndex(starts, ms)).toBe(expected);
        },
      ),
      { numRuns: 300 },
    );
  });
});
