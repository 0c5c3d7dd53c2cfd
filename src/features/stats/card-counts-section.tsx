/** Card counts by state, each card in one category, with a proportional bar. */
import type { CardCounts } from '../../domain/stats/card-counts.ts';
import { formatCount } from './format.ts';

const PARTS: readonly [keyof CardCounts, string][] = [
  ['new', 'New'],
  ['learning', 'Learning'],
  ['relearning', 'Relearning'],
  ['young', 'Young'],
  ['mature', 'Mature'],
  ['suspended', 'Suspended'],
  ['buried', 'Buried'],
];

export function CardCountsSection({ counts }: { counts: CardCounts }) {
  return (
    <section className="stats-section" aria-labelledby="stats-counts">
      <h2 id="stats-counts">Card counts</h2>
      {counts.total === 0 ? (
        <p className="muted">No cards yet.</p>
      ) : (
        <>
          <div className="count-bar" aria-hidden="true">
            {PARTS.map(([key]) =>
              counts[key] > 0 ? <span key={key} className={`count-part part-${key}`} style={{ flexGrow: counts[key] }} /> : null,
            )}
          </div>
          <dl className="count-list">
            {PARTS.map(([key, label]) => (
              <div key={key} className={`count-item part-${key}`}>
                <dt>{label}</dt>
                <dd>{formatCount(counts[key])}</dd>
              </div>
            ))}
            <div className="count-item">
              <dt>Total</dt>
              <dd>{formatCount(counts.total)}</dd>
            </div>
          </dl>
        </>
      )}
    </section>
  );
}
