/**
 * How well a set of FSRS weights predicts a person's own history: log loss and RMSE (bins),
 * the two figures fsrs-rs's `evaluate` and the FSRS benchmark report. Both the current and
 * the optimised weights are measured here, by the same code, so "before" and "after" are
 * comparable.
 *
 * Each card's history is replayed through ts-fsrs's FSRS-6 formulas (short-term stability
 * for same-day reviews, as fsrs-rs trains with `enable_short_term`). Every review FSRS
 * predicts (after the first, on a later study day) contributes the predicted recall
 * R(delta_t, S) against the outcome: recalled when the rating is above Again. Same-day
 * reviews are not scored: FSRS predicts R = 1 for them by construction.
 *
 * RMSE (bins) groups predictions by interval, review count and lapse count (fsrs-rs's
 * `r_matrix_index`), compares the mean prediction with the actual recall rate in each
 * group, and weights the squared gaps by group size. It measures calibration; log loss
 * also rewards telling apart the cards that will be recalled from those that will not.
 */
import { fsrs } from 'ts-fsrs';
import type { FSRS, FSRSState } from 'ts-fsrs';
import { isPredicted, type CardHistory } from './training-set.ts';

export interface FitMetrics {
  /** Mean binary cross-entropy of predicted recall against the outcome (lower is better). */
  logLoss: number;
  /** Root mean square calibration error over fsrs-rs's bins (lower is better). */
  rmseBins: number;
  /** How many reviews were predicted. */
  count: number;
}

/** The weights to measure a card with, by its deck; undefined means the FSRS-6 defaults. */
export type WeightsFor = (deckId: string) => readonly number[] | undefined;

interface Bin {
  predicted: number;
  actual: number;
  count: number;
}

// Keeps log(0) out of the loss when a prediction rounds to exactly 0 or 1.
const P_MIN = 1e-9;

function bucket(value: number, base: number, scale: number): number {
  return Math.round(scale * base ** Math.floor(Math.log(value) / Math.log(base)));
}

/** fsrs-rs's `r_matrix_index`: interval bin, (long-term reviews + 1) bin, lapse bin. */
function binKey(deltaT: number, longTermReviews: number, lapses: number): string {
  const deltaBin = bucket(deltaT, 3.62, 248);
  const lengthBin = bucket(longTermReviews + 1, 1.89, 1.99);
  const lapseBin = lapses === 0 ? 0 : bucket(lapses, 1.73, 1.65);
  return `${deltaBin}/${lengthBin}/${lapseBin}`;
}

function schedulerFor(cache: Map<string, FSRS>, weights: readonly number[] | undefined): FSRS {
  const key = weights === undefined ? 'default' : weights.join(',');
  let f = cache.get(key);
  if (f === undefined) {
    f = weights === undefined ? fsrs({ enable_short_term: true }) : fsrs({ w: weights, enable_short_term: true });
    cache.set(key, f);
  }
  return f;
}

/**
 * Log loss and RMSE (bins) of `weightsFor`'s predictions over `histories`.
 *
 * @example
 * const before = evaluateFit(histories, () => undefined); // the FSRS-6 defaults
 * const after = evaluateFit(histories, () => optimised);
 * isBetterFit(before, after); // true when the optimised weights predict better
 */
export function evaluateFit(histories: readonly CardHistory[], weightsFor: WeightsFor): FitMetrics {
  const cache = new Map<string, FSRS>();
  const bins = new Map<string, Bin>();
  let lossSum = 0;
  let count = 0;
  for (const history of histories) {
    const f = schedulerFor(cache, weightsFor(history.deckId));
    let state: FSRSState | null = null;
    let longTermReviews = 0;
    let lapses = 0;
    history.reviews.forEach((review, index) => {
      if (state !== null && isPredicted(history, index)) {
        const p = Math.min(1 - P_MIN, Math.max(P_MIN, f.forgetting_curve(review.deltaT, state.stability)));
        const recalled = review.rating > 1 ? 1 : 0;
        lossSum -= recalled === 1 ? Math.log(p) : Math.log(1 - p);
        count += 1;
        const key = binKey(review.deltaT, longTermReviews + 1, lapses);
        const bin = bins.get(key) ?? { predicted: 0, actual: 0, count: 0 };
        bin.predicted += p;
        bin.actual += recalled;
        bin.count += 1;
        bins.set(key, bin);
      }
      if (review.deltaT > 0) {
        longTermReviews += 1;
        if (review.rating === 1) lapses += 1;
      }
      state = f.next_state(state, review.deltaT, review.rating);
    });
  }
  if (count === 0) return { logLoss: Number.NaN, rmseBins: Number.NaN, count: 0 };
  let squared = 0;
  for (const bin of bins.values()) {
    squared += (bin.predicted / bin.count - bin.actual / bin.count) ** 2 * bin.count;
  }
  return { logLoss: lossSum / count, rmseBins: Math.sqrt(squared / count), count };
}

/**
 * Whether `after` predicts the history better than `before`: lower log loss and RMSE (bins)
 * no worse. Both must hold, so new weights are never offered when either figure would
 * tell the person their predictions got worse.
 *
 * @example
 * isBetterFit({ logLoss: 0.40, rmseBins: 0.05, count: 900 }, { logLoss: 0.36, rmseBins: 0.03, count: 900 }); // true
 */
export function isBetterFit(before: FitMetrics, after: FitMetrics): boolean {
  return after.logLoss < before.logLoss && after.rmseBins <= before.rmseBins;
}
