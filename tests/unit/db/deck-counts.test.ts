import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../src/db/database.ts';
import { saveDeckVersion } from '../../../src/db/deck-writes.ts';
import { deckCounts, loadStudyBatch } from '../../../src/db/study-reads.ts';
import { recordAnswer } from '../../../src/db/study-writes.ts';
import type { DeckCard } from '../../../src/domain/deck/types.ts';
import { createScheduler } from '../../../src/domain/scheduling/scheduler.ts';
import { DEFAULT_DECK_SETTINGS } from '../../../src/domain/settings/deck-settings.ts';

// 10:00 local: well inside a study day that started at 04:00.
const NOW = new Date(2026, 2, 2, 10, 0);
const MONTH_AGO = new Date(2026, 1, 1, 10, 0);
const settings = { ...DEFAULT_DECK_SETTINGS, newPerDay: 20, reviewsPerDay: 3, enableFuzz: false };
const scheduler = createScheduler(settings);
const card = (id: string): DeckCard => ({ id, question: `${id}?`, answer: '- a', tags: [], topics: [], line: 1 });
const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

async function saveDeck(cardIds: string[]): Promise<void> {
  await saveDeckVersion({ id: 'd', title: 'D', sourceFile: 'd.txt', cards: cardIds.map(card), diagnostics: [] }, { builtIn: false, contentHash: '', now: MONTH_AGO });
}

async function good(cardId: string, at: Date): Promise<void> {
  const batch = await loadStudyBatch('d', settings, at, { mode: 'cram' });
  const schedule = [...batch.learning, ...batch.reviews, ...batch.newCards].find((s) => s.cardId === cardId)!;
  await recordAnswer(scheduler.answer(schedule, 3, at, 1000));
}

/** Answers each card Good twice a month ago: review cards due long before NOW. */
async function graduate(cardIds: string[]): Promise<void> {
  for (const id of cardIds) {
    await good(id, MONTH_AGO);
    await good(id, new Date(MONTH_AGO.getTime() + 15 * 60_000));
  }
}

beforeEach(async () => {
  await db.delete();
  await db.open();
});
afterEach(() => db.close());

describe('deckCounts at the edges of the daily limits', () => {
  it.each([
    [19, 19],
    [20, 20],
    [21, 20],
  ])('%i new cards with a limit of 20 show %i', async (cards, shown) => {
    await saveDeck(ids('n', cards));
    expect((await deckCounts('d', settings, NOW)).new).toBe(shown);
  });

  it('a limit in the thousands counts the new cards instead', async () => {
    await saveDeck(ids('n', 3));
    expect((await deckCounts('d', { ...settings, newPerDay: 5000 }, NOW)).new).toBe(3);
  });

  it('fewer new cards than the room left today: all of them', async () => {
    await saveDeck(ids('n', 5));
    await good('n0', NOW);
    expect(await deckCounts('d', settings, NOW)).toMatchObject({ new: 4, learning: 1 });
  });

  it('due reviews are capped by the review limit less today’s reviews', async () => {
    await saveDeck(ids('r', 5));
    await graduate(ids('r', 5));
    expect((await deckCounts('d', settings, NOW)).due).toBe(3);
    await good('r0', NOW);
    await good('r1', NOW);
    expect((await deckCounts('d', settings, NOW)).due).toBe(1);
  });

  it('fewer due reviews than the limit: all of them', async () => {
    await saveDeck(ids('r', 2));
    await graduate(ids('r', 2));
    expect((await deckCounts('d', settings, NOW)).due).toBe(2);
  });
});
