import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  applyCardChanges,
  applyReviewChanges,
  applyStateChanges,
  chunksFor,
  emptyCache,
  TAIL_ROWS,
  resetTable,
  storeTotals,
  phaseOf,
  ratingOf,
  type CompactReview,
  type StatsCache,
} from '../../../src/db/stats-cache.ts';
import { StaleCopyError, clearCache, loadCache, loadChunkRows, saveCache } from '../../../src/db/stats-cache-store.ts';
import type { CardRow, StateRow } from '../../../src/db/rows.ts';

const review = (id: number, card = 0): CompactReview => ({ id, at: 1_700_000_000_000 + id, card, durationMs: 1000 + id, lastInterval: id % 30, code: 3 | (2 << 3) });
const ids = (cache: StatsCache) => cache.chunks.map((c) => Array.from(c.rows?.ids ?? []));

const state = (cardId: string, extra: Partial<StateRow> = {}): StateRow => ({
  cardId,
  deckId: 'd',
  queue: 'review',
  ord: 0,
  hidden: 0,
  phase: 'review',
  due: 5,
  stability: 3.5,
  difficulty: 6,
  elapsedDays: 1,
  scheduledDays: 3,
  learningSteps: 0,
  reps: 2,
  lapses: 0,
  lastReview: 4,
  suspended: 0,
  buriedUntil: null,
  ...extra,
});
const cardRow = (id: string, topics: string[], tags: string[]): CardRow => ({ id, deckId: 'd', question: 'q', answer: 'a', tags, topics, line: 1, ord: 0, hidden: 0, addedAt: 0 });

beforeEach(() => clearCache());

describe('applyReviewChanges', () => {
  it('appends in id order and splits full chunks', () => {
    const cache = emptyCache('e', 0, 3);
    applyReviewChanges(cache, new Set(), [review(2), review(1), review(3), review(4)]);
    expect(ids(cache)).toEqual([[1, 2, 3], [4]]);
    applyReviewChanges(cache, new Set(), [review(5), review(6), review(7)]);
    expect(ids(cache)).toEqual([[1, 2, 3], [4, 5, 6], [7]]);
    expect(cache.maxReviewId).toBe(7);
  });

  it('removes, replaces and inserts below the highest id, touching only those chunks', () => {
    const cache = emptyCache('e', 0, 3);
    applyReviewChanges(cache, new Set(), [1, 2, 4, 5, 6, 7, 8].map((id) => review(id)));
    expect(ids(cache)).toEqual([[1, 2, 4], [5, 6, 7], [8]]);
    const [first, second, third] = cache.chunks;
    cache.dirty.clear();
    // 3 belongs in the first chunk, which overflows and splits; 5 leaves the second.
    applyReviewChanges(cache, new Set([5, 3]), [review(3, 9)]);
    expect(ids(cache)).toEqual([[1, 2, 3], [4], [6, 7], [8]]);
    expect(cache.chunks[0]!.rows!.card[2]).toBe(9);
    expect(cache.chunks[3]).toBe(third);
    expect([...cache.dirty].sort()).toEqual([first!.key, cache.chunks[1]!.key, second!.key].sort());
    applyReviewChanges(cache, new Set([8]), []);
    expect(ids(cache)).toEqual([[1, 2, 3], [4], [6, 7]]);
    expect(cache.dirty.has(third!.key)).toBe(true);
  });

  it('packs the rating and the phase before the answer', () => {
    expect(ratingOf(3 | (2 << 3))).toBe(3);
    expect(phaseOf(3 | (2 << 3))).toBe('review');
    expect(phaseOf(1 | (3 << 3))).toBe('relearning');
  });
});

describe('applyStateChanges and applyCardChanges', () => {
  it('replace changed cards, drop cards without a row, and share identical group lists', () => {
    const cache = emptyCache('e', 0);
    applyStateChanges(cache, [], [state('a'), state('b'), state('c')]);
    applyStateChanges(cache, ['a', 'b'], [state('b', { reps: 9 })]);
    expect(Array.from(cache.states.card)).toEqual([2, 1]);
    expect(Array.from(cache.states.reps)).toEqual([2, 9]);

    applyCardChanges(cache, [], [cardRow('a', ['iam'], []), cardRow('b', ['iam'], ['x']), cardRow('c', [], [])]);
    applyCardChanges(cache, ['a'], [cardRow('a', ['s3'], [])]);
    const g = cache.groups;
    expect(Array.from(g.card)).toEqual([1, 0]);
    expect(Array.from(g.card, (_, i) => [g.lists[g.topics[i]!], g.lists[g.tags[i]!]])).toEqual([
      [['iam'], ['x']],
      [['s3'], []],
    ]);
    expect(g.lists).toHaveLength(4); // [], ['iam'], ['x'], ['s3']
  });
});

describe('stored totals', () => {
  it('survive new answers and changes above them, and go when an answer they counted changes', () => {
    const cache = emptyCache('e', 0);
    applyReviewChanges(cache, new Set(), [review(1), review(2), review(3)]);
    storeTotals(cache, 'day1|all', 2, { n: 2 });
    storeTotals(cache, 'day1|deck', 3, { n: 3 });
    applyReviewChanges(cache, new Set(), [review(4)]);
    applyReviewChanges(cache, new Set([4]), []);
    expect([...cache.totals.keys()]).toEqual(['day1|all', 'day1|deck']);
    applyReviewChanges(cache, new Set([3]), []);
    expect([...cache.totals.keys()]).toEqual(['day1|all']);
    // A row put back under an old id (a backup restore) is inside the totals too.
    applyReviewChanges(cache, new Set(), [review(2, 5)]);
    expect(cache.totals.size).toBe(0);
  });

  it('go when topics or tags change or the log is read again, and a store can drop other keys', () => {
    const cache = emptyCache('e', 0);
    applyCardChanges(cache, [], [cardRow('a', ['iam'], [])]);
    storeTotals(cache, 'k', 1, {});
    applyCardChanges(cache, ['a'], [cardRow('a', ['iam'], [])]);
    expect(cache.totals.size).toBe(1);
    applyCardChanges(cache, ['a'], [cardRow('a', ['s3'], [])]);
    expect(cache.totals.size).toBe(0);
    storeTotals(cache, 'k', 1, {});
    resetTable(cache, 'states');
    expect(cache.totals.size).toBe(1);
    resetTable(cache, 'reviews');
    expect(cache.totals.size).toBe(0);
    storeTotals(cache, 'day1|a', 1, {});
    storeTotals(cache, 'day2|a', 1, {}, (key) => key.startsWith('day2|'));
    expect([...cache.totals.keys()]).toEqual(['day2|a']);
  });
});

describe('saving and loading', () => {
  it('round-trips answers, schedules, groups and the card dictionary', async () => {
    const cache = emptyCache('epoch-1', 12, 2);
    applyStateChanges(cache, [], [state('a'), state('b', { suspended: 1, buriedUntil: 99, lastReview: null })]);
    applyCardChanges(cache, [], [cardRow('a', ['iam'], ['exam', 'aws']), cardRow('b', [], [])]);
    applyReviewChanges(cache, new Set(), [review(1, 0), review(2, 1), review(3, 0)]);
    await saveCache(cache);

    const loaded = await loadCache();
    expect(loaded).not.toBeNull();
    expect(loaded!.epoch).toBe('epoch-1');
    expect(loaded!.seq).toBe(12);
    // Chunks come without their rows, which are read when wanted.
    expect(loaded!.chunks.map(({ first, last, count, rows }) => ({ first, last, count, rows }))).toEqual([
      { first: 1, last: 2, count: 2, rows: null },
      { first: 3, last: 3, count: 1, rows: null },
    ]);
    await loadChunkRows(loaded!, [0, 1]);
    expect(ids(loaded!)).toEqual([[1, 2], [3]]);
    expect(loaded!.cardIds).toEqual(['a', 'b']);
    const states = loaded!.states;
    expect(Array.from(states.card)).toEqual([0, 1]);
    expect([states.flags[1], states.buriedUntil[1], states.stability[0]]).toEqual([1, 99, 3.5]);
    expect(Number.isNaN(states.lastReview[1])).toBe(true);
    const groups = loaded!.groups;
    expect(Array.from(groups.card)).toEqual([0]);
    expect([groups.lists[groups.topics[0]!], groups.lists[groups.tags[0]!]]).toEqual([['iam'], ['exam', 'aws']]);
    expect(loaded!.dirty.size).toBe(0);

    // Only what changed is written again, and the result still loads whole.
    applyReviewChanges(loaded!, new Set([1]), [review(4, 1)]);
    await saveCache(loaded!);
    const again = (await loadCache())!;
    await loadChunkRows(again, [0, 1]);
    expect(ids(again)).toEqual([[2], [3, 4]]);
  });

  it('starts a new chunk for new answers rather than read a large last chunk back', async () => {
    const cache = emptyCache('e', 1, 2 * TAIL_ROWS);
    applyReviewChanges(cache, new Set(), Array.from({ length: TAIL_ROWS }, (_, i) => review(i + 1)));
    await saveCache(cache);
    const loaded = (await loadCache())!;
    expect(chunksFor(loaded, [TAIL_ROWS + 1, TAIL_ROWS + 2])).toEqual(new Set());
    applyReviewChanges(loaded, new Set([TAIL_ROWS + 5]), [review(TAIL_ROWS + 2), review(TAIL_ROWS + 1)]);
    expect(loaded.chunks.map((c) => [c.first, c.last, c.rows === null])).toEqual([
      [1, TAIL_ROWS, true],
      [TAIL_ROWS + 1, TAIL_ROWS + 2, false],
    ]);
    expect([...loaded.dirty]).toEqual([loaded.chunks[1]!.key]);
    // A small last chunk is read back and grows instead.
    expect(chunksFor(loaded, [TAIL_ROWS + 3])).toEqual(new Set([1]));
  });

  it('refuses a copy whose records were written by different saves', async () => {
    const a = emptyCache('e', 1, 2);
    applyReviewChanges(a, new Set(), [review(1), review(2), review(3)]);
    await saveCache(a);
    const b = (await loadCache())!;
    const c = (await loadCache())!;
    await loadChunkRows(b, [0]);
    applyReviewChanges(b, new Set([1]), []);
    await saveCache(b);
    // `c` still expects the old first chunk but rewrites only the second one.
    await loadChunkRows(c, [1]);
    applyReviewChanges(c, new Set([3]), []);
    await saveCache(c);
    const mixed = (await loadCache())!;
    await expect(loadChunkRows(mixed, [0, 1])).rejects.toThrow(StaleCopyError);
  });
});
