import { describe, expect, it } from 'vitest';
import { GENERATED_DAY_START_HOUR, generateReviewLog } from '../../../../src/domain/optimizer/generate-review-log.ts';
import { pickWeighted, seededRandom } from '../../../../src/domain/optimizer/prng.ts';
import { cardHistories } from '../../../../src/domain/optimizer/training-set.ts';
import { fixedUtcOffset } from '../../../../src/domain/scheduling/day.ts';

const start = new Date('2025-01-06T10:00:00Z');

describe('seededRandom', () => {
  it('repeats its sequence for a seed, differs between seeds, and stays in [0, 1)', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const c = seededRandom(43);
    const first = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(first);
    expect(Array.from({ length: 1000 }, () => c())).not.toEqual(first);
    expect(first.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(first.reduce((s, x) => s + x, 0) / first.length).toBeCloseTo(0.5, 1);
  });

  it('pickWeighted follows the weights', () => {
    const random = seededRandom(1);
    const counts = [0, 0, 0];
    for (let i = 0; i < 10_000; i += 1) counts[pickWeighted(random, [1, 0, 3])]! += 1;
    expect(counts[1]).toBe(0);
    expect(counts[2]! / counts[0]!).toBeCloseTo(3, 0);
  });
});

describe('generateReviewLog', () => {
  const log = generateReviewLog(7, { cards: 120, reviews: 1000, start });

  it('is deterministic: the same seed gives the same log, another seed another', () => {
    expect(generateReviewLog(7, { cards: 120, reviews: 1000, start })).toEqual(log);
    const other = generateReviewLog(8, { cards: 120, reviews: 1000, start });
    expect(other.map((e) => e.rating)).not.toEqual(log.map((e) => e.rating));
  });

  it('produces exactly the requested number of answers, oldest first, from the start', () => {
    expect(log).toHaveLength(1000);
    const times = log.map((e) => e.reviewedAt.getTime());
    expect(times.every((t, i) => i === 0 || t >= (times[i - 1] ?? 0))).toBe(true);
    expect(times[0]).toBeGreaterThanOrEqual(start.getTime());
  });

  it('plays the app scheduler: every card starts new, states chain, learning steps happen the same day', () => {
    const byCard = new Map<string, typeof log>();
    for (const entry of log) byCard.set(entry.cardId, [...(byCard.get(entry.cardId) ?? []), entry]);
    expect(byCard.size).toBe(120);
    for (const entries of byCard.values()) {
      expect(entries[0]?.before.phase).toBe('new');
      entries.forEach((entry, i) => {
        if (i > 0) expect(entry.before).toEqual(entries[i - 1]?.after);
      });
    }
    const { histories } = cardHistories(
      log.map((e) => ({ ...e, wasNew: e.before.phase === 'new', dayStartHour: GENERATED_DAY_START_HOUR })),
      fixedUtcOffset(0),
    );
    const sameDay = histories.flatMap((h) => h.reviews.slice(1)).filter((r) => r.deltaT === 0).length;
    const laterDay = histories.flatMap((h) => h.reviews.slice(1)).filter((r) => r.deltaT > 0).length;
    expect(sameDay).toBeGreaterThan(100);
    expect(laterDay).toBeGreaterThan(500);
  });

  it('forgets sometimes: every rating occurs, Good the most', () => {
    const counts = [1, 2, 3, 4].map((r) => log.filter((e) => e.rating === r).length);
    expect(counts.every((c) => c > 0)).toBe(true);
    expect(Math.max(...counts)).toBe(counts[2]);
  });
});
