import { describe, expect, it } from 'vitest';
import { trueRetention } from '../../../../src/domain/stats/true-retention.ts';
import { DAY_START_HOUR, NOW, REVIEWS, local } from './fixtures.ts';

describe('trueRetention', () => {
  // Only review-phase answers count: rows 1b, 2, 3, 5, 6, 7, 8, 10, 12, 13, 16.
  // Young = last interval < 21 days; pass = anything but Again.
  //   young:  1b F(2)  3 F(10)  7 P(15)  8 P(5)  12 P(20)  16 F(8)
  //   mature: 2 P(30)  5 F(21)  6 P(25)  10 F(40)  13 P(21)
  // Periods end at the start of tomorrow's study day, 16 Mar 04:00.
  const table = trueRetention(REVIEWS, { now: NOW, dayStartHour: DAY_START_HOUR });

  it('today: rows 10, 12, 13, 16', () => {
    expect(table.today).toEqual({
      young: { passed: 1, failed: 1, total: 2, retention: 0.5 }, // 12 P, 16 F
      mature: { passed: 1, failed: 1, total: 2, retention: 0.5 }, // 13 P, 10 F
      all: { passed: 2, failed: 2, total: 4, retention: 0.5 },
    });
  });

  it('yesterday: row 8 only (row 9 is a new card), so mature has no figure', () => {
    expect(table.yesterday).toEqual({
      young: { passed: 1, failed: 0, total: 1, retention: 1 },
      mature: { passed: 0, failed: 0, total: 0, retention: null },
      all: { passed: 1, failed: 0, total: 1, retention: 1 },
    });
  });

  it('week [9 Mar 04:00, 16 Mar 04:00): rows 6, 7, 8, 10, 12, 13, 16 — row 5 (9 Mar 03:00) is out', () => {
    // young 7 P, 8 P, 12 P, 16 F → 3/4; mature 6 P, 13 P, 10 F → 2/3; all 5/7.
    expect(table.week.young).toEqual({ passed: 3, failed: 1, total: 4, retention: 0.75 });
    expect(table.week.mature.passed).toBe(2);
    expect(table.week.mature.failed).toBe(1);
    expect(table.week.mature.retention).toBeCloseTo(2 / 3, 12);
    expect(table.week.all.retention).toBeCloseTo(5 / 7, 12);
  });

  it('month [15 Feb 04:00, …): adds rows 3 (young F) and 5 (mature F)', () => {
    // young 3 P, 2 F → 0.6; mature 2 P, 2 F → 0.5; all 5/9.
    expect(table.month.young).toEqual({ passed: 3, failed: 2, total: 5, retention: 0.6 });
    expect(table.month.mature).toEqual({ passed: 2, failed: 2, total: 4, retention: 0.5 });
    expect(table.month.all.retention).toBeCloseTo(5 / 9, 12);
  });

  it('year [17 Mar 2023 04:00, …) — 365 study days, 2024 being a leap year: adds row 2 (mature P); row 1b is older', () => {
    // mature 3 P, 2 F → 0.6; all 6 P, 4 F → 0.6.
    expect(table.year.mature).toEqual({ passed: 3, failed: 2, total: 5, retention: 0.6 });
    expect(table.year.all).toEqual({ passed: 6, failed: 4, total: 10, retention: 0.6 });
  });

  it('all time: adds row 1b (young F)', () => {
    // young 3 P, 3 F → 0.5; all 6 P, 5 F → 6/11.
    expect(table.allTime.young).toEqual({ passed: 3, failed: 3, total: 6, retention: 0.5 });
    expect(table.allTime.all.total).toBe(11);
    expect(table.allTime.all.retention).toBeCloseTo(6 / 11, 12);
  });

  it('reports the period boundaries it used', () => {
    expect(table.periodStarts).toEqual({
      today: local(2024, 3, 15, 4),
      yesterday: local(2024, 3, 14, 4),
      week: local(2024, 3, 9, 4),
      month: local(2024, 2, 15, 4),
      year: local(2023, 3, 17, 4),
    });
    expect(table.periodEnd).toBe(local(2024, 3, 16, 4));
  });

  it('with no review-phase answers every cell is null, not 0 %', () => {
    const empty = trueRetention(REVIEWS.filter((r) => r.phaseBefore !== 'review'), { now: NOW, dayStartHour: 4 });
    expect(empty.allTime.all).toEqual({ passed: 0, failed: 0, total: 0, retention: null });
  });
});
