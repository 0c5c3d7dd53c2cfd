import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../src/db/database.ts';
import { deckDeletionImpact, deckForExport, deckTitle, DuplicateDeckError, saveImportedDecks } from '../../../src/db/deck-transfer.ts';
import { saveDeckVersion } from '../../../src/db/deck-writes.ts';
import { parse } from '../../../src/domain/deck/parse.ts';
import { serializeDeck } from '../../../src/domain/deck/serialize.ts';
import type { Deck } from '../../../src/domain/deck/types.ts';

const NOW = new Date('2026-03-02T10:00:00Z');
const deck = (text: string, file = 'x.txt'): Deck => parse(text, file);

beforeEach(async () => {
  db.close();
  await db.delete();
  await db.open();
});
afterEach(() => db.close());

describe('saveImportedDecks', () => {
  it('saves several decks in one go', async () => {
    const summaries = await saveImportedDecks([deck('One\nA?\n- a'), deck('Two\nB?\n- b\nC?\n- c')], NOW);
    expect(summaries.map((s) => [s.deckId, s.added])).toEqual([['one', 1], ['two', 2]]);
    expect(await db.cards.count()).toBe(3);
    expect((await db.decks.get('one'))?.builtIn).toBe(0);
  });

  it('saves none of them when one fails', async () => {
    const bad = deck('Two\nB?\n- b');
    (bad.cards[0] as unknown as { tags: unknown }).tags = [() => 1]; // not storable
    await expect(saveImportedDecks([deck('One\nA?\n- a'), bad], NOW)).rejects.toThrow();
    expect([await db.decks.count(), await db.cards.count(), await db.states.count()]).toEqual([0, 0, 0]);
  });

  it('refuses two decks that would share an id', async () => {
    await expect(saveImportedDecks([deck('Same\nA?\n- a'), deck('same\nB?\n- b')], NOW)).rejects.toBeInstanceOf(DuplicateDeckError);
    expect(await db.decks.count()).toBe(0);
  });
});

describe('reading decks back', () => {
  it('exports the visible cards as text that parses back to the same cards', async () => {
    const original = deck('Geo\nCapital of France?\nEurope\n- Paris\nGone?\n- x', 'geo.txt');
    await saveImportedDecks([original], NOW);
    await saveImportedDecks([deck('Geo\nCapital of France?\nEurope\n- Paris', 'geo.txt')], NOW);
    const exported = await deckForExport('geo');
    expect(exported?.cards.map((c) => c.question)).toEqual(['Capital of France?']);
    const back = parse(serializeDeck(exported!), 'geo.txt');
    expect(back.cards.map(({ id, question, answer, tags }) => ({ id, question, answer, tags }))).toEqual(
      exported!.cards.map(({ id, question, answer, tags }) => ({ id, question, answer, tags })),
    );
    expect(await deckForExport('nope')).toBeUndefined();
    expect(await deckTitle('geo')).toBe('Geo');
  });

  it('counts what deleting a deck removes, hidden cards included', async () => {
    await saveDeckVersion(deck('Geo\nA?\n- a\nB?\n- b'), { builtIn: true, contentHash: 'h', now: NOW });
    await saveDeckVersion(deck('Geo\nA?\n- a'), { builtIn: true, contentHash: 'h2', now: NOW });
    expect(await deckDeletionImpact('geo')).toEqual({ title: 'Geo', builtIn: true, cards: 2, reviews: 0 });
    expect(await deckDeletionImpact('nope')).toBeUndefined();
  });
});
