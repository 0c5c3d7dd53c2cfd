/**
 * The "Import deck" control: a file input (several files at once) styled as a button. The
 * preview opens from the drop zone that hosts the import dialog (import-drop-zone.tsx).
 */
import { startImport } from './import-actions.ts';
import './import.css';

export const IMPORT_ACCEPT = '.txt,.md,.csv,.tsv';

export function ImportButton() {
  return (
    <label className="button import-button">
      Import deck
      <input
        type="file"
        multiple
        accept={IMPORT_ACCEPT}
        className="visually-hidden"
        onChange={(event) => {
          startImport([...(event.target.files ?? [])]);
          // Choosing the same file again (after fixing it) must fire another change.
          event.target.value = '';
        }}
      />
    </label>
  );
}
