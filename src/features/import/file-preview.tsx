/**
 * One file of an import: its format (detected, or chosen by the person), a progress bar
 * while it is read, problems of the whole file in an alert, and a preview of each deck in it.
 */
import type { ImportFormat } from '../../domain/deck/formats/detect.ts';
import type { ImportFormatChoice } from '../../domain/deck/formats/import-file.ts';
import { removeFile, setFormat, setTitle } from './import-actions.ts';
import type { ImportFile } from './import-store.ts';
import { DeckPreview } from './deck-preview.tsx';
import { DiagnosticList } from './diagnostic-list.tsx';

const FORMAT_LABELS: Record<ImportFormat, string> = {
  retain: 'Retain deck text (.txt, .md)',
  anki: 'Anki “Notes in Plain Text”',
  csv: 'CSV (comma-separated)',
  tsv: 'TSV (tab-separated)',
};
const FORMATS = Object.keys(FORMAT_LABELS) as ImportFormat[];

export function FilePreview({ file, busy }: { file: ImportFile; busy: boolean }) {
  const { report } = file;
  const fileErrors = report?.diagnostics.filter((d) => d.severity === 'error') ?? [];
  const fileWarnings = report?.diagnostics.filter((d) => d.severity !== 'error') ?? [];
  const detected = file.format === 'auto' && report !== null ? ` (${FORMAT_LABELS[report.format]})` : '';
  return (
    <section className="import-file" aria-label={`File ${file.name}`}>
      <div className="import-file-head">
        <h3>{file.name}</h3>
        <label className="import-format">
          Format
          <select value={file.format} disabled={busy} onChange={(e) => setFormat(file.fileId, e.target.value as ImportFormatChoice)}>
            <option value="auto">Detect automatically{detected}</option>
            {FORMATS.map((format) => (
              <option key={format} value={format}>
                {FORMAT_LABELS[format]}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="button" disabled={busy} onClick={() => removeFile(file.fileId)} aria-label={`Remove ${file.name} from this import`}>
          Remove
        </button>
      </div>
      {report === null && file.failure === null && (
        <div className="import-progress">
          <progress max={1} value={file.progress} aria-label={`Reading ${file.name}`} />
          <span className="muted small">{Math.round(file.progress * 100)}%</span>
        </div>
      )}
      {file.failure !== null && (
        <div role="alert" className="error-banner">
          <p>
            {file.name}: {file.failure}
          </p>
        </div>
      )}
      {fileErrors.length > 0 && (
        <div role="alert" className="error-banner">
          {fileErrors.map((d, i) => (
            <p key={i}>{d.message}</p>
          ))}
          <p className="small">Nothing from this file will be imported.</p>
        </div>
      )}
      <DiagnosticList diagnostics={fileWarnings} label={`Problems in ${file.name}`} />
      {report?.decks.map((deck, i) => (
        <DeckPreview
          key={i}
          deck={deck}
          title={file.titles[i] ?? deck.title}
          onTitle={(title) => setTitle(file.fileId, i, title)}
          disabled={busy}
        />
      ))}
    </section>
  );
}
