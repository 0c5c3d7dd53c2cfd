import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HEAD_SEQ, asChangeLogHead, ensureChangeLogHead } from '../../../src/db/change-log.ts';
import { LEGACY_CHANGE_LOG_KEY, db } from '../../../src/db/database.ts';
import { exportBackup, lastBackupAt, previewRestore, restoreBackup } from '../../../src/db/backup.ts';
import { saveDeckVersion } from '../../../src/db/deck-writes.ts';
import { loadStudyBatch } from '../../../src/db/study-reads.ts';
import { recordAnswer } from '../../../src/db/study-writes.ts';
import { readBackupText } from '../../../src/domain/backup/validate-backup.ts';
import type { BackupFile } from '../../../src/domain/backup/backup-types.ts';
import { createScheduler } from '../../../src/domain/scheduling/scheduler.ts';
import { DEFAULT_DECK_SETTINGS } from '../../../src/domain/settings/deck-settings.ts';
import type { Deck } from '../../../src/domain/deck/types.ts';
import type { Rating } from '../../../src/domain/scheduling/types.ts';

const NOW = new Date('2026-03-02T10:00:00Z');
const MINUTE = 60_000;

const deckOf = (id: string, questions: string[]): Deck => ({
  id,
  title: id.toUpperCase(),
  sourceFile: `${id}.txt`,
  cards: questions.map((q, i) => ({ id: `${id}-${i}`, question: q, answer: '- a', tags: i === 0 ? ['Tag'] : [], topics: [], line: i + 2 })),
  diagnostics: [],
});

/** Answers the first card of today's batch (new first when there are no learning cards due). */
async function study(deckId: string, rating: Rating, at: Date): Promise<void> {
  const batch = await loadStudyBatch(deckId, DEFAULT_DECK_SETTINGS, at);
  const schedule = batch.learning.find((s) => s.due <= at) ?? batch.newCards[0]!;
  await recordAnswer(createScheduler().answer(schedule, rating, at, 2000));
}

async function everything() {
  const sortBy = <T>(rows: T[], key: (row: T) => string | number) => [...rows].sort((a, b) => String(key(a)).localeCompare(String(key(b))));
  return {
    decks: sortBy(await db.decks.toArray(), (r) => r.id),
    cards: sortBy(await db.cards.toArray(), (r) => r.id),
    states: sortBy(await db.states.toArray(), (r) => r.cardId),
    reviews: sortBy(await db.reviews.toArray(), (r) => r.id ?? 0),
    settings: sortBy(await db.settings.toArray(), (r) => r.key),
  };
}

async function freshDatabase() {
  db.close();
  await db.delete();
  await db.open();
}

/** A backup as it travels: through JSON text and the file checks. */
async function exportedFile(at = NOW): Promise<BackupFile> {
  const reading = readBackupText(JSON.stringify(await exportBackup(at)));
  expect(reading.problems).toEqual([]);
  return reading.value!;
}

beforeEach(freshDatabase);
afterEach(() => db.close());

describe('exportBackup', () => {
  it('holds every table and records when it was made', async () => {
    await saveDeckVersion(deckOf('d', ['Q1?', 'Q2?']), { builtIn: false, contentHash: '', now: NOW });
    await study('d', 3, NOW);
    expect(await lastBackupAt()).toBeNull();
    const backup = await exportBackup(NOW);
    expect(backup).toMatchObject({ format: 'retain-backup', version: 1, exportedAt: '2026-03-02T10:00:00.000Z' });
    expect([backup.decks.length, backup.cards.length, backup.states.length, backup.reviews.length]).toEqual([1, 2, 2, 1]);
    expect(backup.settings).toEqual([{ key: 'lastBackupAt', value: NOW.getTime() }]);
    expect(await lastBackupAt()).toBe(NOW.getTime());
  });
});

describe('restoreBackup', () => {
  it('reproduces the collection exactly in an empty browser', async () => {
    await saveDeckVersion(deckOf('d', ['Q1?', 'Q2?', 'Q3?']), { builtIn: true, contentHash: 'h', now: NOW });
    await saveDeckVersion(deckOf('e', ['E1?']), { builtIn: false, contentHash: '', now: NOW });
    await study('d', 3, NOW);
    await study('d', 1, new Date(NOW.getTime() + MINUTE));
    await study('e', 4, new Date(NOW.getTime() + 2 * MINUTE));
    // A hidden card and a gap in the review ids must come back as they are.
    await saveDeckVersion(deckOf('d', ['Q1?', 'Q2?']), { builtIn: true, contentHash: 'h2', now: NOW });
    await db.reviews.delete(2);
    const file = await exportedFile();
    const before = await everything();

    await freshDatabase();
    expect(await previewRestore(file)).toMatchObject({ intoEmpty: true, decksAdded: 2, cardsAdded: 4, reviewsAdded: 2 });
    await restoreBackup(file);
    expect(await everything()).toEqual(before);
  });

  it('merges into a browser with its own progress: log union, states recomputed, nothing deleted', async () => {
    const deck = deckOf('d', ['Q1?', 'Q2?']);
    await saveDeckVersion(deck, { builtIn: false, contentHash: '', now: NOW });
    await study('d', 3, NOW); // d-0 on both devices
    const shared = await exportedFile();
    await study('d', 3, new Date(NOW.getTime() + 10 * MINUTE)); // d-0 again, on the laptop only
    const laptop = await exportedFile(new Date(NOW.getTime() + 20 * MINUTE));

    await freshDatabase();
    await restoreBackup(shared);
    await study('d', 1, new Date(NOW.getTime() + 12 * MINUTE)); // d-0 (due again) on the phone: Again
    await saveDeckVersion(deckOf('p', ['P?']), { builtIn: false, contentHash: '', now: NOW });

    const summary = await restoreBackup(laptop);
    expect(summary).toMatchObject({ intoEmpty: false, reviewsAdded: 1, reviewsAlreadyPresent: 1, statesRecomputed: 1 });
    const reviews = await db.reviews.where('cardId').equals('d-0').sortBy('reviewedAt');
    expect(reviews.map((r) => [r.cardId, r.rating])).toEqual([['d-0', 3], ['d-0', 3], ['d-0', 1]]);
    expect(new Set((await db.reviews.toArray()).map((r) => r.id)).size).toBe(3);
    // The state is what answering Good, Good, Again in that order gives.
    const scheduler = createScheduler();
    let schedule = scheduler.newSchedule('d-0', 'd', NOW);
    for (const r of reviews) schedule = scheduler.answer(schedule, r.rating, new Date(r.reviewedAt), 0).after;
    expect(await db.states.get('d-0')).toMatchObject({ reps: 3, lapses: schedule.lapses, due: schedule.due.getTime(), stability: schedule.stability, queue: 'learn' });
    expect(await db.decks.get('p')).toBeDefined();

    // Restoring the same file again changes nothing.
    const after = await everything();
    expect(await restoreBackup(laptop)).toMatchObject({ reviewsAdded: 0, cardsAdded: 0, cardsUpdated: 0, statesRecomputed: 0 });
    expect(await everything()).toEqual(after);
  });

  it('never carries this browser’s change log (bookkeeping of derived caches) to another', async () => {
    await saveDeckVersion(deckOf('d', ['Q1?']), { builtIn: false, contentHash: '', now: NOW });
    await db.transaction('rw', db.changes, () => ensureChangeLogHead(db.changes));
    const epochHere = async () => asChangeLogHead(await db.changes.get(HEAD_SEQ))?.epoch;
    const before = await epochHere();
    expect(before).toMatch(/^[0-9a-f]{24}$/);
    const backup = await exportBackup(NOW);
    expect(Object.keys(backup)).not.toContain('changes');
    expect(backup.settings.map((s) => s.key)).toEqual(['lastBackupAt']);
    // A file written by schema version 1 may carry the log's old settings row: it stays out.
    await restoreBackup({ ...backup, settings: [...backup.settings, { key: LEGACY_CHANGE_LOG_KEY, value: { epoch: 'elsewhere', seq: 99, tables: {} } }] });
    expect(await db.settings.get(LEGACY_CHANGE_LOG_KEY)).toBeUndefined();
    expect(await epochHere()).toBe(before);
  });

  it('changes nothing at all when the transaction fails', async () => {
    await saveDeckVersion(deckOf('d', ['Q1?']), { builtIn: false, contentHash: '', now: NOW });
    await study('d', 3, NOW);
    const file = await exportedFile();
    await freshDatabase();
    await saveDeckVersion(deckOf('mine', ['M?']), { builtIn: false, contentHash: '', now: NOW });
    const before = await everything();
    const spy = vi.spyOn(db.settings, 'bulkPut').mockRejectedValueOnce(new Error('disk full'));
    await expect(restoreBackup(file)).rejects.toThrow('disk full');
    spy.mockRestore();
    expect(await everything()).toEqual(before);
  });
});
