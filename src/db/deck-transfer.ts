/**
 * Decks going in and out of the collection at a person's request: a confirmed import of
 * several decks (one transaction for all of them, so a failure leaves nothing half-imported),
 * the title of the deck an import would update, a deck read back for a text export, and
 * what deleting a deck would remove.
 */
import type { Deck } from '../domain/deck/types.ts';
import { db } from './database.ts';
import { deckCards } from './deck-reads.ts';
import { saveDeckVersion, type DeckVersionSummary } from './deck-writes.ts';

export class DuplicateDeckError extends Error {
  constructor(deckId: string) {
    super(`Two of the decks to import would both become the deck "${deckId}". Give one of them another title.`);
    this.name = 'DuplicateDeckError';
  }
}

/**
 * Saves every deck as a new version (see saveDeckVersion: progress is kept, removed cards
 * are hidden, history is never deleted) inside one read-write transaction: either all decks
 * are imported or none is.
 */
export async function saveImportedDecks(decks: readonly Deck[], now: Date): Promise<DeckVersionSummary[]> {
  const ids = new Set<string>();
  for (const deck of decks) {
    if (ids.has(deck.id)) throw new DuplicateDeckError(deck.id);
    ids.add(deck.id);
  }
  return db.transaction('rw', db.decks, db.cards, db.states, async () => {
    const summaries: DeckVersionSummary[] = [];
    // saveDeckVersion's own transaction joins this one (same tables, same mode).
    for (const deck of decks) summaries.push(await saveDeckVersion(deck, { builtIn: false, contentHash: '', now }));
    return summaries;
  });
}

/** The title of a deck in the collection, or undefined when there is no such deck. */
export async function deckTitle(deckId: string): Promise<string | undefined> {
  return (await db.decks.get(deckId))?.title;
}

/** A deck as it stands (visible cards in order), ready for serializeDeck; undefined if gone. */
export async function deckForExport(deckId: string): Promise<Deck | undefined> {
  return db.transaction('r', db.decks, db.cards, async () => {
    const row = await db.decks.get(deckId);
    if (row === undefined) return undefined;
    return { id: row.id, title: row.title, sourceFile: row.sourceFile, cards: await deckCards(deckId), diagnostics: [] };
  });
}

export interface DeckDeletionImpact {
  title: string;
  builtIn: boolean;
  /** Every card of the deck, including those hidden after an update. */
  cards: number;
  /** Answers in the review log for the deck. */
  reviews: number;
}

/** What deleting the deck would remove, for the confirmation; undefined if it is gone. */
export async function deckDeletionImpact(deckId: string): Promise<DeckDeletionImpact | undefined> {
  return db.transaction('r', db.decks, db.cards, db.reviews, async () => {
    const row = await db.decks.get(deckId);
    if (row === undefined) return undefined;
    const [cards, reviews] = await Promise.all([
      db.cards.where('deckId').equals(deckId).count(),
      db.reviews.where('[deckId+reviewedAt]').between([deckId, -Infinity], [deckId, Infinity]).count(),
    ]);
    return { title: row.title, builtIn: row.builtIn === 1, cards, reviews };
  });
}
