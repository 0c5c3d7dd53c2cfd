import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { db, DATABASE_NAME } from '../../../src/db/database.ts';
import { listDecks } from '../../../src/db/deck-reads.ts';
import { deleteDeck, saveDeckVersion } from '../../../src/db/deck-writes.ts';
import { recordAnswer } from '../../../src/db/study-writes.ts';
import { loadStudyBatch } from '../../../src/db/study-reads.ts';
import type { DeckCard } from '../../../src/domain/deck/types.ts';
import { createScheduler } from '../../../src/domain/scheduling/scheduler.ts';
import { DEFAULT_DECK_SETTINGS } from '../../../src/domain/settings/deck-settings.ts';

const NOW = new Date(2026, 2, 2, 10, 0);
const card = (id: string): DeckCard => ({ id, question: `${id}?`, answer: '- a', tags: [], topics: [], line: 1 });
const save = (deckId: string, cardIds: string[]) =>
  saveDeckVersion({ id: deckId, title: deckId, sourceFile: `${deckId}.txt`, cards: cardIds.map(card), diagnostics: [] }, { builtIn: false, contentHash: '', now: NOW });
const totals = async () => Object.fromEntries((await listDecks(NOW)).map((deck) => [deck.id, deck.cardCount]));

/** The same database without the change log: a write the app's writers could never make. */
async function writeBehindTheLog(row: object): Promise<void> {
  const raw = new Dexie(DATABASE_NAME);
  raw.version(db.verno).stores(Object.fromEntries(db.tables.map((t) => [t.name, [t.schema.primKey.src, ...t.schema.indexes.map((i) => i.src)].join(',')])));
  await raw.table('cards').put(row);
  raw.close();
}

beforeEach(async () => {
  await db.delete();
  await db.open();
});
afterEach(() => db.close());

describe('visible card totals on home', () => {
  it('follow imports, updates that hide cards, and deletions', async () => {
    await save('a', ['a1', 'a2', 'a3']);
    await save('b', ['b1']);
    expect(await totals()).toEqual({ a: 3, b: 1 });

    await save('a', ['a1', 'a3']);
    expect(await totals()).toEqual({ a: 2, b: 1 });

    await save('b', ['b1', 'b2']);
    await deleteDeck('a');
    expect(await totals()).toEqual({ b: 2 });
  });

  it('are remembered while the change log shows no card written; answers do not count again', async () => {
    await save('a', ['a1', 'a2']);
    expect(await totals()).toEqual({ a: 2 });

    // Unseen by the log, so not counted: proof that the remembered total is used.
    await writeBehindTheLog({ id: 'ghost', deckId: 'a', question: 'G?', answer: '- g', tags: [], topics: [], line: 9, ord: 9, hidden: 0, addedAt: NOW.getTime() });
    const batch = await loadStudyBatch('a', DEFAULT_DECK_SETTINGS, NOW);
    await recordAnswer(createScheduler().answer(batch.newCards[0]!, 3, NOW, 1000));
    expect(await totals()).toEqual({ a: 2 });

    // A card written through the app, in any deck, is in the log: everything is counted again.
    await save('b', ['b1']);
    expect(await totals()).toEqual({ a: 3, b: 1 });
  });
});
