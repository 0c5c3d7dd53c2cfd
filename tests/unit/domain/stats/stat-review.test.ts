import { describe, expect, it } from 'vitest';
import { toStatReview } from '../../../../src/domain/stats/stat-review.ts';
import type { ReviewEntry } from '../../../../src/domain/scheduling/types.ts';
import { card, local } from './fixtures.ts';

describe('toStatReview', () => {
  it('keeps what statistics need from a review-log entry', () => {
    const before = card('k', { deckId: 'deck-7', phase: 'review', stability: 30, difficulty: 4, scheduledDays: 27, lastReview: local(2024, 2, 1), due: local(2024, 2, 28) });
    const after = { ...before, scheduledDays: 60, due: new Date(local(2024, 4, 29)) };
    const entry: ReviewEntry = { cardId: 'k', deckId: 'deck-7', rating: 3, reviewedAt: new Date(local(2024, 2, 29, 8, 30)), durationMs: 4200, before, after };
    expect(toStatReview(entry)).toEqual({
      cardId: 'k',
      deckId: 'deck-7',
      reviewedAt: local(2024, 2, 29, 8, 30),
      rating: 3,
      durationMs: 4200,
      phaseBefore: 'review',
      lastIntervalDays: 27,
    });
  });
});
