/**
 * Confirmation before optimised parameters replace the current ones: says what changes
 * (scheduling from the next answer, for this deck or every deck) and what does not (due
 * dates already set, the review history).
 */
import { useState } from 'react';
import { ModalDialog } from '../../components/modal-dialog.tsx';

export function ApplyDialog({ allDecks, onConfirm, onCancel }: {
  allDecks: boolean;
  onConfirm: () => Promise<void>;
  onCancel: () => void;
}) {
  const [saving, setSaving] = useState(false);
  const confirm = async () => {
    setSaving(true);
    await onConfirm();
  };
  return (
    <ModalDialog title="Apply the new parameters?" onCancel={() => !saving && onCancel()}>
      <p>
        From your next answer, {allDecks ? 'every deck' : 'this deck'} will be scheduled with the optimised
        parameters. Due dates already set stay as they are, and your review history is not changed.
      </p>
      <div className="modal-actions">
        <button type="button" className="button" onClick={onCancel} disabled={saving}>
          Cancel
        </button>
        <button type="button" className="button primary" onClick={() => void confirm()} disabled={saving}>
          {saving ? 'Applying…' : 'Apply'}
        </button>
      </div>
    </ModalDialog>
  );
}
