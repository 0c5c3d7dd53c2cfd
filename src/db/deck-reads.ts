/** Reads of decks and cards for the home and browse screens. */
import type { DeckCard } from '../domain/deck/types.ts';
import type { DeckSettings } from '../domain/settings/deck-settings.ts';
import { visibleCardTotals } from './card-totals.ts';
import { db } from './database.ts';
import { cardRowToDeckCard } from './mappers.ts';
import { deckCounts, type DeckCounts } from './study-reads.ts';

export interface DeckSummary {
  id: string;
  title: string;
  sourceFile: string;
  builtIn: boolean;
  cardCount: number;
  settings: DeckSettings;
  counts: DeckCounts;
}

export async function listDecks(now: Date): Promise<DeckSummary[]> {
  // One read transaction: the card totals and the change-log position they are remembered at
  // (card-totals.ts) must come from the same snapshot.
  return db.transaction('r', [db.decks, db.cards, db.states, db.reviews, db.changes], async () => {
    const decks = await db.decks.orderBy('id').toArray();
    const [cardCounts, withCounts] = await Promise.all([
      visibleCardTotals(decks.map((deck) => deck.id)),
      Promise.all(decks.map(async (deck) => ({ deck, counts: await deckCounts(deck.id, deck.settings, now) }))),
    ]);
    return withCounts.map(({ deck, counts }) => ({
      id: deck.id,
      title: deck.title,
      sourceFile: deck.sourceFile,
      builtIn: deck.builtIn === 1,
      cardCount: cardCounts.get(deck.id) ?? 0,
      settings: deck.settings,
      counts,
    }));
  });
}

export async function getDeckSettings(deckId: string): Promise<DeckSettings | undefined> {
  return (await db.decks.get(deckId))?.settings;
}

/** The visible cards of a deck in source order. */
export async function deckCards(deckId: string): Promise<DeckCard[]> {
  const rows = await db.cards.where('[deckId+ord]').between([deckId, -Infinity], [deckId, Infinity]).toArray();
  return rows.filter((row) => row.hidden === 0).map(cardRowToDeckCard);
}
