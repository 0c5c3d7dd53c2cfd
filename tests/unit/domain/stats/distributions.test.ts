import { describe, expect, it } from 'vitest';
import { memoryDistributions } from '../../../../src/domain/stats/distributions.ts';
import { NOW, R_10S, R_2S, SCHEDULES, card } from './fixtures.ts';

const counts = (h: { buckets: readonly { count: number }[] }): number[] => h.buckets.map((b) => b.count);

describe('memoryDistributions', () => {
  const dist = memoryDistributions(SCHEDULES, { now: NOW });

  it('interval: review-phase cards by scheduled days (suspended d included)', () => {
    // Review cards: a 2, b 10, c 30, d 2, h 90, i 5.
    // Buckets [0,1) [1,2) [2,3) [3,5) [5,8) [8,15) [15,21) [21,31) [31,61) [61,91) [91,181) [181,366) [366,∞)
    //           0     0     a,d   0     i     b      0       c       0       h       0        0         0
    expect(dist.interval.buckets[0]).toEqual({ from: 0, to: 1, count: 0 });
    expect(dist.interval.buckets[12]).toEqual({ from: 366, to: null, count: 0 });
    expect(counts(dist.interval)).toEqual([0, 0, 2, 0, 1, 1, 0, 1, 0, 1, 0, 0, 0]);
    expect(dist.interval.total).toBe(6);
    // (2 + 10 + 30 + 2 + 90 + 5) / 6 = 139 / 6
    expect(dist.interval.mean).toBeCloseTo(139 / 6, 12);
  });

  it('stability: every studied card (new f, g left out)', () => {
    // a 2, b 10, c 30, d 1.5, e 0.5, h 100, i 5, j 0.8
    // [0,1): e, j   [1,2): d   [2,3): a   [5,8): i   [8,15): b   [21,31): c   [91,181): h
    expect(counts(dist.stability)).toEqual([2, 1, 1, 0, 1, 1, 0, 1, 0, 0, 1, 0, 0]);
    expect(dist.stability.total).toBe(8);
    // (2 + 10 + 30 + 1.5 + 0.5 + 100 + 5 + 0.8) / 8 = 149.8 / 8 = 18.725
    expect(dist.stability.mean).toBeCloseTo(18.725, 12);
  });

  it('difficulty: nine one-point buckets from 1 to 10, the last one closed', () => {
    // a 5.5, b 7.2, c 3, d 4, e 6, h 2, i 9.5, j 10 (10 falls in [9,10])
    expect(dist.difficulty.buckets[8]).toEqual({ from: 9, to: 10, count: 2 });
    expect(counts(dist.difficulty)).toEqual([0, 1, 1, 1, 1, 1, 1, 0, 2]);
    // (5.5 + 7.2 + 3 + 4 + 6 + 2 + 9.5 + 10) / 8 = 47.2 / 8 = 5.9
    expect(dist.difficulty.mean).toBeCloseTo(5.9, 12);
  });

  it('retrievability now: ten buckets of 0.1, the last one closed', () => {
    // t = 0 → 1 (c, e, h, j); t = S → 0.9 (a, i); b at 2S → 0.84588; d at 10S → 0.69283.
    // [0.6,0.7): d   [0.8,0.9): b   [0.9,1]: a, c, e, h, i, j
    expect(counts(dist.retrievability)).toEqual([0, 0, 0, 0, 0, 0, 1, 0, 1, 6]);
    // (4 × 1 + 2 × 0.9 + 0.84588 + 0.69283) / 8 = 7.33871 / 8 = 0.91734
    expect(dist.retrievability.mean).toBeCloseTo((4 + 1.8 + R_2S + R_10S) / 8, 5);
  });

  it('custom FSRS-5 weights (19 values) fall back to decay 0.5', () => {
    const w19 = [0.40255, 1.18385, 3.173, 15.69105, 7.1949, 0.5345, 1.4604, 0.0046, 1.54575, 0.1192, 1.01925, 1.9395, 0.11, 0.29605, 2.2698, 0.2315, 2.9898, 0.51655, 0.6621];
    const b = SCHEDULES.filter((c) => c.cardId === 'b');
    // FSRS-5: R = (1 + (19/81)·t/S)^(−0.5); at t = 2S: (1 + 38/81)^(−0.5) = (119/81)^(−0.5) = 9/√119 ≈ 0.82504.
    const result = memoryDistributions(b, { now: NOW, weights: w19 });
    expect(result.retrievability.mean).toBeCloseTo(9 / Math.sqrt(119), 6);
  });

  it('an empty collection has empty histograms with a null mean', () => {
    const none = memoryDistributions([card('n', { phase: 'new', due: NOW.getTime() })], { now: NOW });
    expect(none.stability.total).toBe(0);
    expect(none.stability.mean).toBeNull();
    expect(none.retrievability.mean).toBeNull();
  });
});
