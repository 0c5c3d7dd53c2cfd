import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listDeckInfo } from '../../../src/db/browse-reads.ts';
import { db } from '../../../src/db/database.ts';
import { saveDeckVersion } from '../../../src/db/deck-writes.ts';
import { reviewRowToEntry } from '../../../src/db/mappers.ts';
import { applyCardChanges, applyReviewChanges, applyStateChanges, emptyCache, type CompactReview } from '../../../src/db/stats-cache.ts';
import { clearCache } from '../../../src/db/stats-cache-store.ts';
import { loadReviews, releaseStatsCopy, saveStatsCache, statsDataFor, syncStatsCache } from '../../../src/db/stats-reads.ts';
import { loadStudyBatch } from '../../../src/db/study-reads.ts';
import { recordAnswer, undoAnswer } from '../../../src/db/study-writes.ts';
import type { DeckCard } from '../../../src/domain/deck/types.ts';
import { createScheduler } from '../../../src/domain/scheduling/scheduler.ts';
import type { Rating } from '../../../src/domain/scheduling/types.ts';
import { DEFAULT_DECK_SETTINGS } from '../../../src/domain/settings/deck-settings.ts';
import { snapshotOfData } from '../../../src/workers/stats-snapshot.ts';
import { visitSnapshot } from '../../../src/workers/stats-visit.ts';

const DAY = 86_400_000;
const START = new Date(2026, 2, 2, 10).getTime();
const card = (id: string, topics: string[], tags: string[]): DeckCard => ({ id, question: `Q ${id}?`, answer: '- a', tags, topics, line: 1 });

async function answer(deckId: string, rating: Rating, at: number) {
  const batch = await loadStudyBatch(deckId, DEFAULT_DECK_SETTINGS, new Date(at));
  const schedule = batch.learning[0] ?? batch.reviews[0] ?? batch.newCards[0];
  if (!schedule) throw new Error(`nothing to study in ${deckId}`);
  return recordAnswer(createScheduler().answer(schedule, rating, new Date(at), 5000));
}

/** A visit through the running totals, and the same figures counted from scratch. */
async function visitAndRecount(deckId: string | null, nowMs: number) {
  const cache = await syncStatsCache();
  const decks = await listDeckInfo();
  const visit = await visitSnapshot(cache, decks, { deckId, nowMs, examDate: null });
  await loadReviews(cache);
  const recount = snapshotOfData({ data: statsDataFor(cache, deckId), decks, deckId, now: new Date(nowMs), examDate: null });
  return { visit, recount, cache };
}

beforeEach(async () => {
  releaseStatsCopy();
  await clearCache();
  await db.delete();
  await db.open();
  const now = new Date(START - 10 * DAY);
  await saveDeckVersion({ id: 'd', title: 'D', sourceFile: 'd.txt', cards: [card('a', ['iam'], ['x']), card('b', ['s3'], []), card('c', [], ['x'])], diagnostics: [] }, { builtIn: false, contentHash: '', now });
  await saveDeckVersion({ id: 'e', title: 'E', sourceFile: 'e.txt', cards: [card('q', ['iam'], [])], diagnostics: [] }, { builtIn: false, contentHash: '', now });
  // Three days of answers, some Again, in both decks.
  for (const [i, offset] of [-9, -9, -5, -5, -2].entries()) await answer('d', i % 2 === 0 ? 3 : 1, START + offset * DAY + i * 60_000);
  await answer('e', 3, START - 3 * DAY);
});
afterEach(() => db.close());

describe('visitSnapshot', () => {
  it('adds new answers to the stored totals and matches a full count', async () => {
    const first = await visitAndRecount(null, START);
    expect(first.visit).toEqual(first.recount);
    const [key, stored] = [...first.cache.totals][0]!;
    await answer('d', 3, START + 60_000);
    await answer('e', 1, START + 120_000);
    const second = await visitAndRecount(null, START + 5 * 60_000);
    expect(second.cache.totals.get(key)?.upTo).toBeGreaterThan(stored.upTo);
    expect(second.visit).toEqual(second.recount);
    expect(second.visit.today.reviews).toBe(2);
  });

  it('counts again after an answer inside the totals is taken back, and per deck', async () => {
    await visitAndRecount('d', START);
    const last = (await db.reviews.where('[deckId+reviewedAt]').between(['d', -Infinity], ['d', Infinity]).last())!;
    await undoAnswer(last.id!, reviewRowToEntry(last));
    const after = await visitAndRecount('d', START + 60_000);
    expect(after.visit).toEqual(after.recount);
    expect(after.visit.reviewCount).toBe(4);
    const other = await visitAndRecount('e', START + 60_000);
    expect(other.visit).toEqual(other.recount);
  });

  it('starts new totals on a new study day, and keeps them across sessions', async () => {
    await visitAndRecount(null, START);
    const nextDay = START + DAY;
    const next = await visitAndRecount(null, nextDay);
    expect(next.visit).toEqual(next.recount);
    expect(next.cache.totals.size).toBe(1);
    await saveStatsCache(next.cache);

    releaseStatsCopy();
    await answer('d', 4, nextDay + 60_000);
    const reloaded = await visitAndRecount(null, nextDay + 120_000);
    expect(reloaded.cache).not.toBe(next.cache);
    expect([...reloaded.cache.totals.keys()]).toEqual([...next.cache.totals.keys()]);
    expect(reloaded.visit).toEqual(reloaded.recount);
  });

  it('counts again when topics or tags change', async () => {
    await visitAndRecount(null, START);
    await saveDeckVersion(
      { id: 'd', title: 'D', sourceFile: 'd.txt', cards: [card('a', ['kms'], ['x']), card('b', ['s3'], ['y']), card('c', [], ['x'])], diagnostics: [] },
      { builtIn: false, contentHash: '', now: new Date(START) },
    );
    const after = await visitAndRecount(null, START + 60_000);
    expect(after.visit).toEqual(after.recount);
    expect(after.visit.byTopic.map((g) => g.group)).toEqual(['iam', 'kms', 's3']);
  });
});

describe('a fresh count', () => {
  it('keeps the totals of chunks older than the calendar’s year and reuses them on later days', async () => {
    const cache = emptyCache('e', 0, 3);
    const decks = await listDeckInfo();
    const states = (await db.states.toArray()).filter((row) => row.deckId === 'd');
    applyStateChanges(cache, [], states);
    applyCardChanges(cache, [], await db.cards.where('deckId').equals('d').toArray());
    const cardOf = (i: number) => cache.cardIndex.get(states[i % states.length]!.cardId)!;
    // Eight answers two years back (chunks of three: two old chunks and part of a third), four recent.
    const at = (i: number) => (i < 8 ? START - (800 - i) * DAY : START - (4 - (i - 8)) * DAY);
    const rows: CompactReview[] = Array.from({ length: 12 }, (_, i) => ({ id: i + 1, at: at(i), card: cardOf(i), durationMs: 1000, lastInterval: i % 30, code: (1 + (i % 4)) | (2 << 3) }));
    applyReviewChanges(cache, new Set(), rows);
    const recount = (nowMs: number) => snapshotOfData({ data: statsDataFor(cache, 'd'), decks, deckId: 'd', now: new Date(nowMs), examDate: null });

    expect(await visitSnapshot(cache, decks, { deckId: 'd', nowMs: START, examDate: null })).toEqual(recount(START));
    const old = [...cache.totals].filter(([key]) => key.includes('|old|'));
    expect(old.map(([, entry]) => entry.upTo)).toEqual([3, 6]);

    const nextDay = START + DAY;
    expect(await visitSnapshot(cache, decks, { deckId: 'd', nowMs: nextDay, examDate: null })).toEqual(recount(nextDay));
    for (const [key, entry] of old) expect(cache.totals.get(key)).toBe(entry);

    // Changing an answer inside an old chunk drops its totals (and those after it), which are counted again.
    applyReviewChanges(cache, new Set([5]), []);
    expect([...cache.totals.keys()].filter((key) => key.includes('|old|'))).toHaveLength(1);
    expect(await visitSnapshot(cache, decks, { deckId: 'd', nowMs: nextDay, examDate: null })).toEqual(recount(nextDay));
  });
});
