/**
 * The fit of the current and the optimised parameters on the person's own history, side by
 * side: log loss and RMSE (bins), lower is better for both.
 */
import type { FitMetrics } from '../../domain/optimizer/fit-metrics.ts';

const loss = (m: FitMetrics) => m.logLoss.toFixed(4);
const rmse = (m: FitMetrics) => `${(m.rmseBins * 100).toFixed(2)}%`;

export function FitComparison({ before, after }: { before: FitMetrics; after: FitMetrics }) {
  return (
    <table className="fit-comparison">
      <caption>
        How well each set of parameters predicts your {before.count.toLocaleString('en')} usable reviews (lower is better)
      </caption>
      <thead>
        <tr>
          <th scope="col">Measure</th>
          <th scope="col">Current</th>
          <th scope="col">Optimised</th>
        </tr>
      </thead>
      <tbody>
        <tr>
          <th scope="row">Log loss</th>
          <td data-testid="log-loss-before">{loss(before)}</td>
          <td data-testid="log-loss-after">{loss(after)}</td>
        </tr>
        <tr>
          <th scope="row">RMSE (bins)</th>
          <td data-testid="rmse-before">{rmse(before)}</td>
          <td data-testid="rmse-after">{rmse(after)}</td>
        </tr>
      </tbody>
    </table>
  );
}
