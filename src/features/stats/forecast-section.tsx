/** The due forecast: cards falling due on each of the next 30 or 90 days, as a bar chart. */
import { useMemo, useState } from 'react';
import type { DueForecast } from '../../domain/stats/forecast.ts';
import { BarChart } from './bar-chart.tsx';
import { formatCount, plural, shortDay } from './format.ts';

export function ForecastSection({ forecast30, forecast90 }: { forecast30: DueForecast; forecast90: DueForecast }) {
  const [days, setDays] = useState<30 | 90>(30);
  const forecast = days === 30 ? forecast30 : forecast90;
  const labels = useMemo(() => forecast.days.map((d) => shortDay(d.day)), [forecast]);
  const values = useMemo(() => forecast.days.map((d) => d.count), [forecast]);
  const inWindow = forecast.total - forecast.later;
  return (
    <section className="stats-section" aria-labelledby="stats-forecast">
      <div className="section-head">
        <h2 id="stats-forecast">Due forecast</h2>
        <div className="row" role="group" aria-label="Forecast length">
          {([30, 90] as const).map((n) => (
            <button key={n} type="button" className="button" aria-pressed={days === n} onClick={() => setDays(n)}>
              {n} days
            </button>
          ))}
        </div>
      </div>
      {forecast.total === 0 ? (
        <p className="muted">No cards are scheduled for review yet.</p>
      ) : (
        <>
          <BarChart caption={`Cards due on each of the next ${days} days`} labels={labels} values={values} labelHeader="Day" valueHeader="Cards due" color="--due" />
          <p className="muted small">
            {plural(inWindow, 'card')} due in the next {days} days
            {forecast.overdue > 0 ? ` (${formatCount(forecast.overdue)} overdue, counted today)` : ''}; {formatCount(forecast.later)} later.
          </p>
        </>
      )}
    </section>
  );
}
