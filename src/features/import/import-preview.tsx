/**
 * The import preview: every chosen file with its decks, before anything is stored. Confirm
 * saves all of them in one transaction and is only enabled when no file has an error;
 * Cancel (or Escape) closes it and the collection stays exactly as it was.
 */
import { ErrorBanner } from '../../components/error-banner.tsx';
import { ModalDialog } from '../../components/modal-dialog.tsx';
import { cancelImport, confirmImport } from './import-actions.ts';
import { importReadiness } from './import-readiness.ts';
import { useImportStore } from './import-store.ts';
import { FilePreview } from './file-preview.tsx';
import './import.css';

export function ImportPreview() {
  const files = useImportStore((state) => state.files);
  const committing = useImportStore((state) => state.committing.length > 0);
  const commitError = useImportStore((state) => state.commitError);
  const { canImport, reasons } = importReadiness(files);
  return (
    <ModalDialog title={files.length === 1 ? 'Import a deck file' : `Import ${files.length} files`} onCancel={cancelImport} className="import-dialog">
      <p className="muted small">Nothing is saved until you confirm.</p>
      {files.map((file) => (
        <FilePreview key={file.fileId} file={file} busy={committing} />
      ))}
      {commitError !== null && <ErrorBanner message={commitError} />}
      {reasons.length > 0 && (
        <ul className="import-reasons small" aria-label="Why the import cannot be confirmed yet">
          {reasons.map((reason) => (
            <li key={reason}>{reason}</li>
          ))}
        </ul>
      )}
      <div className="modal-actions">
        <button type="button" className="button" onClick={cancelImport} disabled={committing}>
          Cancel
        </button>
        <button type="button" className="button primary" onClick={confirmImport} disabled={!canImport || committing}>
          {committing ? 'Importing…' : 'Confirm import'}
        </button>
      </div>
    </ModalDialog>
  );
}
