/**
 * "Export review log (CSV)": the answers in scope as the CSV FSRS tools read (see
 * domain/stats/revlog-csv.ts), saved through a Blob URL, with the two settings those tools ask
 * for that the file cannot carry: the time zone and the hour the study day starts.
 */
import { useState } from 'react';
import { ErrorBanner } from '../../components/error-banner.tsx';
import { isoDay, plural } from './format.ts';

export interface ExportProps {
  exportCsv: () => Promise<{ bytes: Uint8Array; rows: number }>;
  dayStartHour: number;
  reviewCount: number;
}

function saveBytes(fileName: string, bytes: Uint8Array): void {
  // The bytes arrive transferred from the worker, so they sit on a plain ArrayBuffer.
  const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'text/csv' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download starts asynchronously; revoking at once could cancel it.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function ExportReviewLog({ exportCsv, dayStartHour, reviewCount }: ExportProps) {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

  const run = async () => {
    setBusy(true);
    setError(null);
    setMessage(null);
    try {
      const { bytes, rows } = await exportCsv();
      const fileName = `retain-revlog-${isoDay(new Date())}.csv`;
      saveBytes(fileName, bytes);
      setMessage(`Saved ${plural(rows, 'answer')} as ${fileName}.`);
    } catch (e) {
      setError(`The review log could not be exported. ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="stats-section" aria-labelledby="stats-export">
      <h2 id="stats-export">Review log</h2>
      <p className="small">
        One row per answer in the columns FSRS tools read: card_id, review_time (milliseconds since 1970, UTC), review_rating (1 Again to 4 Easy),
        review_state (0 new, 1 learning, 2 review, 3 relearning) and review_duration (milliseconds).
      </p>
      <p className="small">
        When an FSRS tool asks, enter the time zone <strong>{timeZone}</strong> and “next day starts at” <strong>{dayStartHour}</strong>.
      </p>
      <div className="row">
        <button type="button" className="button" onClick={() => void run()} disabled={busy || reviewCount === 0}>
          {busy ? 'Exporting…' : 'Export review log (CSV)'}
        </button>
        {reviewCount === 0 && <span className="muted small">No answers to export yet.</span>}
      </div>
      <p className="muted small" role="status">
        {message}
      </p>
      {error && <ErrorBanner message={error} onDismiss={() => setError(null)} />}
    </section>
  );
}
