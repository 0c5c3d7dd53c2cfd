/**
 * Reads for the card browser, deck settings and custom study: the cards of one deck (or of
 * every deck) and their schedules, the decks themselves, and one card's review history.
 * Cards and schedules are separate reads on purpose: suspending or burying writes only
 * schedules, so a live query over the cards (and the search index built from them) is not
 * re-run by it. Cards gone from their deck's source (hidden) are left out: they exist only
 * to keep their history.
 */
import type { DeckCard } from '../domain/deck/types.ts';
import type { CardSchedule, ReviewEntry } from '../domain/scheduling/types.ts';
import type { DeckSettings } from '../domain/settings/deck-settings.ts';
import { db } from './database.ts';
import { cardRowToDeckCard, reviewRowToEntry, stateRowToSchedule } from './mappers.ts';

export interface BrowseCardContent {
  card: DeckCard;
  deckId: string;
  addedAt: Date;
  ord: number;
}

export interface DeckInfo {
  id: string;
  title: string;
  sourceFile: string;
  settings: DeckSettings;
}

/** The visible cards of a deck, or of every deck when `deckId` is null. */
export async function browseCards(deckId: string | null): Promise<BrowseCardContent[]> {
  const rows = deckId === null ? await db.cards.toArray() : await db.cards.where('deckId').equals(deckId).toArray();
  return rows
    .filter((row) => row.hidden === 0)
    .map((row) => ({ card: cardRowToDeckCard(row), deckId: row.deckId, addedAt: new Date(row.addedAt), ord: row.ord }));
}

/** Card id -> schedule, for the visible cards of a deck or of every deck. */
export async function browseSchedules(deckId: string | null): Promise<Map<string, CardSchedule>> {
  const rows = deckId === null ? await db.states.toArray() : await db.states.where('deckId').equals(deckId).toArray();
  const schedules = new Map<string, CardSchedule>();
  for (const row of rows) if (row.hidden === 0) schedules.set(row.cardId, stateRowToSchedule(row));
  return schedules;
}

/** Every deck, by title. */
export async function listDeckInfo(): Promise<DeckInfo[]> {
  const decks = await db.decks.toArray();
  return decks
    .map((deck) => ({ id: deck.id, title: deck.title, sourceFile: deck.sourceFile, settings: deck.settings }))
    .sort((a, b) => a.title.localeCompare(b.title));
}

export async function getDeckInfo(deckId: string): Promise<DeckInfo | null> {
  const deck = await db.decks.get(deckId);
  return deck ? { id: deck.id, title: deck.title, sourceFile: deck.sourceFile, settings: deck.settings } : null;
}

/** The schedules of a deck's visible cards (for the workload estimate). */
export async function deckSchedules(deckId: string): Promise<CardSchedule[]> {
  return [...(await browseSchedules(deckId)).values()];
}

/** Every answer given to a card, oldest first. */
export async function cardHistory(cardId: string): Promise<ReviewEntry[]> {
  const rows = await db.reviews.where('cardId').equals(cardId).toArray();
  return rows.sort((a, b) => a.reviewedAt - b.reviewedAt).map(reviewRowToEntry);
}
