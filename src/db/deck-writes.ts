/**
 * Writing a version of a deck into the collection: the built-in decks at start-up and every
 * confirmed import go through `saveDeckVersion`, in one transaction — all of it or none of it.
 * Cards keep their identity (and so their progress) through answer edits and rewording
 * (domain/reconcile); cards gone from the source are hidden, never deleted.
 */
import type { Deck } from '../domain/deck/types.ts';
import { diffDeck, type DeckDiff, type StoredCard } from '../domain/reconcile/diff-deck.ts';
import { DEFAULT_DECK_SETTINGS } from '../domain/settings/deck-settings.ts';
import { createScheduler } from '../domain/scheduling/scheduler.ts';
import { db } from './database.ts';
import { deckCardToRow, queueOf, scheduleToStateRow } from './mappers.ts';
import type { CardRow, DeckRow, StateRow } from './rows.ts';

// A new card's schedule does not depend on a deck's options.
const newCards = createScheduler();

export interface DeckVersionSummary {
  deckId: string;
  exists: boolean;
  added: number;
  changed: number;
  unchanged: number;
  removed: number;
  removedQuestions: string[];
}

function toStored(row: CardRow): StoredCard {
  return { ...row, hidden: row.hidden === 1 };
}

function summarise(deckId: string, exists: boolean, diff: DeckDiff): DeckVersionSummary {
  return {
    deckId,
    exists,
    added: diff.added.length,
    changed: diff.changed.length,
    unchanged: diff.unchanged.length,
    removed: diff.removed.length,
    removedQuestions: diff.removed.map((card) => card.question),
  };
}

/** What saving this deck would do, for the import preview. Reads only. */
export async function previewDeckVersion(deck: Deck): Promise<DeckVersionSummary> {
  const [existing, stored] = await Promise.all([
    db.decks.get(deck.id),
    db.cards.where('deckId').equals(deck.id).toArray(),
  ]);
  return summarise(deck.id, existing !== undefined, diffDeck(stored.map(toStored), deck.cards));
}

export interface SaveOptions {
  builtIn: boolean;
  contentHash: string;
  now: Date;
}

/**
 * Adds the deck, or updates it in place keeping progress. Returns what changed.
 * Runs in one read-write transaction: a failure leaves the collection as it was.
 */
export async function saveDeckVersion(deck: Deck, options: SaveOptions): Promise<DeckVersionSummary> {
  const nowMs = options.now.getTime();
  return db.transaction('rw', db.decks, db.cards, db.states, async () => {
    const existing = await db.decks.get(deck.id);
    const storedRows = await db.cards.where('deckId').equals(deck.id).toArray();
    const storedById = new Map(storedRows.map((row) => [row.id, row]));
    const diff = diffDeck(storedRows.map(toStored), deck.cards);

    const deckRow: DeckRow = {
      id: deck.id,
      title: deck.title,
      sourceFile: deck.sourceFile,
      builtIn: options.builtIn ? 1 : 0,
      contentHash: options.contentHash,
      createdAt: existing?.createdAt ?? nowMs,
      updatedAt: nowMs,
      settings: existing?.settings ?? DEFAULT_DECK_SETTINGS,
    };

    // Final ids: a reworded card keeps the id the collection already knows it by.
    const finalIds = new Map<string, string>(deck.cards.map((c) => [c.id, c.id]));
    for (const change of diff.changed) finalIds.set(change.incomingId, change.card.id);
    const cardRows = deck.cards.map((card, ord) => {
      const id = finalIds.get(card.id) ?? card.id;
      const addedAt = storedById.get(id)?.addedAt ?? nowMs;
      return deckCardToRow({ ...card, id }, deck.id, ord, addedAt);
    });
    const hiddenRows = diff.removed.map((card): CardRow => ({ ...storedById.get(card.id)!, hidden: 1 }));

    // One index range read instead of a get per card: 50,000 point reads take seconds.
    const statesById = new Map((await db.states.where('deckId').equals(deck.id).toArray()).map((s) => [s.cardId, s]));
    const stateRows: StateRow[] = cardRows.map((row) => {
      const state = statesById.get(row.id);
      if (!state) return scheduleToStateRow(newCards.newSchedule(row.id, deck.id, options.now), row.ord, false);
      return { ...state, ord: row.ord, hidden: 0, queue: queueOf({ phase: state.phase, suspended: state.suspended === 1, buriedUntil: state.buriedUntil === null ? null : new Date(state.buriedUntil) }, false) };
    });
    const hiddenStates = diff.removed.flatMap((card) => {
      const state = statesById.get(card.id);
      return state ? [{ ...state, hidden: 1 as const, queue: 'off' as const }] : [];
    });

    await db.decks.put(deckRow);
    await db.cards.bulkPut([...cardRows, ...hiddenRows]);
    await db.states.bulkPut([...stateRows, ...hiddenStates]);
    return summarise(deck.id, existing !== undefined, diff);
  });
}

/** Deletes a deck with its cards, states and review history, in one transaction. */
export async function deleteDeck(deckId: string): Promise<void> {
  await db.transaction('rw', [db.decks, db.cards, db.states, db.reviews], async () => {
    await db.cards.where('deckId').equals(deckId).delete();
    await db.states.where('deckId').equals(deckId).delete();
    await db.reviews.where('[deckId+reviewedAt]').between([deckId, -Infinity], [deckId, Infinity]).delete();
    await db.decks.delete(deckId);
  });
}
