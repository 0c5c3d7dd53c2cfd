/**
 * The browser's data, read live: the cards of the deck (or of every deck), their schedules
 * and the decks. Cards and schedules are two live queries so that suspending a card re-reads
 * only schedules; the search index, built from the cards, is then left alone.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { browseCards, browseSchedules, listDeckInfo, type BrowseCardContent, type DeckInfo } from '../../db/browse-reads.ts';
import type { DeckCard } from '../../domain/deck/types.ts';
import type { BrowseCard } from '../../domain/search/card-filter.ts';
import type { CardSchedule } from '../../domain/scheduling/types.ts';

export interface BrowseData {
  /** Undefined while loading. */
  rows: BrowseCard[] | undefined;
  /** The cards alone, in one array that changes only when cards do: what the index reads. */
  cards: DeckCard[] | undefined;
  schedules: ReadonlyMap<string, CardSchedule> | undefined;
  decks: DeckInfo[] | undefined;
  deckById: ReadonlyMap<string, DeckInfo>;
}

function join(content: readonly BrowseCardContent[], schedules: ReadonlyMap<string, CardSchedule>): BrowseCard[] {
  const rows: BrowseCard[] = [];
  for (const item of content) {
    const schedule = schedules.get(item.card.id);
    // Between the two live queries' answers a just-added card may have no schedule yet.
    if (schedule) rows.push({ ...item, schedule });
  }
  return rows;
}

export function useBrowseData(deckId: string | null): BrowseData {
  const content = useLiveQuery(() => browseCards(deckId), [deckId]);
  const schedules = useLiveQuery(() => browseSchedules(deckId), [deckId]);
  const decks = useLiveQuery(listDeckInfo, []);
  const rows = useMemo(() => (content && schedules ? join(content, schedules) : undefined), [content, schedules]);
  const cards = useMemo(() => content?.map((item) => item.card), [content]);
  const deckById = useMemo(() => new Map((decks ?? []).map((deck) => [deck.id, deck])), [decks]);
  return { rows, cards, schedules, decks, deckById };
}
