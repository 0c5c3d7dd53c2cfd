/** A card's answers, oldest first: when, which button, and the interval it gave. */
import { useLiveQuery } from 'dexie-react-hooks';
import { cardHistory } from '../../db/browse-reads.ts';
import { formatInterval } from '../../domain/scheduling/format-interval.ts';
import { RATING_LABELS } from '../../domain/scheduling/types.ts';
import { formatDateTime } from './format.ts';

export function ReviewHistory({ cardId }: { cardId: string }) {
  const history = useLiveQuery(() => cardHistory(cardId), [cardId]);
  if (history === undefined) return <p className="muted">Loading the review history…</p>;
  if (history.length === 0) return <p className="muted">No reviews yet.</p>;
  return (
    <div className="table-scroll">
      <table className="history">
        <caption className="visually-hidden">Review history</caption>
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Rating</th>
            <th scope="col">Interval</th>
          </tr>
        </thead>
        <tbody>
          {history.map((entry) => (
            <tr key={`${entry.reviewedAt.getTime()}-${entry.rating}`}>
              <td>{formatDateTime(entry.reviewedAt)}</td>
              <td className={`rating-${entry.rating}`}>{RATING_LABELS[entry.rating]}</td>
              <td>{formatInterval(entry.after.due.getTime() - entry.reviewedAt.getTime())}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
