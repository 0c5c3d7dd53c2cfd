/** The decks with today's counts, live: any answer or import anywhere updates them. */
import { useEffect } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { unburyExpired } from '../../db/unbury.ts';
import { listDecks, type DeckSummary } from '../../db/deck-reads.ts';
import { useNow } from '../../components/use-now.ts';

export function useDeckList(): DeckSummary[] | undefined {
  const now = useNow();
  // A new study day may have begun while the app was open: bring buried cards back first.
  useEffect(() => {
    unburyExpired(now).catch((error: unknown) => console.warn('Could not unbury cards', error));
  }, [now]);
  return useLiveQuery(() => listDecks(now), [now]);
}
