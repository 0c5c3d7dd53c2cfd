/** One table of exam readiness: predicted recall on exam day and the suggested daily reviews, per group. */
import type { GroupReadiness } from '../../domain/stats/readiness.ts';
import { formatCount, formatRate } from './format.ts';

export interface ReadinessTableProps {
  caption: string;
  groupHeader: string;
  rows: readonly GroupReadiness[];
  /** Display name of a group (deck titles for deck ids). */
  nameOf?: (group: string) => string;
}

export function ReadinessTable({ caption, groupHeader, rows, nameOf = (g) => g }: ReadinessTableProps) {
  return (
    <div className="table-scroll">
      <table className="stats-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{groupHeader}</th>
            <th scope="col">Cards</th>
            <th scope="col">Recall on exam day if you stop now</th>
            <th scope="col">Recall with the suggested reviews</th>
            <th scope="col">Suggested reviews per day</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.group} className={row.meetsTarget ? 'meets-target' : undefined}>
              <th scope="row">{nameOf(row.group)}</th>
              <td>{formatCount(row.cards)}</td>
              <td>{formatRate(row.predictedRecall)}</td>
              <td>{formatRate(row.predictedRecallWithPlan)}</td>
              <td>
                {formatCount(row.reviewsPerDay)}
                <span className="muted small"> ({formatCount(row.reviewsNeeded)} in all)</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
