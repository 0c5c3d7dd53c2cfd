/**
 * Problems found in an imported file, each message naming the file and the line. Long lists
 * (a file with thousands of warnings) show the first ones and a button to show them all.
 */
import { useState } from 'react';
import type { Diagnostic } from '../../domain/deck/types.ts';

const FIRST = 50;

export function DiagnosticList({ diagnostics, label }: { diagnostics: readonly Diagnostic[]; label: string }) {
  const [showAll, setShowAll] = useState(false);
  if (diagnostics.length === 0) return null;
  const shown = showAll ? diagnostics : diagnostics.slice(0, FIRST);
  return (
    <div className="diagnostics">
      <ul aria-label={label}>
        {shown.map((d, i) => (
          <li key={i} className={`diagnostic ${d.severity}`}>
            <span className="severity">{d.severity === 'error' ? 'Error' : 'Warning'}</span> {d.message}
          </li>
        ))}
      </ul>
      {shown.length < diagnostics.length && (
        <button type="button" className="button" onClick={() => setShowAll(true)}>
          Show all {diagnostics.length.toLocaleString('en')} problems
        </button>
      )}
    </div>
  );
}
