/**
 * What restoring a backup will do, before it is done: what the file holds and what the merge
 * adds or updates here. Restoring never deletes anything, and it is one transaction.
 */
import { useState } from 'react';
import { ErrorBanner } from '../../components/error-banner.tsx';
import { ModalDialog } from '../../components/modal-dialog.tsx';
import { applyRestore, type RestorePlan } from './backup-actions.ts';

const n = (value: number) => value.toLocaleString('en');

export function RestoreDialog({ plan, onDone, onCancel }: { plan: RestorePlan; onDone: (message: string) => void; onCancel: () => void }) {
  const [restoring, setRestoring] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { backup, summary } = plan;
  const made = new Date(backup.exportedAt);

  const confirm = async () => {
    setRestoring(true);
    setError(null);
    try {
      onDone(await applyRestore(plan));
    } catch (e) {
      setRestoring(false);
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <ModalDialog title="Restore backup" onCancel={() => !restoring && onCancel()}>
      <p>
        {plan.fileName}, made {Number.isNaN(made.getTime()) ? 'at an unknown time' : made.toLocaleString()}: {n(backup.decks.length)} decks,{' '}
        {n(backup.cards.length)} cards, {n(backup.reviews.length)} answers.
      </p>
      <p>
        {summary.intoEmpty
          ? 'This browser holds nothing yet: restoring reproduces the backed-up collection exactly.'
          : 'The backup is merged into what this browser holds; nothing here is deleted.'}
      </p>
      <ul aria-label="What restoring changes">
        <li>Decks: {n(summary.decksAdded)} added, {n(summary.decksUpdated)} updated</li>
        <li>Cards: {n(summary.cardsAdded)} added, {n(summary.cardsUpdated)} updated</li>
        <li>
          Review log: {n(summary.reviewsAdded)} answers added, {n(summary.reviewsAlreadyPresent)} already here
        </li>
        <li>Card schedules recomputed from the merged log: {n(summary.statesRecomputed)}</li>
        <li>Settings changed: {n(summary.settingsChanged)}</li>
      </ul>
      {error !== null && <ErrorBanner message={error} />}
      <div className="modal-actions">
        <button type="button" className="button" onClick={onCancel} disabled={restoring}>
          Cancel
        </button>
        <button type="button" className="button primary" onClick={() => void confirm()} disabled={restoring}>
          {restoring ? 'Restoring…' : 'Restore'}
        </button>
      </div>
    </ModalDialog>
  );
}
