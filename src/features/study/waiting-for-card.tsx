/** Shown when only learning cards are left and none is due yet: counts down, then shows it. */
import { useEffect } from 'react';
import { formatInterval } from '../../domain/scheduling/format-interval.ts';
import { useNow } from '../../components/use-now.ts';

export function WaitingForCard({ until, onDue }: { until: Date; onDue: () => void }) {
  const now = useNow(1000);
  const left = until.getTime() - now.getTime();
  useEffect(() => {
    const timer = window.setTimeout(onDue, Math.max(0, until.getTime() - Date.now()) + 50);
    return () => window.clearTimeout(timer);
  }, [until, onDue]);
  return (
    <section className="study-card" aria-live="polite">
      <h2>Nothing due right now</h2>
      <p>The next learning card comes back in {formatInterval(Math.max(left, 0))}. Stay here and it will show up, or come back later.</p>
      <a className="button" href="#/">Back to decks</a>
    </section>
  );
}
