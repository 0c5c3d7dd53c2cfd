/**
 * The FSRS optimiser, off the main thread. It reads the review log, turns it into fsrs-rs
 * training items, measures the current weights, fits new ones with fsrs-rs (the reference
 * optimiser, compiled to WebAssembly as fsrs-browser) and measures those. The wasm (~1.7 MB)
 * is imported only when a run starts, so nothing of it loads while studying.
 *
 * The log is read here rather than by the page: deserialising 50,000 review rows takes over
 * a second, which would freeze the page (progress bar included) and then cost a second copy
 * into the worker.
 *
 * Threads: fsrs-browser shares its wasm memory with a rayon thread pool of nested workers,
 * which needs a cross-origin isolated page (COOP + COEP headers). Without isolation the
 * pool cannot start; fsrs-rs then runs on this worker's own thread (rayon's fallback),
 * slower, and its progress cannot be shown while it runs.
 *
 * One run per worker: the page terminates it afterwards, which frees the wasm memory and
 * the pool (a Rust panic would also leave the instance unusable).
 */
import { readOptimizerInput } from '../db/optimizer-data.ts';
import type { FitMetrics, WeightsFor } from '../domain/optimizer/fit-metrics.ts';
import { evaluateFit } from '../domain/optimizer/fit-metrics.ts';
import { MIN_REVIEWS_FOR_OPTIMIZER } from '../domain/optimizer/readiness.ts';
import { buildTrainingSet, cardHistories, usableReviewCount } from '../domain/optimizer/training-set.ts';
import type { TrainingSet } from '../domain/optimizer/training-set.ts';
import { localUtcOffset } from '../domain/scheduling/day.ts';
import { toFsrsParameters } from '../domain/scheduling/fsrs-card.ts';
import { DEFAULT_SCHEDULING } from '../domain/scheduling/scheduler.ts';
import type * as FsrsBrowser from 'fsrs-browser';
import { STAGE_START } from './optimizer-messages.ts';
import type { OptimizerRequest, OptimizerResponse, OptimizerStage } from './optimizer-messages.ts';

// fsrs-rs parallelises little at its batch size of 512 (on 2 cores, 1 and 2 threads took the
// same CPU and wall time for 50,000 reviews), so a bigger pool would only hold idle workers.
const MAX_THREADS = 4;
// Anki stores and shows 4 decimals; the fit is measured with the rounded weights we keep.
const DECIMALS = 1e4;

interface LoadedFsrs {
  module: typeof FsrsBrowser;
  memory: WebAssembly.Memory;
  threads: number;
}

function post(message: OptimizerResponse): void {
  self.postMessage(message);
}

function progress(stage: OptimizerStage): void {
  post({ type: 'progress', stage, fraction: STAGE_START[stage] });
}

async function loadFsrs(): Promise<LoadedFsrs> {
  const module = await import('fsrs-browser');
  const { memory } = await module.default();
  if (!self.crossOriginIsolated) return { module, memory, threads: 1 };
  const threads = Math.max(1, Math.min(navigator.hardwareConcurrency || 1, MAX_THREADS));
  await module.initThreadPool(threads);
  return { module, memory, threads };
}

function train(fsrs: LoadedFsrs, set: TrainingSet): number[] {
  const { module, memory, threads } = fsrs;
  const counter = module.Progress.new();
  // The view stays valid while fsrs-rs runs; the page stops reading it at 'done'.
  const counters = self.crossOriginIsolated ? new Uint32Array(memory.buffer, counter.pointer(), 2) : null;
  post({ type: 'training', counters, threads });
  // computeParameters takes ownership of (and frees) both the Fsrs instance and the counter.
  const weights = new module.Fsrs().computeParameters(set.ratings, set.deltaTs, set.lengths, counter, true);
  const rounded = Array.from(weights, (w) => Math.round(w * DECIMALS) / DECIMALS);
  toFsrsParameters({ ...DEFAULT_SCHEDULING, weights: rounded }); // throws if the scheduler would reject them
  return rounded;
}

// The worker exists only for one run, so fetch and compile the wasm (and start its thread
// pool) at once, while the log is read and prepared.
const loading = loadFsrs();
loading.catch(() => undefined); // awaited in run(); this only avoids an unhandled rejection meanwhile

async function run(request: OptimizerRequest): Promise<void> {
  const started = performance.now();
  progress('preparing');
  const { reviews, currentWeights } = await readOptimizerInput(request.deckId);
  const read = performance.now();
  const { histories } = cardHistories(reviews, localUtcOffset);
  const reviewCount = reviews.length;
  const usableCount = usableReviewCount(histories);
  if (usableCount < MIN_REVIEWS_FOR_OPTIMIZER) {
    post({ type: 'not-ready', reviewCount, usableCount });
    return;
  }
  const set = buildTrainingSet(histories);
  const current: WeightsFor = (deckId) => currentWeights[deckId] ?? undefined;
  const before: FitMetrics = evaluateFit(histories, current);
  const fsrs = await loading;
  const prepared = performance.now();
  const weights = train(fsrs, set);
  const trained = performance.now();
  progress('measuring');
  const after = evaluateFit(histories, () => weights);
  post({
    type: 'done',
    weights,
    before,
    after,
    reviewCount,
    usableCount,
    timings: {
      readMs: read - started,
      prepareMs: prepared - read,
      trainMs: trained - prepared,
      measureMs: performance.now() - trained,
    },
  });
}

self.onmessage = (event: MessageEvent<OptimizerRequest>) => {
  run(event.data).catch((error: unknown) => {
    const detail = error instanceof Error ? error.message : String(error);
    post({ type: 'error', message: `The optimiser stopped: ${detail}` });
  });
};
