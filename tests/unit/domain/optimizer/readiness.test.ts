import { describe, expect, it } from 'vitest';
import {
  MIN_REVIEWS_FOR_OPTIMIZER,
  notEnoughUsableExplanation,
  notReadyExplanation,
} from '../../../../src/domain/optimizer/readiness.ts';

describe('optimiser readiness', () => {
  it('needs 400 reviews', () => {
    expect(MIN_REVIEWS_FOR_OPTIMIZER).toBe(400);
  });

  it('explains the minimum with the current count and what is missing', () => {
    const text = notReadyExplanation(120);
    expect(text).toContain('You have 120 reviews');
    expect(text).toContain('at least 400');
    expect(text).toContain('280 more to go');
    expect(notReadyExplanation(1)).toContain('You have 1 review;');
  });

  it('explains why usable reviews can be fewer than reviews', () => {
    const text = notEnoughUsableExplanation(900, 310);
    expect(text).toContain('Of your 900 reviews, 310 can be used');
    expect(text).toContain('later day');
  });
});
