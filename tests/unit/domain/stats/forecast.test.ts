import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dueForecast } from '../../../../src/domain/stats/forecast.ts';
import { DAY_START_HOUR, NOW, SCHEDULES, card, local } from './fixtures.ts';

describe('dueForecast', () => {
  it('counts due cards per study day for the next 30 days', () => {
    const forecast = dueForecast(SCHEDULES, { now: NOW, dayStartHour: DAY_START_HOUR, days: 30 });
    expect(forecast.days).toHaveLength(30);
    expect(forecast.days[0]?.day).toBe('2024-03-15');
    expect(forecast.days[29]?.day).toBe('2024-04-13');
    // Left out: d (suspended), f and g (new). Seven cards remain.
    // Day 0 (today): a (due now), b (overdue since 5 Mar), e and j (due in 10 min) → 4.
    // Day 1: i is due now but buried until 16 Mar 04:00 → it shows tomorrow.
    // c (due 14 Apr = day 30) and h (day 90) fall after the 30 days shown.
    expect(forecast.days.map((d) => d.count)).toEqual([4, 1, ...Array<number>(28).fill(0)]);
    expect(forecast.overdue).toBe(1);
    expect(forecast.later).toBe(2);
    expect(forecast.total).toBe(7);
  });

  it('shows c on day 30 when 31 days are asked for, and h inside 90 days', () => {
    const month = dueForecast(SCHEDULES, { now: NOW, dayStartHour: DAY_START_HOUR, days: 31 });
    expect(month.days[30]).toEqual({ day: '2024-04-14', count: 1 });
    expect(month.later).toBe(1);
    const quarter = dueForecast(SCHEDULES, { now: NOW, dayStartHour: DAY_START_HOUR, days: 91 });
    // h: due 15 Mar + 90 days = 13 Jun.
    expect(quarter.days[90]).toEqual({ day: '2024-06-13', count: 1 });
    expect(quarter.later).toBe(0);
  });

  it('puts a card due before the day-start hour tomorrow on today', () => {
    const early = card('x', { phase: 'review', stability: 3, difficulty: 5, lastReview: NOW.getTime(), due: local(2024, 3, 16, 3, 59) });
    const at4 = card('y', { phase: 'review', stability: 3, difficulty: 5, lastReview: NOW.getTime(), due: local(2024, 3, 16, 4) });
    const forecast = dueForecast([early, at4], { now: NOW, dayStartHour: 4, days: 2 });
    expect(forecast.days.map((d) => d.count)).toEqual([1, 1]);
  });

  it('every non-suspended, non-new card is counted exactly once (property)', () => {
    const now = NOW.getTime();
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            dueOffset: fc.integer({ min: -100 * 86_400_000, max: 200 * 86_400_000 }),
            phase: fc.constantFrom('new' as const, 'learning' as const, 'review' as const, 'relearning' as const),
            suspended: fc.boolean(),
            buried: fc.boolean(),
          }),
          { maxLength: 80 },
        ),
        fc.integer({ min: 1, max: 120 }),
        (specs, days) => {
          const schedules = specs.map((s, i) =>
            card(`c${i}`, {
              phase: s.phase, due: now + s.dueOffset, stability: 2, difficulty: 5, lastReview: now,
              suspended: s.suspended, buriedUntil: s.buried ? local(2024, 3, 16, 4) : null,
            }),
          );
          const f = dueForecast(schedules, { now: NOW, dayStartHour: 4, days });
          const eligible = specs.filter((s) => !s.suspended && s.phase !== 'new').length;
          expect(f.days.reduce((sum, d) => sum + d.count, 0) + f.later).toBe(eligible);
          expect(f.total).toBe(eligible);
          expect(f.overdue).toBeLessThanOrEqual(f.days[0]?.count ?? 0);
        },
      ),
    );
  });
});
