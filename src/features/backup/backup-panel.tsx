/**
 * Backup and restore, for the settings screen: when the last backup was made, "Export
 * backup" (one JSON file with everything) and "Restore backup" (choose a file, see what the
 * merge will do, confirm). A file that is not a valid backup is refused with every reason.
 */
import { useState } from 'react';
import { ErrorBanner } from '../../components/error-banner.tsx';
import { planRestore, saveBackup, type RestorePlan } from './backup-actions.ts';
import { RestoreDialog } from './restore-dialog.tsx';
import { useLastBackup } from './use-last-backup.ts';
import './backup.css';

export function BackupPanel() {
  const last = useLastBackup();
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [plan, setPlan] = useState<RestorePlan | null>(null);

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    setStatus(null);
    try {
      await work();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="backup-panel" aria-labelledby="backup-title">
      <h2 id="backup-title">Backup</h2>
      <p className="small">
        Last backup: {last === undefined ? '…' : last === null ? 'never' : new Date(last).toLocaleString()}
      </p>
      <p className="muted small">A backup holds your decks, cards, progress, review history and settings in one file.</p>
      <div className="row">
        <button type="button" className="button" disabled={busy} onClick={() => void run(async () => setStatus(await saveBackup(new Date())))}>
          Export backup
        </button>
        <label className="button restore-button">
          Restore backup
          <input
            type="file"
            accept=".json,application/json"
            className="visually-hidden"
            disabled={busy}
            onChange={(event) => {
              const file = event.target.files?.[0];
              event.target.value = '';
              if (file) void run(async () => setPlan(await planRestore(file)));
            }}
          />
        </label>
      </div>
      <p role="status" className="small">{status}</p>
      {error !== null && <ErrorBanner message={error} onDismiss={() => setError(null)} />}
      {plan !== null && (
        <RestoreDialog
          plan={plan}
          onCancel={() => setPlan(null)}
          onDone={(message) => {
            setPlan(null);
            setStatus(message);
          }}
        />
      )}
    </section>
  );
}
