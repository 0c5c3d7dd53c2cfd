/** The end of today's cards: what was studied today and when the next card falls due. */
import { useLiveQuery } from 'dexie-react-hooks';
import { nextDueAfter, studiedToday } from '../../db/study-reads.ts';
import { nextStudyDayStart } from '../../domain/scheduling/day.ts';
import type { DeckSettings } from '../../domain/settings/deck-settings.ts';
import { hrefFor } from '../../components/routes.ts';

function formatDuration(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  return minutes < 1 ? 'under a minute' : minutes === 1 ? '1 minute' : `${minutes} minutes`;
}

export function SessionEnd({ deckId, settings }: { deckId: string; settings: DeckSettings }) {
  const summary = useLiveQuery(async () => {
    const now = new Date();
    const [today, next] = await Promise.all([
      studiedToday(deckId, now, settings.dayStartHour),
      nextDueAfter(deckId, now),
    ]);
    return { today, next, dayEnd: nextStudyDayStart(now, settings.dayStartHour) };
  }, [deckId, settings.dayStartHour]);

  return (
    <section className="study-card" aria-labelledby="session-end-title">
      <h2 id="session-end-title">Congratulations! You have finished this deck for now.</h2>
      {summary && (
        <>
          <p>
            Today you answered {summary.today.total} {summary.today.total === 1 ? 'card' : 'cards'} in {formatDuration(summary.today.timeMs)}
            {summary.today.newCount > 0 ? `, ${summary.today.newCount} of them new` : ''}.
          </p>
          <p>
            {summary.next === null
              ? 'No card is scheduled yet: new cards arrive tomorrow within your daily limit.'
              : `The next card is due ${summary.next.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })}.`}
          </p>
        </>
      )}
      <a className="button primary" href={hrefFor({ name: 'home' })}>
        Back to decks
      </a>
    </section>
  );
}
