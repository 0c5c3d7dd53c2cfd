/**
 * Retrievability for statistics: the FSRS probability that a card is recalled at a given
 * moment, from its stability and the time since its last review.
 *
 * The curve is ts-fsrs's `forgetting_curve`; its decay is w20 of the weights in use (FSRS-6
 * default 0.1542, or 0.5 for older 17- or 19-value weights, as ts-fsrs migrates them).
 * Elapsed time is measured in fractional days (a card reviewed six hours ago has already lost
 * a little); ts-fsrs's own `get_retrievability` floors to whole days instead.
 */
import { forgetting_curve, migrateParameters } from 'ts-fsrs';
import type { CardSchedule } from '../scheduling/types.ts';
import { DAY_MS } from './day-grid.ts';

/**
 * The forgetting-curve decay for a set of FSRS weights (defaults when omitted).
 *
 * @example
 * decayOf() // → 0.1542
 */
export function decayOf(weights?: readonly number[]): number {
  const w = migrateParameters(weights);
  return w[20] ?? 0.5;
}

/** Whether FSRS has a memory state for the card: it has been answered at least once. */
export function isStudied(s: Pick<CardSchedule, 'phase' | 'stability' | 'lastReview'>): boolean {
  return s.phase !== 'new' && s.lastReview !== null && s.stability > 0;
}

/**
 * Probability of recall at `atMs`; null for a card never studied.
 *
 * @example
 * // stability 10 days, last review 10 days before `at` → 0.9 by definition of stability
 * retrievabilityAt(card, at, decayOf()) // → 0.9
 */
export function retrievabilityAt(
  s: Pick<CardSchedule, 'phase' | 'stability' | 'lastReview'>,
  atMs: number,
  decay: number,
): number | null {
  if (!isStudied(s) || s.lastReview === null) return null;
  const elapsedDays = Math.max(0, (atMs - s.lastReview.getTime()) / DAY_MS);
  return forgetting_curve(decay, elapsedDays, s.stability);
}
