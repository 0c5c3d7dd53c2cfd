/**
 * Distributions of the cards' memory state: interval, stability, difficulty and
 * retrievability now, each as a histogram with fixed bucket edges and a mean.
 *
 * Interval covers cards in the review phase (their `scheduledDays`); the other three cover
 * every card FSRS has a memory state for (not new). Suspended and buried cards are included,
 * as they are in Anki's graphs: their memory exists whether or not they are shown.
 */
import type { CardSchedule } from '../scheduling/types.ts';
import { decayOf, isStudied, retrievabilityAt } from './retrievability.ts';

export interface HistogramBucket {
  /** Inclusive lower edge. */
  from: number;
  /** Exclusive upper edge (inclusive for the last bucket of a closed range); null when open-ended. */
  to: number | null;
  count: number;
}

export interface Histogram {
  buckets: HistogramBucket[];
  total: number;
  /** Mean of the values; null when there are none. */
  mean: number | null;
}

export interface MemoryDistributions {
  /** Days until the next review, review-phase cards. */
  interval: Histogram;
  /** FSRS stability in days. */
  stability: Histogram;
  /** FSRS difficulty, 1–10. */
  difficulty: Histogram;
  /** Probability of recall at `now`, 0–1. */
  retrievability: Histogram;
}

/**
 * Day edges shared by interval and stability, chosen to read as "1 day, 2 days, 3–4 days,
 * under a week, under two weeks, under three weeks (young), under a month, 1–2 months,
 * 2–3 months, 3–6 months, 6–12 months, more than a year". 21 is the young/mature line.
 */
export const DAY_BUCKET_EDGES: readonly number[] = [0, 1, 2, 3, 5, 8, 15, 21, 31, 61, 91, 181, 366];
export const DIFFICULTY_BUCKET_EDGES: readonly number[] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
export const RETRIEVABILITY_BUCKET_EDGES: readonly number[] = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1];

interface Accumulator {
  edges: readonly number[];
  /** The last edge closes the range instead of opening a bucket to infinity. */
  closedTop: boolean;
  counts: number[];
  sum: number;
  total: number;
}

function accumulator(edges: readonly number[], closedTop: boolean): Accumulator {
  const buckets = closedTop ? edges.length - 1 : edges.length;
  return { edges, closedTop, counts: new Array<number>(buckets).fill(0), sum: 0, total: 0 };
}

/** Adds a value; values below the first edge go to the first bucket, above a closed top to the last. */
function add(acc: Accumulator, value: number): void {
  let i = acc.counts.length - 1;
  // At most 13 edges: a short scan from the top beats a binary search here.
  while (i > 0 && value < (acc.edges[i] ?? -Infinity)) i--;
  acc.counts[i] = (acc.counts[i] ?? 0) + 1;
  acc.sum += value;
  acc.total++;
}

function histogram(acc: Accumulator): Histogram {
  const last = acc.counts.length - 1;
  const buckets = acc.counts.map((count, i) => ({
    from: acc.edges[i] ?? 0,
    to: i === last && !acc.closedTop ? null : (acc.edges[i + 1] ?? null),
    count,
  }));
  return { buckets, total: acc.total, mean: acc.total === 0 ? null : acc.sum / acc.total };
}

export interface DistributionOptions {
  now: Date;
  /** FSRS weights in use; omit for the FSRS-6 defaults. */
  weights?: readonly number[];
}

/**
 * Builds the four histograms in one pass over the card states.
 *
 * @example
 * const d = memoryDistributions(schedules, { now });
 * d.difficulty.buckets[0] // → { from: 1, to: 2, count: 0 }
 * d.retrievability.mean   // → 0.917
 */
export function memoryDistributions(schedules: readonly CardSchedule[], options: DistributionOptions): MemoryDistributions {
  const nowMs = options.now.getTime();
  const decay = decayOf(options.weights);
  const interval = accumulator(DAY_BUCKET_EDGES, false);
  const stability = accumulator(DAY_BUCKET_EDGES, false);
  const difficulty = accumulator(DIFFICULTY_BUCKET_EDGES, true);
  const retrievability = accumulator(RETRIEVABILITY_BUCKET_EDGES, true);
  for (const s of schedules) {
    if (s.phase === 'review') add(interval, s.scheduledDays);
    if (!isStudied(s)) continue;
    add(stability, s.stability);
    add(difficulty, s.difficulty);
    const r = retrievabilityAt(s, nowMs, decay);
    if (r !== null) add(retrievability, r);
  }
  return {
    interval: histogram(interval),
    stability: histogram(stability),
    difficulty: histogram(difficulty),
    retrievability: histogram(retrievability),
  };
}
