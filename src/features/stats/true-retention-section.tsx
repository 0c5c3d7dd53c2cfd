/**
 * True retention as Anki shows it: the share of answers to review-phase cards that were not
 * Again, for young and mature cards, over today, yesterday, the past week, month and year.
 */
import type { RetentionCell, RetentionPeriod, TrueRetentionTable } from '../../domain/stats/true-retention.ts';
import { formatCount, formatRate } from './format.ts';

const ROWS: readonly [RetentionPeriod | 'allTime', string][] = [
  ['today', 'Today'],
  ['yesterday', 'Yesterday'],
  ['week', 'Last 7 days'],
  ['month', 'Last 30 days'],
  ['year', 'Last 365 days'],
  ['allTime', 'All time'],
];

function Cell({ cell }: { cell: RetentionCell }) {
  return (
    <td>
      {formatRate(cell.retention)}
      {cell.total > 0 && (
        <span className="muted small">
          {' '}
          ({formatCount(cell.passed)}/{formatCount(cell.total)})
        </span>
      )}
    </td>
  );
}

export function TrueRetentionSection({ table }: { table: TrueRetentionTable }) {
  return (
    <section className="stats-section" aria-labelledby="stats-retention">
      <h2 id="stats-retention">True retention</h2>
      {table.allTime.all.total === 0 ? (
        <p className="muted">No answers to review cards yet. True retention counts answers to cards that have finished learning.</p>
      ) : (
        <div className="table-scroll">
          <table className="stats-table">
            <caption className="visually-hidden">Share of review answers that were not Again</caption>
            <thead>
              <tr>
                <th scope="col">Period</th>
                <th scope="col">Young</th>
                <th scope="col">Mature</th>
                <th scope="col">Total</th>
              </tr>
            </thead>
            <tbody>
              {ROWS.map(([key, label]) => (
                <tr key={key}>
                  <th scope="row">{label}</th>
                  <Cell cell={table[key].young} />
                  <Cell cell={table[key].mature} />
                  <Cell cell={table[key].all} />
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="muted small">Young cards have an interval under 21 days, mature cards 21 days or more.</p>
    </section>
  );
}
