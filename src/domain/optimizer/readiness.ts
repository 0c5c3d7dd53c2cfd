/**
 * When the optimiser is worth running. Below a few hundred reviews the fitted weights
 * follow chance more than memory; FSRS's defaults, fitted to millions of reviews from
 * many people, predict better than that. 400 is the floor Anki's FSRS guidance uses.
 */

export const MIN_REVIEWS_FOR_OPTIMIZER = 400;

/**
 * Why the optimiser is not offered yet, for the person who asked.
 *
 * @example
 * notReadyExplanation(120);
 * // 'You have 120 reviews; the optimiser needs at least 400. ... 280 more to go.'
 */
export function notReadyExplanation(reviewCount: number): string {
  const missing = Math.max(0, MIN_REVIEWS_FOR_OPTIMIZER - reviewCount);
  return (
    `You have ${reviewCount} ${reviewCount === 1 ? 'review' : 'reviews'}; the optimiser needs at least ` +
    `${MIN_REVIEWS_FOR_OPTIMIZER}. The default parameters were fitted to millions of reviews by many ` +
    'people; fitted to fewer of yours, they would follow chance more than your memory and could ' +
    `schedule worse. Keep studying: ${missing} more to go.`
  );
}

/**
 * Why a log with enough reviews still has too few the optimiser can learn from.
 *
 * @example
 * notEnoughUsableExplanation(900, 310);
 * // 'Of your 900 reviews, 310 can be used: ...'
 */
export function notEnoughUsableExplanation(reviewCount: number, usableCount: number): string {
  return (
    `Of your ${reviewCount} reviews, ${usableCount} can be used: the optimiser learns from answers ` +
    "given on a later day than the card's previous answer, for cards whose history starts on this " +
    `device. It needs at least ${MIN_REVIEWS_FOR_OPTIMIZER}; come back after a few more days of reviews.`
  );
}
