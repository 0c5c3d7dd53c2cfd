/**
 * The review calendar: one square per day of the past year, a column per week (Sunday first),
 * darker for more answers. Drawn with CSS grid; screen readers get the summary as the image's
 * label, and each square's title gives its day and count on hover.
 */
import type { Heatmap } from '../../domain/stats/heatmap.ts';
import { dayDate, formatCount, longDay, plural } from './format.ts';

/** 0 for no answers, then 1–4 in quarters of the busiest day. */
const level = (count: number, max: number): number => (count === 0 || max === 0 ? 0 : Math.min(4, Math.max(1, Math.ceil((4 * count) / max))));

export function heatmapSummary(heatmap: Heatmap): string {
  return (
    `${plural(heatmap.total, 'answer')} on ${plural(heatmap.activeDays, 'day')} of the past ${formatCount(heatmap.days.length)}. ` +
    `Longest streak ${plural(heatmap.longestStreak, 'day')}; current streak ${plural(heatmap.currentStreak, 'day')}.`
  );
}

export function HeatmapSection({ heatmap }: { heatmap: Heatmap }) {
  const first = heatmap.days[0];
  const leading = first ? dayDate(first.day).getDay() : 0;
  const summary = heatmapSummary(heatmap);
  return (
    <section className="stats-section" aria-labelledby="stats-calendar">
      <h2 id="stats-calendar">Review calendar</h2>
      {heatmap.total === 0 ? (
        <p className="muted">No answers in the past year yet.</p>
      ) : (
        <>
          <div className="heatmap" role="img" aria-label={`Answers per day over the past year. ${summary}`}>
            {Array.from({ length: leading }, (_, i) => (
              <span key={`pad-${i}`} className="heat-cell pad" />
            ))}
            {heatmap.days.map((d) => (
              <span key={d.day} className={`heat-cell heat-${level(d.count, heatmap.maxCount)}`} title={`${longDay(d.day)}: ${plural(d.count, 'answer')}`} />
            ))}
          </div>
          <p className="muted small">{summary}</p>
        </>
      )}
    </section>
  );
}
