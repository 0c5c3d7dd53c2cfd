/** The estimated effect of a retention change on daily reviews, announced as it changes. */
import type { WorkloadComparison } from './use-workload-estimate.ts';
import { WORKLOAD_DAYS } from './use-workload-estimate.ts';

const perDay = (reviews: number) => `${Math.round(reviews)} ${Math.round(reviews) === 1 ? 'review' : 'reviews'} a day`;

export function WorkloadNote({ estimate, saved, proposed }: { estimate: WorkloadComparison | null; saved: number; proposed: number }) {
  let text: string;
  if (estimate === null) text = Number.isNaN(proposed) ? '' : 'Estimating the daily workload…';
  else if (Math.abs(proposed - saved) < 0.005) {
    text = `At ${saved.toFixed(2)}, expect about ${perDay(estimate.current)} over the next ${WORKLOAD_DAYS} days.`;
  } else {
    const change = estimate.current > 0 ? Math.round(((estimate.proposed - estimate.current) / estimate.current) * 100) : 0;
    const sign = change > 0 ? '+' : '';
    text =
      `At ${proposed.toFixed(2)} instead of ${saved.toFixed(2)}: about ${perDay(estimate.proposed)} ` +
      `instead of ${Math.round(estimate.current)} over the next ${WORKLOAD_DAYS} days (${sign}${change}%).`;
  }
  return (
    <p className="workload small" aria-live="polite">
      {text}
    </p>
  );
}
