import { describe, expect, it } from 'vitest';
import { READINESS_ASSUMPTIONS, examReadiness } from '../../../../src/domain/stats/readiness.ts';
import { NOW, card } from './fixtures.ts';

const DAY = 86_400_000;
const now = NOW.getTime();
const EXAM = new Date(now + 10 * DAY); // 25 Mar 2024 10:00, ten days away

/*
 * FSRS-6 defaults (w = ts-fsrs default_w, decay 0.1542, F = 0.98035 — see fixtures.ts).
 *
 * P  review S 40, D 5, last review 10 d ago. At the exam t = 20:
 *      R = (1 + 0.98035 × 20/40)^(−0.1542) = 1.490175^(−0.1542) = e^(−0.1542 × 0.398894) ≈ 0.94034.
 *    At 90 % the next review is S × 1 = 40 d after the last one (day 30): after the exam → 0 reviews.
 * Q  review S 5, D 5, last review 5 d ago. At the exam t = 15:
 *      R = (1 + 0.98035 × 3)^(−0.1542) = 3.94105^(−0.1542) = e^(−0.1542 × 1.371446) ≈ 0.80939  < 0.9.
 *    Next review S × 1 = 5 d after the last one = now (due now, R = 0.9), answered Good:
 *      S' = S·(1 + e^w8·(11 − D)·S^(−w9)·(e^(w10·(1 − R)) − 1))
 *         = 5·(1 + 6.50236 × 6 × 5^(−0.1666) × (e^(0.0796) − 1))
 *         = 5·(1 + 6.50236 × 6 × 0.76483 × 0.082854) = 5 × 3.47230 ≈ 17.3615
 *    next interval round(17.36) = 17 d → after the exam. 1 review. Then at the exam (t = 10):
 *      R = (1 + 0.98035 × 10/17.3615)^(−0.1542) = 1.56467^(−0.1542) ≈ 0.93330.
 * N  new. Counts as 0 at the exam. Default learning steps (1m, 10m): two Good answers today,
 *    leaving S0 = w2 = 2.3065 and D ≈ 2.11121. Interval round(2.3065) = 2 d → review on day 2 with
 *      R = (1 + 0.98035 × 2/2.3065)^(−0.1542) = 1.850077^(−0.1542) ≈ 0.90949,
 *      S1 = 2.3065 × (1 + 6.50236 × 8.88879 × 2.3065^(−0.1666) × (e^(0.796 × 0.09051) − 1))
 *         = 2.3065 × (1 + 6.50236 × 8.88879 × 0.87003 × 0.074705) = 2.3065 × 4.75662 ≈ 10.971
 *    next interval 11 d → day 13, after the exam. 2 + 1 = 3 answers. At the exam (t = 8):
 *      R = (1 + 0.98035 × 8/10.971)^(−0.1542) = 1.714866^(−0.1542) ≈ 0.92020.
 * X  suspended: left out.
 * Z  review S 50, deck d2, reviewed now. At the exam R = (1 + 0.98035 × 10/50)^(−0.1542) ≈ 0.97277; 0 reviews.
 */
const Q_CARD = card('Q', { phase: 'review', stability: 5, difficulty: 5, scheduledDays: 5, lastReview: now - 5 * DAY, due: now });
const N_CARD = card('N', { phase: 'new', due: now });
const SCHEDULES = [
  card('P', { phase: 'review', stability: 40, difficulty: 5, scheduledDays: 40, lastReview: now - 10 * DAY, due: now + 30 * DAY }),
  Q_CARD,
  N_CARD,
  card('X', { phase: 'review', stability: 1, difficulty: 5, scheduledDays: 1, lastReview: now - 30 * DAY, due: now - 29 * DAY, suspended: true }),
  card('Z', { deckId: 'd2', phase: 'review', stability: 50, difficulty: 3, scheduledDays: 50, lastReview: now, due: now + 50 * DAY }),
];
const TOPICS = new Map<string, readonly string[]>([
  ['P', ['alpha']],
  ['Q', ['alpha']],
  ['N', ['beta']],
  ['X', ['beta']],
]);
const R_P = 0.94034;
const R_Q = 0.80939;
const R_Z = 0.97277;
const R_Q_PLAN = 0.9333;
const R_N_PLAN = 0.9202;

describe('examReadiness', () => {
  const result = examReadiness({ schedules: SCHEDULES, groupsByCard: TOPICS, examDate: EXAM, now: NOW, desiredRetention: 0.9 });

  it('overall: mean recall at the exam with no more reviews, and the reviews that would fix it', () => {
    expect(result.daysLeft).toBe(10);
    const o = result.overall;
    expect(o.cards).toBe(4); // P, Q, N, Z
    expect(o.newCards).toBe(1);
    // (0.94034 + 0.80939 + 0 + 0.97277) / 4 = 2.72250 / 4 ≈ 0.68063
    expect(o.predictedRecall).toBeCloseTo((R_P + R_Q + 0 + R_Z) / 4, 4);
    // Studied cards only: 2.72250 / 3 ≈ 0.90750
    expect(o.predictedRecallStudied).toBeCloseTo((R_P + R_Q + R_Z) / 3, 4);
    expect(o.cardsBelowTarget).toBe(2); // Q and N
    expect(o.reviewsNeeded).toBe(4); // P 0 + Q 1 + N 3 + Z 0
    expect(o.reviewsPerDay).toBe(1); // ⌈4 / 10⌉
    expect(o.dueNow).toBe(1); // Q
    expect(o.meetsTarget).toBe(false);
    // Following the plan: (0.94034 + 0.93330 + 0.92020 + 0.97277) / 4 ≈ 0.94165
    expect(o.predictedRecallWithPlan).toBeCloseTo((R_P + R_Q_PLAN + R_N_PLAN + R_Z) / 4, 3);
  });

  it('per deck', () => {
    expect(result.byDeck.map((d) => d.group)).toEqual(['d1', 'd2']);
    const [d1, d2] = result.byDeck;
    // d1: (0.94034 + 0.80939 + 0) / 3 ≈ 0.58324; Q 1 + N 3 = 4 reviews.
    expect(d1?.predictedRecall).toBeCloseTo((R_P + R_Q) / 3, 4);
    expect(d1).toMatchObject({ cards: 3, cardsBelowTarget: 2, reviewsNeeded: 4, reviewsPerDay: 1, meetsTarget: false });
    expect(d2?.predictedRecall).toBeCloseTo(R_Z, 4);
    expect(d2).toMatchObject({ cards: 1, cardsBelowTarget: 0, reviewsNeeded: 0, reviewsPerDay: 0, meetsTarget: true });
  });

  it('per topic', () => {
    expect(result.byGroup.map((g) => g.group)).toEqual(['alpha', 'beta']);
    const [alpha, beta] = result.byGroup;
    // alpha: (0.94034 + 0.80939) / 2 ≈ 0.87487; Q needs 1 review → ⌈1/10⌉ = 1 a day.
    expect(alpha?.predictedRecall).toBeCloseTo((R_P + R_Q) / 2, 4);
    expect(alpha).toMatchObject({ cards: 2, newCards: 0, cardsBelowTarget: 1, reviewsNeeded: 1, reviewsPerDay: 1 });
    // beta: only N (X is suspended): recall 0, nothing studied, 3 answers.
    expect(beta).toMatchObject({ cards: 1, newCards: 1, predictedRecall: 0, predictedRecallStudied: null, cardsBelowTarget: 1, reviewsNeeded: 3 });
  });

  it('a lower target asks for fewer reviews', () => {
    // At 80 %: interval modifier (0.8^(−1/0.1542) − 1)/F = (4.25073 − 1)/0.98035 ≈ 3.3160.
    // Q: R at the exam 0.80939 ≥ 0.8; next review round(5 × 3.316) = 17 d after 10 Mar → 27 Mar, after the exam.
    // N: 2 learning answers, then round(2.3065 × 3.316) = 8 d → day 8 < 10: one review; then ≥ 8 more days. 3.
    const low = examReadiness({ schedules: SCHEDULES, groupsByCard: TOPICS, examDate: EXAM, now: NOW, desiredRetention: 0.8 });
    expect(low.byGroup[0]).toMatchObject({ group: 'alpha', cardsBelowTarget: 0, reviewsNeeded: 0, meetsTarget: true });
    expect(low.overall.reviewsNeeded).toBe(3);
  });

  it('learning steps set how many answers a new card takes on its first day', () => {
    // No steps: one Good graduates the card; then the day-2 review as above → 2.
    const noSteps = examReadiness({ schedules: [N_CARD], examDate: EXAM, now: NOW, desiredRetention: 0.9, learningSteps: [] });
    expect(noSteps.overall.reviewsNeeded).toBe(2);
    const three = examReadiness({ schedules: [N_CARD], examDate: EXAM, now: NOW, desiredRetention: 0.9, learningSteps: ['1m', '10m', '1h'] });
    expect(three.overall.reviewsNeeded).toBe(4);
  });

  it('a long way off, a weak card needs several reviews, each farther apart', () => {
    // Q with the exam 120 days away: due now, then ≈17 d, then longer intervals. More than 1, fewer than 10.
    const far = examReadiness({ schedules: [Q_CARD], examDate: new Date(now + 120 * DAY), now: NOW, desiredRetention: 0.9 });
    expect(far.overall.reviewsNeeded).toBeGreaterThan(1);
    expect(far.overall.reviewsNeeded).toBeLessThan(10);
    expect(far.overall.predictedRecallWithPlan).toBeGreaterThanOrEqual(0.88);
  });

  it('counts a card below target by its recall, even when whole-day intervals leave no review before the exam', () => {
    // S 10.6, reviewed now, exam in 10.8 days: R = (1 + 0.98035 × 10.8/10.6)^(−0.1542)
    //   = 1.998845^(−0.1542) = e^(−0.1542 × 0.692570) ≈ 0.89871 < 0.9,
    // yet the next review is round(10.6) = 11 days away, after the exam: 0 reviews.
    const edge = card('E', { phase: 'review', stability: 10.6, difficulty: 5, scheduledDays: 11, lastReview: now, due: now + 11 * DAY });
    const r = examReadiness({ schedules: [edge], examDate: new Date(now + 10.8 * DAY), now: NOW, desiredRetention: 0.9 });
    expect(r.daysLeft).toBe(11);
    expect(r.overall).toMatchObject({ cardsBelowTarget: 1, reviewsNeeded: 0, reviewsPerDay: 0, meetsTarget: false });
    expect(r.overall.predictedRecall).toBeCloseTo(0.89871, 5);
  });

  it('an empty group has no prediction', () => {
    const empty = examReadiness({ schedules: [], examDate: EXAM, now: NOW, desiredRetention: 0.9 });
    expect(empty.overall).toMatchObject({ cards: 0, predictedRecall: null, reviewsNeeded: 0, reviewsPerDay: 0 });
    expect(empty.byDeck).toEqual([]);
  });

  it('rejects an exam date that is not in the future and a target outside (0, 1)', () => {
    expect(() => examReadiness({ schedules: SCHEDULES, examDate: NOW, now: NOW, desiredRetention: 0.9 })).toThrow(RangeError);
    expect(() => examReadiness({ schedules: SCHEDULES, examDate: EXAM, now: NOW, desiredRetention: 1 })).toThrow(RangeError);
    expect(() => examReadiness({ schedules: SCHEDULES, examDate: EXAM, now: NOW, desiredRetention: 0 })).toThrow(RangeError);
  });

  it('states its assumptions in plain words', () => {
    expect(READINESS_ASSUMPTIONS.length).toBeGreaterThanOrEqual(4);
    expect(READINESS_ASSUMPTIONS.some((a) => /no more reviews/i.test(a))).toBe(true);
    expect(READINESS_ASSUMPTIONS.some((a) => /never studied/i.test(a))).toBe(true);
  });
});
