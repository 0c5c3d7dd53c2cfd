import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  CHANGE_LOG_KEY,
  MAX_LISTED,
  asChangeLog,
  changedAfter,
  emptyChangeLog,
  keepsChangeLog,
  recordChange,
  type ChangeLog,
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

async function readLog(): Promise<ChangeLog> {
  const log = asChangeLog((await db.settings.get(CHANGE_LOG_KEY))?.value);
  if (!log) throw new Error('no change log stored');
  return log;
}

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

  it('lists saved cards and states, and counts an answer without listing its new review row', async () => {
    await save(['a', 'b']);
    const afterSave = await readLog();
    expect([...changedAfter(afterSave, 'cards', 0)!].sort()).toEqual(['a', 'b']);
    expect([...changedAfter(afterSave, 'states', 0)!].sort()).toEqual(['a', 'b']);

    await answerFirstNew();
    const log = await readLog();
    expect(log.epoch).toBe(afterSave.epoch);
    expect(log.seq).toBeGreaterThan(afterSave.seq);
    expect([...changedAfter(log, 'states', afterSave.seq)!]).toEqual(['a']);
    // The review row came from the key generator: readers find it above their highest id.
    expect(changedAfter(log, 'reviews', afterSave.seq)!.size).toBe(0);
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
    await suspendCards(['b'], true);
    const mid = await readLog();
    expect([...changedAfter(mid, 'states', mid.seq - 1)!]).toEqual(['b']);
    await deleteDeck('d');
    const log = await readLog();
    expect([...changedAfter(log, 'reviews', mid.seq)!]).toEqual([id]);
    expect([...changedAfter(log, 'cards', mid.seq)!].sort()).toEqual(['a', 'b']);
  });

  it('marks the whole table changed when rows go by range, and starts a new epoch when the row is overwritten', async () => {
    await save(['a']);
    await answerFirstNew();
    const before = await readLog();
    await db.reviews.clear();
    expect(changedAfter(await readLog(), 'reviews', before.seq)).toBeNull();

    // As a backup restore writing an old copy of the row would.
    await db.settings.bulkPut([{ key: 'theme', value: 'dark' }, { key: CHANGE_LOG_KEY, value: before }]);
    const log = await readLog();
    expect(log.epoch).not.toBe(before.epoch);
    expect(log.seq).toBe(0);
    expect((await db.settings.get('theme'))?.value).toBe('dark');
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
    expect((await readLog()).seq).toBe(before.seq);
  });

  it('keeps parallel writes in one transaction', async () => {
    await save(['a', 'b']);
    const before = await readLog();
    await db.transaction('rw', db.states, db.cards, async () => {
      await Promise.all([db.states.update('a', { reps: 1 }), db.cards.update('b', { line: 9 }), db.states.update('b', { reps: 2 })]);
    });
    const log = await readLog();
    expect(log.seq).toBe(before.seq + 3);
    expect([...changedAfter(log, 'states', before.seq)!].sort()).toEqual(['a', 'b']);
    expect([...changedAfter(log, 'cards', before.seq)!]).toEqual(['b']);
  });
});

describe('recordChange', () => {
  it('keeps each key once at its latest position and drops the oldest beyond the limit', () => {
    const log = emptyChangeLog();
    recordChange(log, 'states', { kind: 'rows', keys: ['x', 'y'] });
    recordChange(log, 'states', { kind: 'rows', keys: ['x'] });
    expect(log.tables.states.changed).toEqual([
      [1, 'y'],
      [2, 'x'],
    ]);
    expect([...changedAfter(log, 'states', 1)!]).toEqual(['x']);

    const many = Array.from({ length: MAX_LISTED }, (_, i) => `k${i}`);
    recordChange(log, 'states', { kind: 'rows', keys: many });
    expect(log.tables.states.changed).toHaveLength(MAX_LISTED);
    // 'y' and 'x' (positions 1 and 2) were dropped: a reader at 2 or before must read everything.
    expect(log.tables.states.since).toBe(2);
    expect(changedAfter(log, 'states', 1)).toBeNull();
    expect(changedAfter(log, 'states', 2)!.size).toBe(MAX_LISTED);
  });

  it('counts appends without listing anything', () => {
    const log = emptyChangeLog();
    recordChange(log, 'reviews', { kind: 'append' });
    expect(log.seq).toBe(1);
    expect(changedAfter(log, 'reviews', 0)!.size).toBe(0);
  });
});
