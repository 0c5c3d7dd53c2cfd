import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../src/db/database.ts';
import { saveDeckVersion } from '../../../src/db/deck-writes.ts';
import { loadStudyBatch } from '../../../src/db/study-reads.ts';
import { recordAnswer } from '../../../src/db/study-writes.ts';
import type { DeckCard } from '../../../src/domain/deck/types.ts';
import { createScheduler } from '../../../src/domain/scheduling/scheduler.ts';
import { DEFAULT_DECK_SETTINGS } from '../../../src/domain/settings/deck-settings.ts';

// 10:00 local: well inside a study day that started at 04:00.
const NOW = new Date(2026, 2, 2, 10, 0);
const MONTH_AGO = new Date(2026, 1, 1, 10, 0);
const settings = { ...DEFAULT_DECK_SETTINGS, newPerDay: 2, reviewsPerDay: 3, enableFuzz: false };
const card = (id: string, tags: string[] = []): DeckCard => ({ id, question: `${id}?`, answer: '- a', tags, topics: [], line: 1 });
const scheduler = createScheduler(settings);

/** Answers a card Good, reading its current state from the database. */
async function good(cardId: string, at: Date): Promise<void> {
  const batch = await loadStudyBatch('d', settings, at, { mode: 'cram' });
  const schedule = [...batch.learning, ...batch.reviews, ...batch.newCards].find((s) => s.cardId === cardId)!;
  await recordAnswer(scheduler.answer(schedule, 3, at, 1000));
}

beforeEach(async () => {
  await db.delete();
  await db.open();
  // r1–r4 become review cards due long before NOW; n1–n4 stay new.
  await saveDeckVersion(
    { id: 'd', title: 'D', sourceFile: 'd.txt', cards: ['r1', 'r2', 'r3', 'r4', 'n1', 'n2', 'n3', 'n4'].map((id) => card(id, id === 'n4' || id === 'r4' ? ['exam'] : [])), diagnostics: [] },
    { builtIn: false, contentHash: '', now: MONTH_AGO },
  );
  for (const id of ['r1', 'r2', 'r3', 'r4']) {
    await good(id, MONTH_AGO);
    await good(id, new Date(MONTH_AGO.getTime() + 15 * 60_000));
  }
});
afterEach(() => db.close());

describe('loadStudyBatch limits', () => {
  it('takes today’s answers off the daily limits, and fetches only the cards it returns', async () => {
    await good('r1', NOW);
    await good('n1', NOW);

    const batch = await loadStudyBatch('d', settings, NOW);

    expect(batch.studied).toMatchObject({ newCount: 1, reviewCount: 1 });
    expect(batch.reviews.map((s) => s.cardId)).toHaveLength(2);
    expect(batch.reviews.map((s) => s.cardId)).not.toContain('r1');
    expect(batch.newCards.map((s) => s.cardId)).toEqual(['n2']);
    const returned = [...batch.learning, ...batch.reviews, ...batch.newCards].map((s) => s.cardId);
    expect([...batch.cards.keys()].sort()).toEqual(returned.sort());
  });

  it('with no room left, returns no new cards and no reviews', async () => {
    await good('n1', NOW);
    await good('n2', NOW);
    for (const id of ['r1', 'r2', 'r3']) await good(id, NOW);

    const batch = await loadStudyBatch('d', settings, NOW);

    expect(batch.newCards).toEqual([]);
    expect(batch.reviews).toEqual([]);
    expect(batch.learning.map((s) => s.cardId).sort()).toEqual(['n1', 'n2']);
  });

  it('a filter counts only matching cards towards the limits; due-only never brings new cards', async () => {
    await good('n1', NOW);

    const exam = await loadStudyBatch('d', settings, NOW, { filter: 'exam' });
    expect(exam.reviews.map((s) => s.cardId)).toEqual(['r4']);
    expect(exam.newCards.map((s) => s.cardId)).toEqual(['n4']);

    const dueOnly = await loadStudyBatch('d', settings, NOW, { mode: 'due-only' });
    expect(dueOnly.newCards).toEqual([]);
    expect(dueOnly.reviews).toHaveLength(3);
  });
});
