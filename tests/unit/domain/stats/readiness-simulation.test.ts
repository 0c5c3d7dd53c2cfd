import { describe, expect, it } from 'vitest';
import { cardOutlook, readinessModel } from '../../../../src/domain/stats/readiness-simulation.ts';
import { NOW, card } from './fixtures.ts';

const DAY = 86_400_000;
const now = NOW.getTime();
const model = readinessModel({ desiredRetention: 0.9 });

// Arithmetic for Q and N is in readiness.test.ts; here each card is checked to five places.
describe('cardOutlook', () => {
  it('review card due now: one review, then stability ≈ 17.36 carries it past the exam', () => {
    const q = card('Q', { phase: 'review', stability: 5, difficulty: 5, lastReview: now - 5 * DAY, due: now });
    const outlook = cardOutlook(q, now, now + 10 * DAY, model);
    expect(outlook).toMatchObject({ reviewsNeeded: 1, dueNow: true, isNew: false });
    expect(outlook.recallAtExam).toBeCloseTo(0.80939, 5);
    // R(10, 17.3615) = 1.56467^(−0.1542) ≈ 0.93330
    expect(outlook.recallWithPlan).toBeCloseTo(0.9333, 5);
  });

  it('new card: the learning answers run FSRS short-term updates before the first review', () => {
    // Two Goods today leave S = 2.3065, D = 2.11121; day-2 review → S ≈ 10.971; R(8, 10.971) ≈ 0.92020.
    const n = card('N', { phase: 'new', due: now });
    const outlook = cardOutlook(n, now, now + 10 * DAY, model);
    expect(outlook).toMatchObject({ reviewsNeeded: 3, dueNow: false, isNew: true, recallAtExam: 0 });
    expect(outlook.recallWithPlan).toBeCloseTo(0.9202, 5);
  });

  it('an overdue card is reviewed at once, at a lower retrievability, for a larger gain', () => {
    // Same card, but last reviewed 15 days ago (due 10 days ago): reviewed now at R(15, 5) ≈ 0.809.
    // FSRS gives a bigger stability increase for a harder recall, so the exam-day recall beats
    // the on-time case above (0.93330).
    const late = card('L', { phase: 'review', stability: 5, difficulty: 5, lastReview: now - 15 * DAY, due: now - 10 * DAY });
    const outlook = cardOutlook(late, now, now + 10 * DAY, model);
    expect(outlook).toMatchObject({ reviewsNeeded: 1, dueNow: true });
    expect(outlook.recallWithPlan).toBeGreaterThan(0.9333);
  });

  it('a card safely above target needs nothing', () => {
    const solid = card('S', { phase: 'review', stability: 200, difficulty: 3, lastReview: now, due: now + 200 * DAY });
    const outlook = cardOutlook(solid, now, now + 30 * DAY, model);
    expect(outlook.reviewsNeeded).toBe(0);
    expect(outlook.recallWithPlan).toBe(outlook.recallAtExam);
  });

  it('rejects a maximum interval below one day (the plan would never move forward)', () => {
    expect(() => readinessModel({ desiredRetention: 0.9, maximumIntervalDays: 0 })).toThrow(RangeError);
  });
});
