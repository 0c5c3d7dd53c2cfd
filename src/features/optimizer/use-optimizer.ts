/**
 * The optimiser panel's session state: idle, running (with progress), a result to decide
 * on, applied, kept or failed. Only short-lived UI state lives here; the review count is
 * read live from the database, and the weights are saved by the db layer.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useRef, useState } from 'react';
import { optimizerReviewCount, saveOptimizedWeights } from '../../db/optimizer-data.ts';
import { describeStorageError } from '../../db/storage-errors.ts';
import { runOptimizer, type OptimizerOutcome, type OptimizerProgress, type OptimizerRun } from './run-optimizer.ts';

export type Fitted = Extract<OptimizerOutcome, { kind: 'fitted' }>;

export type OptimizerState =
  | { status: 'idle' }
  | { status: 'running'; progress: OptimizerProgress }
  | { status: 'not-ready'; reviewCount: number; usableCount: number }
  | { status: 'fitted'; fitted: Fitted }
  | { status: 'applied'; fitted: Fitted }
  | { status: 'kept' }
  | { status: 'failed'; message: string };

export interface Optimizer {
  /** Answers in the log for this scope; undefined while counting. */
  reviewCount: number | undefined;
  state: OptimizerState;
  start(): void;
  cancel(): void;
  apply(): Promise<void>;
  keep(): void;
}

export function useOptimizer(deckId: string | null): Optimizer {
  const reviewCount = useLiveQuery(() => optimizerReviewCount(deckId), [deckId]);
  const [state, setState] = useState<OptimizerState>({ status: 'idle' });
  const current = useRef<OptimizerRun | null>(null);

  // Leaving the screen stops a run: its result would have nowhere to go. (The panel is keyed
  // by deck, so switching deck unmounts it too.)
  useEffect(() => () => current.current?.cancel(), []);

  const start = useCallback(() => {
    current.current?.cancel();
    const run = runOptimizer(deckId, (progress) => {
      if (current.current === run) setState({ status: 'running', progress });
    });
    current.current = run;
    setState({ status: 'running', progress: { stage: 'preparing', fraction: 0 } });
    run.result.then(
      (outcome) => {
        if (current.current !== run) return;
        current.current = null;
        setState(outcome.kind === 'fitted' ? { status: 'fitted', fitted: outcome } : { status: 'not-ready', ...outcome });
      },
      (error: unknown) => {
        if (current.current !== run) return;
        current.current = null;
        const stopped = error instanceof DOMException && error.name === 'AbortError';
        setState(stopped ? { status: 'idle' } : { status: 'failed', message: error instanceof Error ? error.message : String(error) });
      },
    );
  }, [deckId]);

  const cancel = useCallback(() => current.current?.cancel(), []);

  const apply = useCallback(async () => {
    if (state.status !== 'fitted') return;
    try {
      await saveOptimizedWeights(deckId, state.fitted.weights, new Date());
      setState({ status: 'applied', fitted: state.fitted });
    } catch (error) {
      setState({ status: 'failed', message: `The new parameters were not saved. ${describeStorageError(error)}` });
    }
  }, [deckId, state]);

  const keep = useCallback(() => setState({ status: 'kept' }), []);

  return { reviewCount, state, start, cancel, apply, keep };
}
