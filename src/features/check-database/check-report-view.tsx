/** What a database check found, in words: a one-line summary, then each problem. */
import { problemCount, type CheckReport } from '../../db/check-database.ts';

/** Enough to see what kind of damage it is without a wall of rows. */
const LISTED = 20;

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function reportSummary(report: CheckReport): string {
  const scope = `Checked ${plural(report.checked, 'card', 'cards')} in ${plural(report.decks, 'deck', 'decks')}`;
  const problems = problemCount(report);
  return problems === 0 ? `${scope}: no problems found.` : `${scope}: found ${plural(problems, 'problem', 'problems')}.`;
}

export function CheckReportView({ report }: { report: CheckReport }) {
  const shown = report.mismatched.slice(0, LISTED);
  return (
    <div className="check-report">
      <p>{reportSummary(report)}</p>
      {report.mismatched.length > 0 && (
        <>
          <h3>Cards whose stored schedule differs from their review history</h3>
          <ul aria-label="Cards that differ">
            {shown.map((mismatch) => (
              <li key={mismatch.cardId}>
                {mismatch.question} <span className="muted">({mismatch.fields.join(', ')})</span>
              </li>
            ))}
          </ul>
          {report.mismatched.length > shown.length && <p className="muted">…and {report.mismatched.length - shown.length} more.</p>}
        </>
      )}
      {report.missingStates.length > 0 && (
        <p>{plural(report.missingStates.length, 'card has', 'cards have')} no schedule and cannot be studied; a repair rebuilds it from the review history.</p>
      )}
      {report.orphanStates.length > 0 && (
        <p>{plural(report.orphanStates.length, 'schedule belongs', 'schedules belong')} to no card; a repair deletes them.</p>
      )}
      {report.orphanReviews.length > 0 && (
        <p>{plural(report.orphanReviews.length, 'review belongs', 'reviews belong')} to no card; a repair deletes them.</p>
      )}
    </div>
  );
}
