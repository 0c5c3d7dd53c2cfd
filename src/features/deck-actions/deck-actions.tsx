/**
 * Actions on one deck, for its browse screen: export it as deck text (the format the import
 * reads back), and delete it after a confirmation that says exactly what goes with it.
 */
import { useState } from 'react';
import { ErrorBanner } from '../../components/error-banner.tsx';
import { DeleteDeckDialog } from './delete-deck-dialog.tsx';
import { exportDeckText } from './export-deck.ts';
import './deck-actions.css';

export function DeckActions({ deckId }: { deckId: string }) {
  const [confirming, setConfirming] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const exportDeck = async () => {
    setError(null);
    try {
      setStatus(await exportDeckText(deckId));
    } catch (e) {
      setStatus(null);
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <div className="deck-tools">
      <div className="row">
        <button type="button" className="button" onClick={() => void exportDeck()}>
          Export deck
        </button>
        <button type="button" className="button danger" onClick={() => setConfirming(true)}>
          Delete deck
        </button>
      </div>
      <p role="status" className="muted small">{status}</p>
      {error !== null && <ErrorBanner message={error} onDismiss={() => setError(null)} />}
      {confirming && <DeleteDeckDialog deckId={deckId} onClose={() => setConfirming(false)} />}
    </div>
  );
}
