import { describe, expect, it } from 'vitest';
import { fixedUtcOffset } from '../../../../src/domain/scheduling/day.ts';
import { DEFAULT_SCHEDULING, createScheduler } from '../../../../src/domain/scheduling/scheduler.ts';
import type { CardSchedule } from '../../../../src/domain/scheduling/types.ts';
import { estimateDailyWorkload } from '../../../../src/domain/scheduling/workload.ts';

const DAY = 86_400_000;
const NOW = new Date('2025-03-01T10:00:00Z');
const utc = fixedUtcOffset(0);
const scheduler = createScheduler(DEFAULT_SCHEDULING);

/** A review card last seen `ago` days before NOW with stability `stability`, due by FSRS at 90%. */
function reviewCard(id: number, stability: number, ago: number): CardSchedule {
  const lastReview = new Date(NOW.getTime() - ago * DAY);
  return {
    ...scheduler.newSchedule(`c${id}`, 'd1', lastReview),
    phase: 'review',
    stability,
    difficulty: 5,
    reps: 4,
    lastReview,
    scheduledDays: Math.round(stability),
    due: new Date(lastReview.getTime() + Math.round(stability) * DAY),
  };
}

function deck(): CardSchedule[] {
  const cards: CardSchedule[] = [];
  for (let i = 0; i < 400; i++) cards.push(reviewCard(i, 2 + (i % 60), i % 40));
  return cards;
}

describe('estimateDailyWorkload', () => {
  it('asks for more reviews a day as desired retention rises', () => {
    const schedules = deck();
    const base = { schedules, options: DEFAULT_SCHEDULING, now: NOW, days: 60, newPerDay: 0, utcOffset: utc };
    const at80 = estimateDailyWorkload({ ...base, desiredRetention: 0.8 });
    const at90 = estimateDailyWorkload({ ...base, desiredRetention: 0.9 });
    const at95 = estimateDailyWorkload({ ...base, desiredRetention: 0.95 });
    expect(at80.averagePerDay).toBeLessThan(at90.averagePerDay);
    expect(at90.averagePerDay).toBeLessThan(at95.averagePerDay);
    expect(at90.perDay).toHaveLength(60);
    expect(at90.totalReviews).toBeCloseTo(at90.perDay.reduce((a, b) => a + b, 0), 9);
    expect(at90.averagePerDay).toBeCloseTo(at90.totalReviews / 60, 9);
  });

  it('is deterministic', () => {
    const input = { schedules: deck(), options: DEFAULT_SCHEDULING, desiredRetention: 0.9, now: NOW, utcOffset: utc };
    expect(estimateDailyWorkload(input)).toEqual(estimateDailyWorkload(input));
  });

  it('counts each existing due card on its due day (overdue ones today) and leaves out suspended cards', () => {
    const overdue = reviewCard(1, 400, 500); // due 100 days ago, next interval far beyond the horizon
    const inThreeDays = { ...reviewCard(2, 400, 0), due: new Date(NOW.getTime() + 3 * DAY) };
    const suspended = { ...reviewCard(3, 400, 500), suspended: true };
    const result = estimateDailyWorkload({
      schedules: [overdue, inThreeDays, suspended],
      options: DEFAULT_SCHEDULING,
      desiredRetention: 0.9,
      now: NOW,
      days: 7,
      newPerDay: 0,
      utcOffset: utc,
    });
    expect(result.perDay[0]).toBeGreaterThanOrEqual(1);
    expect(result.perDay[3]).toBeGreaterThanOrEqual(1);
    // A lapse adds a relearning review; nothing else falls due within the week.
    expect(result.perDay[0]).toBeLessThanOrEqual(2);
    expect(result.perDay[1]).toBeCloseTo(0, 9);
    expect(result.totalReviews).toBeLessThan(5);
  });

  it('adds a relearning review for the expected share of forgotten cards', () => {
    // Stability 2 days, last seen a year ago: recall is unlikely, so most of these lapse today.
    const forgotten = Array.from({ length: 20 }, (_, i) => reviewCard(i, 2, 365));
    const recall = scheduler.retrievability(forgotten[0]!, NOW);
    const result = estimateDailyWorkload({
      schedules: forgotten, options: DEFAULT_SCHEDULING, desiredRetention: 0.9, now: NOW, days: 1, newPerDay: 0, utcOffset: utc,
    });
    const expected = 20 * (1 + (1 - recall)); // one review each, plus one relearning step per lapse
    expect(result.perDay[0]).toBeGreaterThan(expected * 0.9);
    expect(result.perDay[0]).toBeLessThan(expected * 1.1);
  });

  it('introduces new cards at the daily rate, one review per learning step', () => {
    const fresh = Array.from({ length: 10 }, (_, i) => scheduler.newSchedule(`n${i}`, 'd1', NOW));
    const result = estimateDailyWorkload({
      schedules: fresh,
      options: DEFAULT_SCHEDULING,
      desiredRetention: 0.9,
      now: NOW,
      days: 2,
      newPerDay: 5,
      utcOffset: utc,
    });
    // Steps 1m 10m: Good, Good -> graduated after 2 reviews; the first interval is at least a day.
    expect(result.perDay[0]).toBeCloseTo(10, 9);
    expect(result.perDay[1]).toBeGreaterThanOrEqual(10);
  });

  it('takes the number of waiting new cards when they have no schedules yet', () => {
    const result = estimateDailyWorkload({
      schedules: [],
      options: DEFAULT_SCHEDULING,
      desiredRetention: 0.9,
      now: NOW,
      days: 1,
      newPerDay: 20,
      newCardsAvailable: 7,
      utcOffset: utc,
    });
    expect(result.perDay).toEqual([14]);
  });

  it('rejects a bad horizon or retention', () => {
    const base = { schedules: [], options: DEFAULT_SCHEDULING, now: NOW };
    expect(() => estimateDailyWorkload({ ...base, desiredRetention: 0.9, days: 0 })).toThrow(RangeError);
    expect(() => estimateDailyWorkload({ ...base, desiredRetention: 1.2 })).toThrow(RangeError);
  });

  it('handles a 50,000-card collection', () => {
    const big: CardSchedule[] = [];
    for (let i = 0; i < 50_000; i++) big.push(reviewCard(i, 1 + (i % 200), i % 100));
    const result = estimateDailyWorkload({ schedules: big, options: DEFAULT_SCHEDULING, desiredRetention: 0.9, now: NOW, utcOffset: utc });
    expect(result.averagePerDay).toBeGreaterThan(0);
  });
});
