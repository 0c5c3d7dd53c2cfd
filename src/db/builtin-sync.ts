/**
 * Start-up reconciliation of the decks shipped with the app. A deck whose content hash
 * matches what was last reconciled is skipped without loading its JSON, so a normal start
 * costs one small read per built-in deck.
 */
import type { Deck } from '../domain/deck/types.ts';
import { db } from './database.ts';
import type { DeckVersionSummary } from './deck-writes.ts';

export interface ShippedDeck {
  id: string;
  hash: string;
  load: () => Promise<Deck>;
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
