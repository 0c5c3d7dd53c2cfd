import { describe, expect, it } from 'vitest';
import { decayOf, isStudied, retrievabilityAt } from '../../../../src/domain/stats/retrievability.ts';
import { NOW, R_2S, card } from './fixtures.ts';

const HOUR = 3_600_000;
const now = NOW.getTime();

describe('retrievabilityAt', () => {
  const decay = decayOf();

  it('uses the FSRS-6 default decay', () => {
    expect(decay).toBe(0.1542);
  });

  it('is 1 right after a review and 0.9 once the elapsed time equals the stability', () => {
    const fresh = card('s', { phase: 'review', stability: 4, difficulty: 5, lastReview: now, due: now });
    expect(retrievabilityAt(fresh, now, decay)).toBe(1);
    expect(retrievabilityAt(fresh, now + 4 * 24 * HOUR, decay)).toBeCloseTo(0.9, 8);
    expect(retrievabilityAt(fresh, now + 8 * 24 * HOUR, decay)).toBeCloseTo(R_2S, 5);
  });

  it('counts elapsed time in fractional days', () => {
    // Stability half a day, reviewed 12 hours ago: t = S → 0.9 (whole days would say t = 0 → 1).
    const young = card('h', { phase: 'learning', stability: 0.5, difficulty: 5, lastReview: now - 12 * HOUR, due: now });
    expect(retrievabilityAt(young, now, decay)).toBeCloseTo(0.9, 8);
  });

  it('treats a last review in the future as just reviewed', () => {
    const ahead = card('f', { phase: 'review', stability: 3, difficulty: 5, lastReview: now + HOUR, due: now });
    expect(retrievabilityAt(ahead, now, decay)).toBe(1);
  });

  it('has no value for a card never studied', () => {
    const fresh = card('n', { phase: 'new', due: now });
    expect(isStudied(fresh)).toBe(false);
    expect(retrievabilityAt(fresh, now, decay)).toBeNull();
    // A non-new card without a memory state (e.g. imported without history) is not studied either.
    expect(isStudied(card('z', { phase: 'review', stability: 0, lastReview: now, due: now }))).toBe(false);
  });
});
