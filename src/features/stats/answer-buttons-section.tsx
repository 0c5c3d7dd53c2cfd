/** How often each answer button was pressed, for learning, young and mature cards. */
import type { AnswerButtons, ButtonCounts } from '../../domain/stats/answer-buttons.ts';
import { RATINGS, RATING_LABELS } from '../../domain/scheduling/types.ts';
import { formatCount, formatRate } from './format.ts';

const ROWS: readonly [keyof AnswerButtons, string][] = [
  ['learning', 'Learning'],
  ['young', 'Young'],
  ['mature', 'Mature'],
];

function Row({ label, counts }: { label: string; counts: ButtonCounts }) {
  return (
    <tr>
      <th scope="row">{label}</th>
      {RATINGS.map((r) => (
        <td key={r}>{formatCount(counts.counts[r])}</td>
      ))}
      <td>{formatRate(counts.correctRate)}</td>
    </tr>
  );
}

export function AnswerButtonsSection({ buttons }: { buttons: AnswerButtons }) {
  const total = buttons.learning.total + buttons.young.total + buttons.mature.total;
  return (
    <section className="stats-section" aria-labelledby="stats-buttons">
      <h2 id="stats-buttons">Answer buttons</h2>
      {total === 0 ? (
        <p className="muted">No answers yet.</p>
      ) : (
        <div className="table-scroll">
          <table className="stats-table">
            <caption className="visually-hidden">Presses of each answer button, all time</caption>
            <thead>
              <tr>
                <th scope="col">Cards</th>
                {RATINGS.map((r) => (
                  <th key={r} scope="col" className={`rating-${r}`}>
                    {RATING_LABELS[r]}
                  </th>
                ))}
                <th scope="col">Not Again</th>
              </tr>
            </thead>
            <tbody>
              {ROWS.map(([key, label]) => (
                <Row key={key} label={label} counts={buttons[key]} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
