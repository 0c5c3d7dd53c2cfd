/**
 * The FSRS optimiser panel inside the statistics screen, loaded only when the screen shows it
 * (it brings its own worker and WebAssembly). The one place this feature reaches into another,
 * lazily, as the statistics screen is where the optimiser lives.
 */
import { lazy, Suspense } from 'react';

const OptimizerPanel = lazy(() => import('../optimizer/optimizer-panel.tsx'));

export function OptimizerSlot({ deckId }: { deckId: string | null }) {
  return (
    <section className="stats-section" aria-label="FSRS parameters">
      <Suspense fallback={<p className="muted">Loading the optimiser…</p>}>
        <OptimizerPanel deckId={deckId} />
      </Suspense>
    </section>
  );
}
