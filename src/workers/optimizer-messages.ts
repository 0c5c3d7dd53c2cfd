/**
 * The messages between the page and the optimiser worker, and how far through a run each
 * stage is (shared so that the bar moves smoothly from the worker's stages into the
 * training progress the page reads itself).
 */
import type { FitMetrics } from '../domain/optimizer/fit-metrics.ts';

/** Page -> worker: fit FSRS to the review log of one deck, or of all decks for null. */
export interface OptimizerRequest {
  type: 'run';
  deckId: string | null;
}

export type OptimizerStage = 'preparing' | 'training' | 'measuring';

/** Overall progress when each stage starts; training fills the span up to 'measuring'. */
export const STAGE_START: Record<OptimizerStage, number> = { preparing: 0, training: 0.1, measuring: 0.9 };

export interface OptimizerTimings {
  /** Reading the log from IndexedDB. */
  readMs: number;
  /** Building the training items and measuring the current weights (and waiting for the wasm). */
  prepareMs: number;
  trainMs: number;
  measureMs: number;
}

/** Worker -> page. */
export type OptimizerResponse =
  /** A stage started; `fraction` is the overall progress (STAGE_START). */
  | { type: 'progress'; stage: OptimizerStage; fraction: number }
  /**
   * Training has started. fsrs-rs then blocks the worker until it finishes, so the worker
   * cannot post progress itself: `counters` is a live view of the wasm memory where fsrs-rs
   * counts [done, total], which the page polls. Null when the page is not cross-origin
   * isolated (memory cannot be shared): progress is then unknown until training ends.
   */
  | { type: 'training'; counters: Uint32Array | null; threads: number }
  | {
      type: 'done';
      weights: number[];
      before: FitMetrics;
      after: FitMetrics;
      reviewCount: number;
      usableCount: number;
      timings: OptimizerTimings;
    }
  /** Too few usable reviews: nothing was trained. */
  | { type: 'not-ready'; reviewCount: number; usableCount: number }
  | { type: 'error'; message: string };
