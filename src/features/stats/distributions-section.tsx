/** Distributions of interval, stability, difficulty and retrievability, one bar chart each. */
import { useMemo } from 'react';
import type { Histogram, HistogramBucket, MemoryDistributions } from '../../domain/stats/distributions.ts';
import { BarChart } from './bar-chart.tsx';
import { formatCount } from './format.ts';

type Kind = 'days' | 'difficulty' | 'percent';

/** "< 1 d", "1 d", "3–4 d", "366+ d"; "1–2"; "90–100 %". */
export function bucketLabel(bucket: HistogramBucket, kind: Kind): string {
  const { from, to } = bucket;
  if (kind === 'percent') return `${Math.round(from * 100)}–${Math.round((to ?? 1) * 100)} %`;
  if (kind === 'difficulty') return `${from}–${to ?? 10}`;
  if (to === null) return `${from}+ d`;
  if (from === 0 && to === 1) return '< 1 d';
  return to - from === 1 ? `${from} d` : `${from}–${to - 1} d`;
}

const MEAN: Record<Kind, (mean: number) => string> = {
  days: (m) => `${m.toFixed(1)} days`,
  difficulty: (m) => m.toFixed(2),
  percent: (m) => `${(m * 100).toFixed(1)} %`,
};

interface ChartSpec {
  title: string;
  histogram: Histogram;
  kind: Kind;
  what: string;
}

function Distribution({ title, histogram, kind, what }: ChartSpec) {
  const labels = useMemo(() => histogram.buckets.map((b) => bucketLabel(b, kind)), [histogram, kind]);
  const values = useMemo(() => histogram.buckets.map((b) => b.count), [histogram]);
  return (
    <div className="distribution">
      <h3>{title}</h3>
      {histogram.total === 0 ? (
        <p className="muted small">No {what} yet.</p>
      ) : (
        <>
          <BarChart caption={`${title}: cards per range`} labels={labels} values={values} labelHeader="Range" valueHeader="Cards" height={150} />
          <p className="muted small">
            {formatCount(histogram.total)} {what}; mean {histogram.mean === null ? '—' : MEAN[kind](histogram.mean)}.
          </p>
        </>
      )}
    </div>
  );
}

export function DistributionsSection({ distributions }: { distributions: MemoryDistributions }) {
  return (
    <section className="stats-section" aria-labelledby="stats-distributions">
      <h2 id="stats-distributions">Memory</h2>
      <div className="distribution-grid">
        <Distribution title="Interval" histogram={distributions.interval} kind="days" what="review cards" />
        <Distribution title="Stability" histogram={distributions.stability} kind="days" what="studied cards" />
        <Distribution title="Difficulty" histogram={distributions.difficulty} kind="difficulty" what="studied cards" />
        <Distribution title="Retrievability now" histogram={distributions.retrievability} kind="percent" what="studied cards" />
      </div>
    </section>
  );
}
