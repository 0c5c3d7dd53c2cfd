/**
 * Answer-button counts, split as Anki's "Answer Buttons" chart splits them: answers while
 * learning (new, learning and relearning cards), answers to young review cards and to
 * mature ones (interval before the answer of 21 days or more).
 */
import type { Rating } from '../scheduling/types.ts';
import { MATURE_INTERVAL_DAYS, type StatReview } from './stat-review.ts';

export interface ButtonCounts {
  counts: Record<Rating, number>;
  total: number;
  /** Share of answers that were not Again, 0–1; null without answers. */
  correctRate: number | null;
}

export interface AnswerButtons {
  learning: ButtonCounts;
  young: ButtonCounts;
  mature: ButtonCounts;
}

export interface AnswerButtonOptions {
  /** Count only answers from this moment on; omit for all time. */
  since?: Date;
}

type Counts = Record<Rating, number>;

function finish(counts: Counts): ButtonCounts {
  const total = counts[1] + counts[2] + counts[3] + counts[4];
  return { counts, total, correctRate: total === 0 ? null : (total - counts[1]) / total };
}

/**
 * Counts each button per kind of answer in one pass.
 *
 * @example
 * answerButtons(reviews, { since: new Date(periodStart(now, 4, 30)) }).mature
 * // → { counts: { 1: 2, 2: 1, 3: 2, 4: 0 }, total: 5, correctRate: 0.6 }
 */
export function answerButtons(reviews: readonly StatReview[], options: AnswerButtonOptions = {}): AnswerButtons {
  const since = options.since?.getTime() ?? -Infinity;
  const learning: Counts = { 1: 0, 2: 0, 3: 0, 4: 0 };
  const young: Counts = { 1: 0, 2: 0, 3: 0, 4: 0 };
  const mature: Counts = { 1: 0, 2: 0, 3: 0, 4: 0 };
  for (const r of reviews) {
    if (r.reviewedAt < since) continue;
    const target = r.phaseBefore !== 'review' ? learning : r.lastIntervalDays >= MATURE_INTERVAL_DAYS ? mature : young;
    target[r.rating]++;
  }
  return { learning: finish(learning), young: finish(young), mature: finish(mature) };
}
