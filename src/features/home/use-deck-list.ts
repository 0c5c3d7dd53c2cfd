/** The decks with today's counts, live: any answer or import anywhere updates them. */
import { useLiveQuery } from 'dexie-react-hooks';
import { listDecks, type DeckSummary } from '../../db/deck-reads.ts';
import { useNow } from '../../components/use-now.ts';

export function useDeckList(): DeckSummary[] | undefined {
  const now = useNow();
  return useLiveQuery(() => listDecks(now), [now]);
}
