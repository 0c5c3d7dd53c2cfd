/**
 * One optimiser run: starts a fresh optimiser worker on a deck's (or every deck's) review log,
 * reports progress and resolves with the fit before and after. While fsrs-rs trains, the
 * worker is blocked inside WebAssembly, so the progress bar is fed from here by polling the
 * counters fsrs-rs keeps in (shared) wasm memory.
 */
import type { FitMetrics } from '../../domain/optimizer/fit-metrics.ts';
import { isBetterFit } from '../../domain/optimizer/fit-metrics.ts';
import { STAGE_START } from '../../workers/optimizer-messages.ts';
import type { OptimizerRequest, OptimizerResponse, OptimizerStage, OptimizerTimings } from '../../workers/optimizer-messages.ts';

export interface OptimizerProgress {
  stage: OptimizerStage;
  /** 0..1, or null while training without cross-origin isolation (no live counters). */
  fraction: number | null;
}

export type OptimizerOutcome =
  | {
      kind: 'fitted';
      weights: number[];
      before: FitMetrics;
      after: FitMetrics;
      /** The new weights predict the history better (lower log loss, RMSE no worse). */
      better: boolean;
      reviewCount: number;
      usableCount: number;
      timings: OptimizerTimings;
    }
  | { kind: 'not-ready'; reviewCount: number; usableCount: number };

export interface OptimizerRun {
  result: Promise<OptimizerOutcome>;
  /** Stops the run (terminates the worker); `result` then rejects with an AbortError. */
  cancel(): void;
}

const POLL_MS = 150;

/**
 * Leaves User Timing entries for a finished run: they show in DevTools' performance panel,
 * and scripts/bench-optimizer.ts reads them. The worker's stages are laid end to end from
 * the start (its own start-up, before the first stage, is not measured separately).
 */
function recordTimings(started: number, timings: OptimizerTimings): void {
  performance.measure('optimizer: total', { start: started, end: performance.now() });
  let at = started;
  for (const [name, duration] of [
    ['read log', timings.readMs],
    ['prepare', timings.prepareMs],
    ['train', timings.trainMs],
    ['measure fit', timings.measureMs],
  ] as const) {
    performance.measure(`optimizer: ${name}`, { start: at, duration });
    at += duration;
  }
}

function trainingFraction(counters: Uint32Array): number {
  const [done = 0, total = 0] = counters;
  const within = total > 0 ? Math.min(1, done / total) : 0;
  return STAGE_START.training + (STAGE_START.measuring - STAGE_START.training) * within;
}

/**
 * Starts fitting FSRS to the review log of `deckId` (null: all decks). `onProgress` is
 * called asynchronously only, never before runOptimizer returns; the run starts at
 * stage 'preparing', fraction 0.
 *
 * @example
 * const run = runOptimizer(null, (p) => setProgress(p));
 * const outcome = await run.result; // { kind: 'fitted', before, after, better, ... }
 */
export function runOptimizer(deckId: string | null, onProgress: (progress: OptimizerProgress) => void): OptimizerRun {
  const started = performance.now();
  const worker = new Worker(new URL('../../workers/optimizer.worker.ts', import.meta.url), { type: 'module' });
  let poll: ReturnType<typeof setInterval> | undefined;
  let settle: { resolve(outcome: OptimizerOutcome): void; reject(error: Error): void } | undefined;

  const finish = () => {
    clearInterval(poll);
    worker.terminate();
  };
  const result = new Promise<OptimizerOutcome>((resolve, reject) => {
    settle = { resolve, reject };
  });
  const fail = (error: Error) => {
    finish();
    settle?.reject(error);
  };

  worker.onmessage = (event: MessageEvent<OptimizerResponse>) => {
    const message = event.data;
    switch (message.type) {
      case 'progress':
        clearInterval(poll); // training is over once another stage starts
        onProgress({ stage: message.stage, fraction: message.fraction });
        return;
      case 'training': {
        const { counters } = message;
        onProgress({ stage: 'training', fraction: counters === null ? null : STAGE_START.training });
        if (counters !== null) {
          let last = STAGE_START.training;
          poll = setInterval(() => {
            // Counters can be reset between fsrs-rs's phases; never move the bar backwards.
            last = Math.max(last, trainingFraction(counters));
            onProgress({ stage: 'training', fraction: last });
          }, POLL_MS);
        }
        return;
      }
      case 'done': {
        finish();
        const { weights, before, after, reviewCount, usableCount, timings } = message;
        recordTimings(started, timings);
        onProgress({ stage: 'measuring', fraction: 1 });
        settle?.resolve({ kind: 'fitted', weights, before, after, better: isBetterFit(before, after), reviewCount, usableCount, timings });
        return;
      }
      case 'not-ready':
        finish();
        settle?.resolve({ kind: 'not-ready', reviewCount: message.reviewCount, usableCount: message.usableCount });
        return;
      case 'error':
        fail(new Error(message.message));
        return;
    }
  };
  worker.onerror = (event) => {
    event.preventDefault();
    fail(new Error(`The optimiser could not start: ${event.message || 'its worker failed to load'}.`));
  };

  worker.postMessage({ type: 'run', deckId } satisfies OptimizerRequest);

  return {
    result,
    cancel() {
      fail(new DOMException('The optimiser was stopped.', 'AbortError'));
    },
  };
}
