import { describe, expect, it } from 'vitest';
import { answerButtons } from '../../../../src/domain/stats/answer-buttons.ts';
import { REVIEWS, local } from './fixtures.ts';

describe('answerButtons', () => {
  it('splits the fixed log into learning, young and mature answers', () => {
    const buttons = answerButtons(REVIEWS);
    // Learning (new, learning, relearning before): rows 1 G, 4 G, 9 G, 11 G, 14 A, 15 G.
    expect(buttons.learning).toEqual({ counts: { 1: 1, 2: 0, 3: 5, 4: 0 }, total: 6, correctRate: 5 / 6 });
    // Young review (last ivl < 21): 1b A, 3 A, 7 G, 8 E, 12 H, 16 A.
    expect(buttons.young).toEqual({ counts: { 1: 3, 2: 1, 3: 1, 4: 1 }, total: 6, correctRate: 0.5 });
    // Mature review (last ivl ≥ 21): 2 G, 5 A, 6 H, 10 A, 13 G.
    expect(buttons.mature).toEqual({ counts: { 1: 2, 2: 1, 3: 2, 4: 0 }, total: 5, correctRate: 0.6 });
    // 6 + 6 + 5 = 17 rows.
  });

  it('counts only answers from `since` on', () => {
    // From 9 Mar 04:00: rows 6–16.
    const week = answerButtons(REVIEWS, { since: new Date(local(2024, 3, 9, 4)) });
    expect(week.learning.counts).toEqual({ 1: 1, 2: 0, 3: 3, 4: 0 }); // 9 G, 11 G, 14 A, 15 G
    expect(week.young.counts).toEqual({ 1: 1, 2: 1, 3: 1, 4: 1 }); // 7 G, 8 E, 12 H, 16 A
    expect(week.mature.counts).toEqual({ 1: 1, 2: 1, 3: 1, 4: 0 }); // 6 H, 10 A, 13 G
    expect(week.learning.total + week.young.total + week.mature.total).toBe(11);
  });

  it('a group without answers has a null correct rate', () => {
    expect(answerButtons([]).mature).toEqual({ counts: { 1: 0, 2: 0, 3: 0, 4: 0 }, total: 0, correctRate: null });
  });
});
