import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../src/db/database.ts';
import { saveDeckVersion, previewDeckVersion, deleteDeck } from '../../../src/db/deck-writes.ts';
import { deckCounts, loadStudyBatch } from '../../../src/db/study-reads.ts';
import { recordAnswer, StaleCardError, undoAnswer } from '../../../src/db/study-writes.ts';
import { deckCards } from '../../../src/db/deck-reads.ts';
import { createScheduler } from '../../../src/domain/scheduling/scheduler.ts';
import { DEFAULT_DECK_SETTINGS } from '../../../src/domain/settings/deck-settings.ts';
import type { Deck, DeckCard } from '../../../src/domain/deck/types.ts';
import type { CardSchedule } from '../../../src/domain/scheduling/types.ts';

// 10:00 UTC: well inside a study day that started at 04:00 (the tests run in UTC).
const NOW = new Date('2026-03-02T10:00:00Z');
const card = (id: string, question: string, answer = '- a'): DeckCard => ({ id, question, answer, tags: [], topics: [], line: 1 });
const deckOf = (cards: DeckCard[]): Deck => ({ id: 'd', title: 'D', sourceFile: 'd.txt', cards, diagnostics: [] });
const save = (cards: DeckCard[], now = NOW) => saveDeckVersion(deckOf(cards), { builtIn: false, contentHash: '', now });

beforeEach(async () => {
  await db.delete();
  await db.open();
});
afterEach(() => db.close());

async function answerFirstNew(rating: 1 | 2 | 3 | 4, now = NOW) {
  const batch = await loadStudyBatch('d', DEFAULT_DECK_SETTINGS, now);
  const schedule = batch.newCards[0]!;
  const entry = createScheduler().answer(schedule, rating, now, 3000);
  return { entry, id: await recordAnswer(entry) };
}

describe('saveDeckVersion', () => {
  it('adds a deck with a new-card state per card, in deck order', async () => {
    const summary = await save([card('a', 'Q1?'), card('b', 'Q2?'), card('c', 'Q3?')]);
    expect(summary).toMatchObject({ exists: false, added: 3, changed: 0, removed: 0 });
    const batch = await loadStudyBatch('d', DEFAULT_DECK_SETTINGS, NOW);
    expect(batch.newCards.map((s) => s.cardId)).toEqual(['a', 'b', 'c']);
    expect(batch.cards.get('b')?.question).toBe('Q2?');
  });

  it('keeps progress when an answer is edited, hides removed cards and keeps their history', async () => {
    await save([card('a', 'Q1?', '- old'), card('b', 'Q2?')]);
    const { entry } = await answerFirstNew(3);
    expect(entry.cardId).toBe('a');
    await answerFirstNew(3); // card b

    const preview = await previewDeckVersion(deckOf([card('a', 'Q1?', '- new'), card('c', 'Q3?')]));
    expect(preview).toMatchObject({ exists: true, added: 1, changed: 1, removed: 1, removedQuestions: ['Q2?'] });
    await save([card('a', 'Q1?', '- new'), card('c', 'Q3?')], new Date(NOW.getTime() + 60_000));

    const stateA = await db.states.get('a');
    expect(stateA).toMatchObject({ phase: 'learning', reps: 1, queue: 'learn' });
    expect((await db.cards.get('a'))?.answer).toBe('- new');
    expect(await db.states.get('b')).toMatchObject({ hidden: 1, queue: 'off' });
    expect(await db.reviews.where('cardId').equals('b').count()).toBe(1);
    expect((await deckCards('d')).map((c) => c.id)).toEqual(['a', 'c']);
  });

  it('does nothing at all when the transaction fails', async () => {
    await save([card('a', 'Q1?')]);
    const bad = deckOf([card('b', 'Q2?')]);
    // A non-cloneable value makes the bulkPut fail inside the transaction.
    (bad.cards[0] as unknown as { tags: unknown }).tags = [() => 1];
    await expect(saveDeckVersion(bad, { builtIn: false, contentHash: '', now: NOW })).rejects.toThrow();
    expect(await db.cards.count()).toBe(1);
    expect(await db.states.get('a')).toMatchObject({ hidden: 0 });
  });

  it('deletes a deck with everything in it', async () => {
    await save([card('a', 'Q1?')]);
    await answerFirstNew(3);
    await deleteDeck('d');
    expect([await db.decks.count(), await db.cards.count(), await db.states.count(), await db.reviews.count()]).toEqual([0, 0, 0, 0]);
  });
});

describe('answers', () => {
  it('writes the state and one log row, and undo restores the exact snapshot and removes the row', async () => {
    await save([card('a', 'Q1?')]);
    const before = await db.states.get('a');
    const { id, entry } = await answerFirstNew(1);
    expect(await db.reviews.count()).toBe(1);
    expect(await db.states.get('a')).toMatchObject({ phase: 'learning', queue: 'learn', due: NOW.getTime() + 60_000 });
    await undoAnswer(id, entry);
    expect(await db.reviews.count()).toBe(0);
    expect(await db.states.get('a')).toEqual(before);
  });

  it('counts today honour the new-card limit and the 4 am boundary', async () => {
    const cards = Array.from({ length: 30 }, (_, i) => card(`c${i}`, `Question ${i}?`));
    await save(cards);
    expect(await deckCounts('d', DEFAULT_DECK_SETTINGS, NOW)).toEqual({ new: 20, learning: 0, due: 0 });
    await answerFirstNew(3);
    await answerFirstNew(1);
    expect(await deckCounts('d', DEFAULT_DECK_SETTINGS, NOW)).toEqual({ new: 18, learning: 2, due: 0 });
    // 03:59 next morning is still the same study day; 04:00 starts a new one.
    expect((await deckCounts('d', DEFAULT_DECK_SETTINGS, new Date('2026-03-03T03:59:00Z'))).new).toBe(18);
    expect((await deckCounts('d', DEFAULT_DECK_SETTINGS, new Date('2026-03-03T04:00:00Z'))).new).toBe(20);
  });
});

describe('two tabs', () => {
  it('refuses an answer whose card changed since it was shown, so no card is scheduled twice', async () => {
    await save([card('a', 'Q1?')]);
    const batch = await loadStudyBatch('d', DEFAULT_DECK_SETTINGS, NOW);
    const shownInBothTabs = batch.newCards[0]!;
    const scheduler = createScheduler();
    await recordAnswer(scheduler.answer(shownInBothTabs, 3, NOW, 1000));
    const secondTab = scheduler.answer(shownInBothTabs, 1, new Date(NOW.getTime() + 5000), 1000);
    await expect(recordAnswer(secondTab)).rejects.toThrow(StaleCardError);
    expect(await db.reviews.count()).toBe(1);
    expect(await db.states.get('a')).toMatchObject({ reps: 1 });
  });

  it('writes nothing when the row this tab read was answered elsewhere before its answer is saved', async () => {
    await save([card('a', 'Q1?')]);
    const batch = await loadStudyBatch('d', DEFAULT_DECK_SETTINGS, NOW);
    const scheduler = createScheduler();
    // Another tab (its own copy of the code) answers first: its writes reach the database directly.
    const elsewhere = scheduler.answer(batch.newCards[0]!, 4, NOW, 1000);
    await db.states.update('a', { reps: elsewhere.after.reps, due: elsewhere.after.due.getTime(), phase: elsewhere.after.phase, queue: 'review' });
    const otherTabState = await db.states.get('a');
    await expect(recordAnswer(scheduler.answer(batch.newCards[0]!, 1, NOW, 1000))).rejects.toThrow(StaleCardError);
    expect(await db.reviews.count()).toBe(0);
    expect(await db.states.get('a')).toEqual(otherTabState);
  });

  it('keeps what changed elsewhere in the fields an answer does not set', async () => {
    await save([card('a', 'Q1?')]);
    const batch = await loadStudyBatch('d', DEFAULT_DECK_SETTINGS, NOW);
    // A new version of the deck moved the card after this tab read its row.
    await db.states.update('a', { ord: 7 });
    const { id } = await answerFirstNewFrom(batch.newCards[0]!);
    expect(await db.states.get('a')).toMatchObject({ ord: 7, reps: 1, phase: 'learning' });
    expect(await db.reviews.get(id)).toMatchObject({ cardId: 'a' });
  });
});

async function answerFirstNewFrom(schedule: CardSchedule) {
  const entry = createScheduler().answer(schedule, 3, NOW, 3000);
  return { entry, id: await recordAnswer(entry) };
}
