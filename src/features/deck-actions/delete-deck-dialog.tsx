/**
 * Confirmation before deleting a deck, stating what is deleted: the deck, all its cards and
 * its whole review history, with no undo. A built-in deck comes back at the next start,
 * without its progress; the dialog says so.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { ErrorBanner } from '../../components/error-banner.tsx';
import { ModalDialog } from '../../components/modal-dialog.tsx';
import { navigate } from '../../components/routes.ts';
import { deleteDeck } from '../../db/deck-writes.ts';
import { deckDeletionImpact } from '../../db/deck-transfer.ts';
import { describeStorageError } from '../../db/storage-errors.ts';

const count = (n: number, one: string, many: string) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

export function DeleteDeckDialog({ deckId, onClose }: { deckId: string; onClose: () => void }) {
  const impact = useLiveQuery(() => deckDeletionImpact(deckId), [deckId]);
  const [deleting, setDeleting] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const confirm = async () => {
    setDeleting(true);
    setError(null);
    try {
      await deleteDeck(deckId);
      navigate({ name: 'home' });
    } catch (e) {
      setDeleting(false);
      setError(`The deck was not deleted. ${describeStorageError(e)}`);
    }
  };

  return (
    <ModalDialog title={impact ? `Delete “${impact.title}”?` : 'Delete deck?'} onCancel={() => !deleting && onClose()}>
      {impact === undefined ? (
        <p className="muted">Counting what would be deleted…</p>
      ) : (
        <>
          <p>
            This deletes the deck, its {count(impact.cards, 'card', 'cards')} and its review history (
            {count(impact.reviews, 'answer', 'answers')}) from this browser. It cannot be undone.
          </p>
          {impact.builtIn && (
            <p>It is a built-in deck: Retain adds it back, without your progress, the next time it starts.</p>
          )}
          <p className="muted small">To keep a copy, export a backup (Settings) or export the deck first.</p>
        </>
      )}
      {error !== null && <ErrorBanner message={error} />}
      <div className="modal-actions">
        <button type="button" className="button" onClick={onClose} disabled={deleting}>
          Cancel
        </button>
        <button type="button" className="button danger" onClick={() => void confirm()} disabled={deleting || impact === undefined}>
          {deleting ? 'Deleting…' : 'Delete deck'}
        </button>
      </div>
    </ModalDialog>
  );
}
