import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_LISTED } from '../../../src/db/change-log.ts';
import { suspendCards } from '../../../src/db/card-actions.ts';
import { db } from '../../../src/db/database.ts';
import { deleteDeck, saveDeckVersion } from '../../../src/db/deck-writes.ts';
import { reviewRowToEntry, stateRowToSchedule } from '../../../src/db/mappers.ts';
import { clearCache } from '../../../src/db/stats-cache-store.ts';
import {
  loadReviews,
  loadStatsData,
  readExamDate,
  releaseStatsCopy,
  saveExamDate,
  saveStatsCache,
  scopeReviews,
  statsDataVersion,
  syncStatsCache,
  type StatsData,
  type SyncProgress,
} from '../../../src/db/stats-reads.ts';
import { loadStudyBatch } from '../../../src/db/study-reads.ts';
import { recordAnswer, undoAnswer } from '../../../src/db/study-writes.ts';
import type { DeckCard } from '../../../src/domain/deck/types.ts';
import { createScheduler } from '../../../src/domain/scheduling/scheduler.ts';
import type { Rating } from '../../../src/domain/scheduling/types.ts';
import { DEFAULT_DECK_SETTINGS } from '../../../src/domain/settings/deck-settings.ts';
import { toStatReview } from '../../../src/domain/stats/stat-review.ts';

const NOW = new Date('2026-03-02T10:00:00Z');
const MINUTE = 60_000;
const card = (id: string, topics: string[] = [], tags: string[] = []): DeckCard => ({ id, question: `Q ${id}?`, answer: '- a', tags, topics, line: 1 });
const save = (deckId: string, cards: DeckCard[], now = NOW) =>
  saveDeckVersion({ id: deckId, title: deckId.toUpperCase(), sourceFile: `${deckId}.txt`, cards, diagnostics: [] }, { builtIn: false, contentHash: '', now });

/** Answers the first card the study queue offers in `deckId`. */
async function answer(deckId: string, rating: Rating, at: Date) {
  const batch = await loadStudyBatch(deckId, DEFAULT_DECK_SETTINGS, at);
  const schedule = batch.learning[0] ?? batch.reviews[0] ?? batch.newCards[0];
  if (!schedule) throw new Error(`nothing to study in ${deckId}`);
  const entry = createScheduler().answer(schedule, rating, at, 4200);
  return { entry, id: await recordAnswer(entry) };
}

/** The same data read straight from the tables, the slow way. */
async function readDirectly(deckId: string | null): Promise<StatsData> {
  const inScope = (row: { deckId: string }) => deckId === null || row.deckId === deckId;
  const reviews = (await db.reviews.orderBy(':id').toArray()).filter(inScope).map((row) => toStatReview(reviewRowToEntry(row)));
  const schedules = (await db.states.toArray()).filter((row) => row.hidden === 0 && inScope(row)).map(stateRowToSchedule);
  const cards = (await db.cards.toArray()).filter(inScope);
  return {
    reviews,
    schedules,
    topicsByCard: new Map(cards.filter((c) => c.topics.length > 0).map((c) => [c.id, c.topics])),
    tagsByCard: new Map(cards.filter((c) => c.tags.length > 0).map((c) => [c.id, c.tags])),
  };
}

const comparable = (data: StatsData) => ({
  reviews: data.reviews,
  schedules: [...data.schedules].sort((a, b) => a.cardId.localeCompare(b.cardId)),
  topics: [...data.topicsByCard].sort(),
  tags: [...data.tagsByCard].sort(),
});

async function expectUpToDate(deckId: string | null = null): Promise<SyncProgress[]> {
  const progress: SyncProgress[] = [];
  const data = await loadStatsData(deckId, (p) => progress.push(p));
  expect(comparable(data)).toEqual(comparable(await readDirectly(deckId)));
  return progress;
}

const readInFull = (progress: SyncProgress[]) => [...new Set(progress.map((p) => p.table))];

beforeEach(async () => {
  releaseStatsCopy();
  await clearCache();
  await db.delete();
  await db.open();
  await save('d', [card('a', ['iam'], ['exam']), card('b', ['iam', 's3'], []), card('c', [], ['hard'])]);
  await save('e', [card('x', ['lambda'])]);
  await answer('d', 3, NOW);
  await answer('d', 1, new Date(NOW.getTime() + MINUTE));
  await answer('e', 4, new Date(NOW.getTime() + 2 * MINUTE));
});
afterEach(() => db.close());

describe('loadStatsData', () => {
  it('reads everything in full the first time, then only what changed', async () => {
    expect(readInFull(await expectUpToDate())).toEqual(['reviews', 'states', 'cards']);
    const later = new Date(NOW.getTime() + 20 * MINUTE);
    const { id, entry } = await answer('d', 3, later);
    await answer('d', 2, new Date(later.getTime() + MINUTE));
    await undoAnswer(id + 1, (await db.reviews.get(id + 1).then((row) => reviewRowToEntry(row!))));
    await suspendCards(['c'], true);
    await save('d', [card('a', ['kms'], ['exam']), card('b', ['iam'], [])], later);
    expect(entry.cardId).toBeTruthy();
    expect(await expectUpToDate()).toEqual([]);
    expect(await expectUpToDate('d')).toEqual([]);
    expect(await expectUpToDate('e')).toEqual([]);
  });

  it('starts from the saved copy in a new session', async () => {
    await expectUpToDate();
    await saveStatsCache(await syncStatsCache());
    releaseStatsCopy();
    await answer('d', 3, new Date(NOW.getTime() + 30 * MINUTE));
    expect(await expectUpToDate()).toEqual([]);
  });

  it('follows a deleted deck and a review row put back under its old id', async () => {
    await expectUpToDate();
    const { id } = await answer('d', 3, new Date(NOW.getTime() + 30 * MINUTE));
    await answer('d', 3, new Date(NOW.getTime() + 31 * MINUTE));
    const row = (await db.reviews.get(id))!;
    await db.reviews.delete(id);
    await expectUpToDate();
    // A backup restore adds rows with their own ids, which can be below the newest one.
    await db.reviews.add(row);
    await deleteDeck('e');
    expect(await expectUpToDate()).toEqual([]);
    expect(await expectUpToDate('e')).toEqual([]);
  });

  it('reads a table again when the change log lost track of it', async () => {
    await expectUpToDate();
    await db.states.bulkPut(Array.from({ length: MAX_LISTED + 1 }, (_, i) => ({ ...(DUMMY_STATE as object), cardId: `z${i}` }) as never));
    expect(readInFull(await expectUpToDate())).toEqual(['states']);
    await db.reviews.clear();
    expect(readInFull(await expectUpToDate())).toEqual(['reviews']);
  });

  it('starts over when the database was replaced', async () => {
    await expectUpToDate();
    releaseStatsCopy();
    await db.delete();
    await db.open();
    await save('d', [card('q')]);
    await answer('d', 3, NOW);
    expect(readInFull(await expectUpToDate())).toEqual(['reviews', 'states', 'cards']);
  });
});

const DUMMY_STATE = {
  deckId: 'd',
  queue: 'new',
  ord: 0,
  hidden: 0,
  phase: 'new',
  due: 0,
  stability: 0,
  difficulty: 0,
  elapsedDays: 0,
  scheduledDays: 0,
  learningSteps: 0,
  reps: 0,
  lapses: 0,
  lastReview: null,
  suspended: 0,
  buriedUntil: null,
};

describe('scopeReviews', () => {
  it('gives the answers after an id, or since a moment, of one deck or all, from the saved copy', async () => {
    await expectUpToDate();
    await saveStatsCache(await syncStatsCache());
    releaseStatsCopy();
    const cache = await syncStatsCache();
    expect(cache.chunks.every((slot) => slot.rows === null)).toBe(true);
    const all = (await readDirectly(null)).reviews;
    const first = Number((await db.reviews.orderBy(':id').firstKey()) ?? NaN);
    await loadReviews(cache, { afterId: first });
    expect(scopeReviews(cache, null, { afterId: first })).toEqual(all.slice(1));
    expect(scopeReviews(cache, 'e', { afterId: first })).toEqual(all.filter((r) => r.deckId === 'e'));
    const since = NOW.getTime() + MINUTE;
    await loadReviews(cache, { since });
    expect(scopeReviews(cache, null, { since })).toEqual(all.filter((r) => r.reviewedAt >= since));
  });
});

describe('statsDataVersion', () => {
  it('changes with every write that can change statistics', async () => {
    const before = await statsDataVersion();
    await suspendCards(['a'], true);
    const afterSuspend = await statsDataVersion();
    expect(afterSuspend).not.toBe(before);
    await answer('d', 3, new Date(NOW.getTime() + 40 * MINUTE));
    expect(await statsDataVersion()).not.toBe(afterSuspend);
  });
});

describe('the exam date', () => {
  it('is saved, read back and cleared', async () => {
    expect(await readExamDate()).toBeNull();
    await saveExamDate('2026-06-15');
    expect(await readExamDate()).toBe('2026-06-15');
    await saveExamDate(null);
    expect(await readExamDate()).toBeNull();
  });

  it('refuses anything but a YYYY-MM-DD date, and ignores one stored badly', async () => {
    await expect(saveExamDate('15/06/2026')).rejects.toThrow(RangeError);
    await db.settings.put({ key: 'examDate', value: 20260615 });
    expect(await readExamDate()).toBeNull();
  });
});
