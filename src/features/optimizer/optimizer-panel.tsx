/**
 * "Optimize parameters": fits FSRS to the person's own reviews of one deck (or all decks,
 * for a null deckId) and shows the fit before and after. New parameters are offered only
 * when they predict the history better, and applied only after confirmation. Below
 * MIN_REVIEWS_FOR_OPTIMIZER reviews the panel explains why it is not ready instead.
 *
 * The app loads this module lazily (React.lazy), so neither it nor the optimiser's worker
 * and WebAssembly are part of what studying loads.
 */
import { useId, useState } from 'react';
import { ErrorBanner } from '../../components/error-banner.tsx';
import {
  MIN_REVIEWS_FOR_OPTIMIZER,
  notEnoughUsableExplanation,
  notReadyExplanation,
} from '../../domain/optimizer/readiness.ts';
import { ApplyDialog } from './apply-dialog.tsx';
import { FitComparison } from './fit-comparison.tsx';
import type { OptimizerProgress } from './run-optimizer.ts';
import { useOptimizer, type Fitted, type OptimizerState } from './use-optimizer.ts';
import './optimizer.css';

const STAGE_LABELS: Record<OptimizerProgress['stage'], string> = {
  preparing: 'Reading your review history…',
  training: 'Fitting FSRS to your reviews…',
  measuring: 'Measuring the fit…',
};

function ProgressBar({ progress, onCancel }: { progress: OptimizerProgress; onCancel: () => void }) {
  const id = useId();
  return (
    <div className="optimizer-progress">
      <label htmlFor={id}>{STAGE_LABELS[progress.stage]}</label>
      <progress id={id} max={1} value={progress.fraction ?? undefined} />
      {progress.fraction === null && (
        <p className="muted small">Progress cannot be shown on this page (it is not cross-origin isolated); please wait.</p>
      )}
      <div className="row">
        <button type="button" className="button" onClick={onCancel}>
          Stop
        </button>
      </div>
    </div>
  );
}

function Weights({ fitted }: { fitted: Fitted }) {
  return (
    <details className="optimizer-weights">
      <summary>Optimised parameters</summary>
      <code>{fitted.weights.join(', ')}</code>
    </details>
  );
}

/** What the last action led to, in the panel's one live region (so screen readers hear it). */
function outcomeText(state: OptimizerState, allDecks: boolean): string {
  switch (state.status) {
    case 'not-ready':
      return notEnoughUsableExplanation(state.reviewCount, state.usableCount);
    case 'fitted':
      return state.fitted.better
        ? 'The optimised parameters predict your history better than the current ones.'
        : 'The current parameters predict your history at least as well, so they stay.';
    case 'applied':
      return `New parameters applied to ${allDecks ? 'every deck' : 'this deck'}.`;
    case 'kept':
      return 'Your current parameters are kept.';
    default:
      return '';
  }
}

export default function OptimizerPanel({ deckId }: { deckId: string | null }) {
  // A fresh panel per scope: a result for one deck must never be applied to another.
  return <Panel key={deckId === null ? 'all-decks' : `deck:${deckId}`} deckId={deckId} />;
}

function Panel({ deckId }: { deckId: string | null }) {
  const { reviewCount, state, start, cancel, apply, keep } = useOptimizer(deckId);
  const [confirming, setConfirming] = useState(false);
  const ready = reviewCount !== undefined && reviewCount >= MIN_REVIEWS_FOR_OPTIMIZER;
  // While running, and while a result waits for Apply or Keep, there is nothing else to start.
  const busy = state.status === 'running' || state.status === 'fitted';

  return (
    // Not a named region: the screen that hosts the panel decides on landmarks (the statistics
    // screen already wraps it in one called "FSRS parameters").
    <section className="optimizer-panel">
      <h2>FSRS parameters</h2>
      <p className="muted small">
        The optimiser fits FSRS’s memory model to your own review history, so that intervals follow how you
        remember. It runs on this device; nothing is sent anywhere.
      </p>
      {reviewCount !== undefined && !ready && <p>{notReadyExplanation(reviewCount)}</p>}
      {!busy && (
        <div className="row">
          <button type="button" className="button primary" disabled={!ready} onClick={start}>
            Optimize parameters
          </button>
        </div>
      )}
      {state.status === 'running' && <ProgressBar progress={state.progress} onCancel={cancel} />}
      {state.status === 'fitted' && (
        <>
          <FitComparison before={state.fitted.before} after={state.fitted.after} />
          <p className="muted small">Fitted in {(state.fitted.timings.trainMs / 1000).toFixed(1)} s.</p>
        </>
      )}
      <p role="status" className="optimizer-status">{outcomeText(state, deckId === null)}</p>
      {state.status === 'fitted' && (
        <>
          <Weights fitted={state.fitted} />
          <div className="row">
            {state.fitted.better && (
              <button type="button" className="button primary" onClick={() => setConfirming(true)}>
                Apply new parameters
              </button>
            )}
            <button type="button" className="button" onClick={keep}>
              Keep current
            </button>
          </div>
        </>
      )}
      {state.status === 'failed' && <ErrorBanner message={state.message} onRetry={start} />}
      {confirming && state.status === 'fitted' && (
        <ApplyDialog
          allDecks={deckId === null}
          onCancel={() => setConfirming(false)}
          onConfirm={async () => {
            await apply();
            setConfirming(false);
          }}
        />
      )}
    </section>
  );
}
