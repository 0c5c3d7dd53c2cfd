/**
 * From the browsed cards to the list on screen: search (deferred, so typing stays smooth
 * while the list re-renders), then the filters over a list sorted once per change of data
 * or order. Also the selection as it applies to what is listed: cards selected and then
 * filtered away are not acted on.
 */
import { useDeferredValue, useMemo } from 'react';
import { filterCards, sortCards, type BrowseCard } from '../../domain/search/card-filter.ts';
import { nextStudyDayStart } from '../../domain/scheduling/day.ts';
import { DEFAULT_DECK_SETTINGS } from '../../domain/settings/deck-settings.ts';
import { useBrowseStore } from './browse-store.ts';
import type { BrowseData } from './use-browse-data.ts';
import { useCardSearch } from './use-card-search.ts';

export interface BrowseResults {
  /** Undefined while loading. */
  results: BrowseCard[] | undefined;
  /** Selected cards among the results, in list order. */
  selectedIds: string[];
  /** True while the list still shows the results of an earlier query. */
  stale: boolean;
}

export function useBrowseResults(data: BrowseData, now: Date): BrowseResults {
  const query = useBrowseStore((state) => state.query);
  const filters = useBrowseStore((state) => state.filters);
  const sort = useBrowseStore((state) => state.sort);
  const direction = useBrowseStore((state) => state.direction);
  const selected = useBrowseStore((state) => state.selected);
  const deferredQuery = useDeferredValue(query);
  const matches = useCardSearch(data.cards, deferredQuery);

  const sorted = useMemo(() => (data.rows ? sortCards(data.rows, sort, direction) : undefined), [data.rows, sort, direction]);
  const dayEnds = useMemo(() => {
    const ends = new Map<string, number>();
    for (const [id, deck] of data.deckById) ends.set(id, nextStudyDayStart(now, deck.settings.dayStartHour).getTime());
    return ends;
  }, [data.deckById, now]);
  const results = useMemo(() => {
    if (!sorted) return undefined;
    const fallback = nextStudyDayStart(now, DEFAULT_DECK_SETTINGS.dayStartHour).getTime();
    return filterCards(sorted, { matches, filters, now, dayEnd: (deckId) => dayEnds.get(deckId) ?? fallback });
  }, [sorted, matches, filters, now, dayEnds]);
  const selectedIds = useMemo(
    () => (results && selected.size > 0 ? results.filter((row) => selected.has(row.card.id)).map((row) => row.card.id) : []),
    [results, selected],
  );
  return { results, selectedIds, stale: deferredQuery !== query };
}
