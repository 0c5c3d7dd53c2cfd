/**
 * Search over the browsed cards: one index per browser session, built while the browser is
 * idle after the cards load (so the first key press does not pay for it) and then kept in
 * step with the cards by `sync`, which re-indexes only what changed.
 */
import { useEffect, useMemo, useState } from 'react';
import type { DeckCard } from '../../domain/deck/types.ts';
import { createSearchIndex, type SearchMatches } from '../../domain/search/search-index.ts';

export function useCardSearch(cards: readonly DeckCard[] | undefined, query: string): SearchMatches | null {
  const [index] = useState(createSearchIndex);

  useEffect(() => {
    if (!cards) return undefined;
    const timer = window.setTimeout(() => index.sync(cards), 0);
    return () => window.clearTimeout(timer);
  }, [cards, index]);

  return useMemo(() => {
    if (!cards || query.trim() === '') return null;
    // A no-op when the idle build already indexed this very array.
    index.sync(cards);
    return index.search(query);
  }, [cards, index, query]);
}
