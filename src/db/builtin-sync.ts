/**
 * Start-up reconciliation of the decks shipped with the app. A deck whose content hash
 * matches what was last reconciled is skipped without loading its JSON, so a normal start
 * costs one small read of the built-in decks' rows.
 *
 * The page only asks which decks changed (`staleBuiltInDecks`); reconciling them
 * (`syncBuiltInDecks`) runs in the built-in deck worker, off the main thread, because a first
 * visit writes a whole deck and would otherwise block the page for a second on a phone.
 */
import type { Deck } from '../domain/deck/types.ts';
import { db } from './database.ts';
import type { DeckVersionSummary } from './deck-writes.ts';

export interface BuiltInDeckVersion {
  id: string;
  hash: string;
}

export interface ShippedDeck extends BuiltInDeckVersion {
  load: () => Promise<Deck>;
}

/** Ids of the shipped decks whose stored content hash differs (or that are not stored yet). */
export async function staleBuiltInDecks(shipped: readonly BuiltInDeckVersion[]): Promise<string[]> {
  const stored = await db.decks.bulkGet(shipped.map((deck) => deck.id));
  return shipped.filter((deck, i) => stored[i]?.contentHash !== deck.hash).map((deck) => deck.id);
}

export async function syncBuiltInDecks(shipped: readonly ShippedDeck[], now: Date): Promise<DeckVersionSummary[]> {
  const summaries: DeckVersionSummary[] = [];
  for (const deck of shipped) {
    const stored = await db.decks.get(deck.id);
    if (stored?.contentHash === deck.hash) continue;
    // Loaded only when a deck changed: a normal start never pays for the writer or the scheduler.
    const { saveDeckVersion } = await import('./deck-writes.ts');
    summaries.push(await saveDeckVersion(await deck.load(), { builtIn: true, contentHash: deck.hash, now }));
  }
  return summaries;
}
