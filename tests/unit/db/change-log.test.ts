import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  HEAD_SEQ,
  MAX_KEPT,
  MAX_LISTED,
  TRIM_EVERY,
  changedAfter,
  ensureChangeLogHead,
  keepsChangeLog,
  readChangeLog,
  type ChangeLog,
  type ChangeRow,
} from '../../../src/db/change-log.ts';
import { db } from '../../../src/db/database.ts';
import { deleteDeck, saveDeckVersion } from '../../../src/db/deck-writes.ts';
import { loadStudyBatch } from '../../../src/db/study-reads.ts';
import { recordAnswer, undoAnswer } from '../../../src/db/study-writes.ts';
import { suspendCards } from '../../../src/db/card-actions.ts';
import type { DeckCard } from '../../../src/domain/deck/types.ts';
import { createScheduler } from '../../../src/domain/scheduling/scheduler.ts';
import { DEFAULT_DECK_SETTINGS } from '../../../src/domain/settings/deck-settings.ts';

const NOW = new Date('2026-03-02T10:00:00Z');
const card = (id: string): DeckCard => ({ id, question: `Q ${id}?`, answer: '- a', tags: [], topics: [], line: 1 });
const save = (ids: string[]) =>
  saveDeckVersion({ id: 'd', title: 'D', sourceFile: 'd.txt', cards: ids.map(card), diagnostics: [] }, { builtIn: false, contentHash: '', now: NOW });

/** The whole log (a head is made first, as a reader makes it). */
async function readLog(after = 0): Promise<ChangeLog> {
  await db.transaction('rw', db.changes, () => ensureChangeLogHead(db.changes));
  const log = await db.transaction('r', db.changes, () => readChangeLog(db.changes, after));
  if (!log) throw new Error('no change log stored');
  return log;
}

const sorted = (keys: Set<unknown> | null) => (keys === null ? null : [...keys].map(String).sort());

async function answerFirstNew() {
  const batch = await loadStudyBatch('d', DEFAULT_DECK_SETTINGS, NOW);
  const entry = createScheduler().answer(batch.newCards[0]!, 3, NOW, 3000);
  return { entry, id: await recordAnswer(entry) };
}

beforeEach(async () => {
  await db.delete();
  await db.open();
});
afterEach(() => db.close());

describe('the change log middleware', () => {
  it('is installed on the database it was given', () => {
    expect(keepsChangeLog(db)).toBe(true);
  });

  it('lists saved cards and states, and logs nothing for an answer: its new review row stands for its state', async () => {
    await save(['a', 'b']);
    const afterSave = await readLog();
    expect(sorted(changedAfter(afterSave, 'cards', 0))).toEqual(['a', 'b']);
    expect(sorted(changedAfter(afterSave, 'states', 0))).toEqual(['a', 'b']);

    const { id } = await answerFirstNew();
    const log = await readLog();
    expect(log.epoch).toBe(afterSave.epoch);
    expect(log.seq).toBe(afterSave.seq);
    // The review row came from the key generator: readers find it above their highest id, and re-read its card's state.
    expect(await db.reviews.get(id)).toMatchObject({ cardId: 'a' });
    expect(changedAfter(log, 'states', afterSave.seq)!.size).toBe(0);
    expect(changedAfter(log, 'reviews', afterSave.seq)!.size).toBe(0);
  });

  it('lists a state written before its card’s review row, or with states of cards without one', async () => {
    await save(['a', 'b']);
    // Only the log's bookkeeping is under test: the review rows' contents do not matter here.
    const review = { cardId: 'a', deckId: 'd', rating: 3 as const, reviewedAt: NOW.getTime(), durationMs: 1, wasNew: 1 as const, before: {} as never, after: {} as never };
    const start = await readLog();
    await db.transaction('rw', db.states, db.reviews, async () => {
      await db.states.update('a', { reps: 5 });
      await db.reviews.add({ ...review });
    });
    const stateFirst = await readLog();
    expect(sorted(changedAfter(stateFirst, 'states', start.seq))).toEqual(['a']);

    await db.transaction('rw', db.states, db.reviews, async () => {
      await db.reviews.add({ ...review });
      await db.states.bulkUpdate([{ key: 'a', changes: { reps: 6 } }, { key: 'b', changes: { reps: 1 } }]);
    });
    const mixed = await readLog();
    expect(sorted(changedAfter(mixed, 'states', stateFirst.seq))).toEqual(['a', 'b']);

    await db.transaction('rw', db.states, db.reviews, async () => {
      await db.reviews.add({ ...review });
      await db.states.update('a', { reps: 7 });
    });
    expect((await readLog()).seq).toBe(mixed.seq);
  });

  it('lists the review row an undo deletes', async () => {
    await save(['a']);
    const { id, entry } = await answerFirstNew();
    const before = await readLog();
    await undoAnswer(id, entry);
    const log = await readLog();
    expect([...changedAfter(log, 'reviews', before.seq)!]).toEqual([id]);
    expect([...changedAfter(log, 'states', before.seq)!]).toEqual(['a']);
  });

  it('lists every row a deck deletion removes, and card actions', async () => {
    await save(['a', 'b']);
    const { id } = await answerFirstNew();
    const beforeSuspend = await readLog();
    await suspendCards(['b'], true);
    const mid = await readLog();
    expect([...changedAfter(mid, 'states', beforeSuspend.seq)!]).toEqual(['b']);
    await deleteDeck('d');
    const log = await readLog();
    expect([...changedAfter(log, 'reviews', mid.seq)!]).toEqual([id]);
    expect(sorted(changedAfter(log, 'cards', mid.seq))).toEqual(['a', 'b']);
  });

  it('marks the whole table changed when rows go by range or too many go at once', async () => {
    await save(['a']);
    await answerFirstNew();
    const before = await readLog();
    await db.reviews.clear();
    const cleared = await readLog();
    expect(changedAfter(cleared, 'reviews', before.seq)).toBeNull();
    expect(changedAfter(cleared, 'states', before.seq)!.size).toBe(0);

    const state = (await db.states.get('a'))!;
    await db.states.bulkPut(Array.from({ length: MAX_LISTED + 1 }, (_, i) => ({ ...state, cardId: `z${i}` })));
    const log = await readLog();
    expect(changedAfter(log, 'states', cleared.seq)).toBeNull();
    expect(log.changes.at(-1)).toMatchObject({ table: 'states', keys: null });
  });

  it('lists rows added under their own ids, as a backup restore adds them', async () => {
    await save(['a']);
    const { id } = await answerFirstNew();
    const row = (await db.reviews.get(id))!;
    await db.reviews.delete(id);
    const before = await readLog();
    await db.reviews.add(row);
    expect([...changedAfter(await readLog(), 'reviews', before.seq)!]).toEqual([id]);
  });

  it('rolls back with the transaction that failed', async () => {
    await save(['a']);
    const before = await readLog();
    await expect(
      db.transaction('rw', db.states, async () => {
        await db.states.update('a', { reps: 7 });
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    const log = await readLog();
    expect(log.changes.filter((c) => c.seq > before.seq)).toEqual([]);
  });

  it('keeps parallel writes in one transaction', async () => {
    await save(['a', 'b']);
    const before = await readLog();
    await db.transaction('rw', db.states, db.cards, async () => {
      await Promise.all([db.states.update('a', { reps: 1 }), db.cards.update('b', { line: 9 }), db.states.update('b', { reps: 2 })]);
    });
    const log = await readLog();
    expect(log.seq).toBe(before.seq + 3);
    expect(sorted(changedAfter(log, 'states', before.seq))).toEqual(['a', 'b']);
    expect([...changedAfter(log, 'cards', before.seq)!]).toEqual(['b']);
  });

  it('keeps one head and epoch, and refuses to answer for positions it did not read', async () => {
    await save(['a']);
    const first = await readLog();
    const again = await readLog(first.seq);
    expect(again.epoch).toBe(first.epoch);
    expect(again.changes).toEqual([]);
    expect(() => changedAfter(again, 'states', first.seq - 1)).toThrow(RangeError);
    expect(await db.transaction('rw', db.changes, () => ensureChangeLogHead(db.changes))).toMatchObject({ seq: HEAD_SEQ, epoch: first.epoch });
  });

  it('deletes the oldest changes past MAX_KEPT and notes, per table, the newest it deleted', async () => {
    await save(['a']);
    const head = await readLog();
    // Positions up to just before a trim: a state change, then one of a card at TRIM_EVERY, then states again.
    const start = head.seq + 1;
    const trimAt = (Math.floor((start + MAX_KEPT) / TRIM_EVERY) + 1) * TRIM_EVERY;
    const cut = trimAt - MAX_KEPT;
    const rows = Array.from({ length: trimAt - start }, (_, i): ChangeRow => {
      const seq = start + i;
      return { seq, table: seq === cut ? 'cards' : 'states', keys: [seq === cut ? 'a' : 'x'] };
    });
    await db.changes.bulkAdd(rows);

    await suspendCards(['a'], true); // logged from position trimAt on: the log trims itself
    const log = await readLog();
    expect(log.seq).toBeGreaterThanOrEqual(trimAt);
    expect(log.changes[0]?.seq).toBe(cut + 1);
    expect(log.changes).toHaveLength(log.seq - cut);
    expect(log.since).toEqual({ reviews: head.since.reviews, states: cut - 1, cards: cut });
    // A reader at cut - 1 knows states up to there, but missed the card change deleted at `cut`.
    const behind = await readLog(cut - 2);
    expect(changedAfter(behind, 'states', cut - 1)).not.toBeNull();
    expect(changedAfter(behind, 'cards', cut - 1)).toBeNull();
    expect(changedAfter(behind, 'reviews', cut - 2)!.size).toBe(0);
    expect(changedAfter(behind, 'states', cut - 2)).toBeNull();
  });
});
