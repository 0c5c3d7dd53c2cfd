/** Today: answers and cards studied, time spent and the share of answers that were Again. */
import type { TodayStats } from '../../domain/stats/today.ts';
import { formatCount, formatDuration, formatRate } from './format.ts';

export function TodaySection({ today }: { today: TodayStats }) {
  return (
    <section className="stats-section" aria-labelledby="stats-today">
      <h2 id="stats-today">Today</h2>
      {today.reviews === 0 ? (
        <p className="muted">Nothing studied yet today.</p>
      ) : (
        <dl className="stat-tiles">
          <div>
            <dt>Cards studied</dt>
            <dd>{formatCount(today.distinctCards)}</dd>
          </div>
          <div>
            <dt>Answers</dt>
            <dd>{formatCount(today.reviews)}</dd>
          </div>
          <div>
            <dt>Time spent</dt>
            <dd>{formatDuration(today.durationMs)}</dd>
          </div>
          <div>
            <dt>Again rate</dt>
            <dd>{formatRate(today.againRate)}</dd>
          </div>
        </dl>
      )}
      {today.reviews > 0 && (
        <p className="muted small">
          {formatCount(today.learning)} learning, {formatCount(today.review)} review and {formatCount(today.relearning)} relearning answers;{' '}
          {formatCount(today.againCount)} pressed Again.
        </p>
      )}
    </section>
  );
}
