/**
 * Full backups: the whole collection to one JSON file and back. Export reads every table in
 * one transaction (a consistent snapshot) and records when it happened; restore merges the
 * file into what this browser holds (domain/backup/merge-backup.ts) and writes the result in
 * one transaction — all of it or none of it. Neither ever deletes anything.
 */
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  LAST_BACKUP_KEY,
  type BackupCollection,
  type BackupFile,
} from '../domain/backup/backup-types.ts';
import { mergeCollections, type MergeSummary } from '../domain/backup/merge-backup.ts';
import { LEGACY_CHANGE_LOG_KEY, db } from './database.ts';
import { queueOf } from './mappers.ts';
import type { StateRow } from './rows.ts';

const ALL_TABLES = () => [db.decks, db.cards, db.states, db.reviews, db.settings];

/**
 * Settings rows that describe this browser's database rather than the person's collection:
 * never exported, never restored. The change log now has a table of its own, which backups do
 * not read; files from schema version 1 may still carry its old row.
 */
const DEVICE_LOCAL_SETTINGS: ReadonlySet<string> = new Set([LEGACY_CHANGE_LOG_KEY]);
const portable = <T extends { settings: { key: string }[] }>(collection: T): T => ({
  ...collection,
  settings: collection.settings.filter((setting) => !DEVICE_LOCAL_SETTINGS.has(setting.key)),
});

// The backup records are the rows: reading rows as a BackupCollection and writing merged
// records back as rows below only compile while the two shapes agree.
async function readCollection(): Promise<BackupCollection> {
  const [decks, cards, states, reviews, settings] = await Promise.all([
    db.decks.toArray(),
    db.cards.toArray(),
    db.states.toArray(),
    db.reviews.toArray(),
    db.settings.toArray(),
  ]);
  return portable({ decks, cards, states, reviews, settings });
}

/**
 * The whole collection as a backup file, and `now` recorded as the time of the last backup
 * (the file carries that setting too).
 */
export async function exportBackup(now: Date): Promise<BackupFile> {
  return db.transaction('rw', ALL_TABLES(), async () => {
    await db.settings.put({ key: LAST_BACKUP_KEY, value: now.getTime() });
    const collection = await readCollection();
    return { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: now.toISOString(), ...collection };
  });
}

/** When the last backup was exported (epoch ms), or null when never. */
export async function lastBackupAt(): Promise<number | null> {
  const row = await db.settings.get(LAST_BACKUP_KEY);
  return typeof row?.value === 'number' ? row.value : null;
}

/** What restoring `backup` would do here, for the preview. Reads only. */
export async function previewRestore(backup: BackupFile): Promise<MergeSummary> {
  const local = await db.transaction('r', ALL_TABLES(), readCollection);
  return mergeCollections(local, portable(backup)).summary;
}

/**
 * Merges `backup` into the collection in one read-write transaction. Into an empty browser
 * this reproduces the backed-up collection exactly. Resolves with what changed.
 */
export async function restoreBackup(backup: BackupFile): Promise<MergeSummary> {
  return db.transaction('rw', ALL_TABLES(), async () => {
    const plan = mergeCollections(await readCollection(), portable(backup));
    const states: StateRow[] = plan.states.map((state) => ({
      ...state,
      queue: queueOf({ phase: state.phase, suspended: state.suspended === 1, buriedUntil: state.buriedUntil === null ? null : new Date(state.buriedUntil) }, state.hidden === 1),
    }));
    // Rows with their own id first: the key generator then continues above the largest
    // of them, so the rows that need a fresh id can never collide with one.
    const keyed = plan.reviews.filter((review) => review.id !== undefined);
    const unkeyed = plan.reviews.filter((review) => review.id === undefined);
    await db.decks.bulkPut(plan.decks);
    await db.cards.bulkPut(plan.cards);
    await db.states.bulkPut(states);
    await db.reviews.bulkAdd(keyed);
    await db.reviews.bulkAdd(unkeyed);
    await db.settings.bulkPut(plan.settings);
    return plan.summary;
  });
}
