import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resetCards, setCardsDue, suspendCards, buryCards } from '../../../src/db/card-actions.ts';
import { checkDatabase, problemCount } from '../../../src/db/check-database.ts';
import { db } from '../../../src/db/database.ts';
import { saveDeckVersion } from '../../../src/db/deck-writes.ts';
import { loadStudyBatch } from '../../../src/db/study-reads.ts';
import { recordAnswer, undoAnswer } from '../../../src/db/study-writes.ts';
import type { DeckCard } from '../../../src/domain/deck/types.ts';
import { createScheduler } from '../../../src/domain/scheduling/scheduler.ts';
import type { Rating } from '../../../src/domain/scheduling/types.ts';
import { DEFAULT_DECK_SETTINGS } from '../../../src/domain/settings/deck-settings.ts';

const NOW = new Date('2026-03-02T10:00:00Z');
const MINUTE = 60_000;
const DAY = 86_400_000;
const card = (id: string): DeckCard => ({ id, question: `Question ${id}?`, answer: '- a', tags: [], topics: [], line: 1 });
const scheduler = createScheduler(DEFAULT_DECK_SETTINGS);

async function answer(cardId: string, rating: Rating, now: Date) {
  const batch = await loadStudyBatch('d', DEFAULT_DECK_SETTINGS, now, { mode: 'cram' });
  const schedule = [...batch.learning, ...batch.reviews, ...batch.newCards].find((s) => s.cardId === cardId);
  if (!schedule) throw new Error(`card ${cardId} is not studyable`);
  const entry = scheduler.answer(schedule, rating, now, 2000);
  return { entry, id: await recordAnswer(entry) };
}

const at = (ms: number) => new Date(NOW.getTime() + ms);
const check = (repair = false) => checkDatabase({ now: at(30 * DAY), repair });
const snapshot = async () => ({ states: await db.states.toArray(), reviews: await db.reviews.toArray(), cards: await db.cards.toArray() });

/** A deck studied the way a person would: answers over days, an undo, the card browser's actions. */
async function studiedCollection() {
  await saveDeckVersion(
    { id: 'd', title: 'D', sourceFile: 'd.txt', cards: ['a', 'b', 'c', 'd', 'e'].map(card), diagnostics: [] },
    { builtIn: false, contentHash: '', now: NOW },
  );
  await answer('a', 3, NOW);
  await answer('a', 3, at(10 * MINUTE));
  await answer('a', 1, at(3 * DAY));
  await answer('b', 4, NOW);
  const undone = await answer('b', 2, at(5 * DAY));
  await undoAnswer(undone.id, undone.entry);
  await answer('c', 1, NOW);
  await resetCards(['c'], at(MINUTE));
  await answer('d', 3, NOW);
  await answer('d', 3, at(10 * MINUTE));
  await setCardsDue(['d'], '2026-03-20', at(DAY));
  await suspendCards(['a'], true);
  await buryCards(['b'], at(2 * DAY));
}

beforeEach(async () => {
  await db.delete();
  await db.open();
  await studiedCollection();
});
afterEach(() => db.close());

describe('checkDatabase on a healthy collection', () => {
  it('finds nothing after answers, an undo, a reset, a new due date, suspending and burying', async () => {
    const progress: Array<[number, number]> = [];
    const report = await checkDatabase({ now: at(30 * DAY), repair: false, onProgress: (done, total) => progress.push([done, total]) });
    expect(report).toMatchObject({ decks: 1, checked: 5, mismatched: [], missingStates: [], orphanStates: [], orphanReviews: [], repaired: 0 });
    expect(progress).toEqual([
      [1, 2],
      [2, 2],
    ]);
  });

  it('a repair run on a healthy collection changes nothing', async () => {
    const before = await snapshot();
    expect((await check(true)).repaired).toBe(0);
    expect(await snapshot()).toEqual(before);
  });
});

describe('a corrupted state', () => {
  it('is found with the fields that differ, repaired, and a second check finds nothing', async () => {
    const good = await db.states.get('a');
    await db.states.update('a', { stability: good!.stability * 4, reps: 7 });

    const before = await snapshot();
    const found = await check();
    expect(found.mismatched).toEqual([
      expect.objectContaining({ cardId: 'a', deckId: 'd', question: 'Question a?', fields: expect.arrayContaining(['stability', 'reps']) }),
    ]);
    expect(problemCount(found)).toBe(1);
    expect(await snapshot(), 'checking alone writes nothing').toEqual(before);

    const repaired = await check(true);
    expect(repaired.repaired).toBe(1);
    // The suspension is the person's, not the log's: it survives the repair.
    expect(await db.states.get('a')).toEqual(good);
    expect(problemCount(await check())).toBe(0);
  });

  it('a state that lost its last answer gets it back from the log', async () => {
    const last = (await db.reviews.where('cardId').equals('a').sortBy('reviewedAt')).at(-1)!;
    const good = await db.states.get('a');
    // The person's suspension stays as it was; everything the last answer decided is undone.
    await db.states.update('a', { ...last.before, suspended: good!.suspended, buriedUntil: good!.buriedUntil });

    expect((await check()).mismatched[0]?.fields).toEqual(expect.arrayContaining(['due', 'reps', 'lastReview']));
    await check(true);
    expect(await db.states.get('a')).toEqual(good);
    expect(problemCount(await check())).toBe(0);
  });

  it('a value that is not a number is replaced', async () => {
    await db.states.update('d', { due: Number.NaN, difficulty: Number.NaN });
    expect((await check()).mismatched.map((m) => m.fields)).toEqual([['due', 'difficulty']]);
    await check(true);
    const repaired = await db.states.get('d');
    expect(Number.isFinite(repaired!.due) && Number.isFinite(repaired!.difficulty)).toBe(true);
    expect(problemCount(await check())).toBe(0);
  });

  it('queue bookkeeping that hides a card from study is found and fixed', async () => {
    await db.states.update('e', { queue: 'off' });
    await db.states.update('b', { hidden: 1 });
    const found = await check();
    expect(found.mismatched.map((m) => [m.cardId, m.fields])).toEqual([
      ['b', ['hidden']],
      ['e', ['queue']],
    ]);
    await check(true);
    expect(await db.states.get('e')).toMatchObject({ queue: 'new', hidden: 0 });
    // b is buried (see the setup): it stays out of the queue until its day.
    expect(await db.states.get('b')).toMatchObject({ queue: 'off', hidden: 0 });
    expect(problemCount(await check())).toBe(0);
  });
});

describe('orphan and missing rows', () => {
  it('states and log rows without a card are removed; a card without a state gets one rebuilt from its log', async () => {
    const stateA = await db.states.get('a');
    await db.states.put({ ...stateA!, cardId: 'gone' });
    const reviewA = (await db.reviews.where('cardId').equals('a').first())!;
    const { id: _id, ...withoutId } = reviewA;
    await db.reviews.bulkAdd([
      { ...withoutId, cardId: 'gone' },
      { ...withoutId, cardId: 'gone', reviewedAt: withoutId.reviewedAt + 1 },
    ]);
    await db.states.delete('d');
    const stateD = await db.states.toArray();

    const found = await check();
    expect(found.orphanStates).toEqual(['gone']);
    expect(found.orphanReviews).toHaveLength(2);
    expect(found.missingStates).toEqual(['d']);
    expect(problemCount(found)).toBe(4);
    expect(await db.states.toArray()).toEqual(stateD);

    const repaired = await check(true);
    expect(repaired.repaired).toBe(4);
    expect(await db.states.get('gone')).toBeUndefined();
    expect(await db.reviews.where('cardId').equals('gone').count()).toBe(0);
    // Rebuilt from its two answers: a review card again (the moved due date is not in the log).
    expect(await db.states.get('d')).toMatchObject({ reps: 2, phase: 'review', queue: 'review', deckId: 'd' });
    expect(problemCount(await check())).toBe(0);
  });
});
