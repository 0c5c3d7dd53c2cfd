/**
 * Backing up and restoring, as the settings screen offers them: export the collection to a
 * downloaded JSON file, read a chosen file as a backup (with every problem it has), and
 * restore it after the person has seen what the merge will do.
 */
import { downloadFile } from '../../components/download-file.ts';
import { exportBackup, previewRestore, restoreBackup } from '../../db/backup.ts';
import { describeStorageError } from '../../db/storage-errors.ts';
import { backupFileName, type BackupFile } from '../../domain/backup/backup-types.ts';
import type { MergeSummary } from '../../domain/backup/merge-backup.ts';
import { readBackupText } from '../../domain/backup/validate-backup.ts';

/** Far above any real collection; refusing earlier keeps a wrong pick from exhausting memory. */
export const MAX_BACKUP_BYTES = 512 * 1024 * 1024;

const count = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** Downloads a backup of everything; resolves with a sentence saying what it holds. */
export async function saveBackup(now: Date): Promise<string> {
  let backup: BackupFile;
  try {
    backup = await exportBackup(now);
  } catch (error) {
    throw new Error(`The backup could not be made. ${describeStorageError(error)}`);
  }
  const fileName = backupFileName(now);
  downloadFile(fileName, JSON.stringify(backup), 'application/json');
  return `Saved ${fileName}: ${count(backup.decks.length, 'deck')}, ${count(backup.cards.length, 'card')}, ${count(backup.reviews.length, 'answer')} in the review log.`;
}

export interface RestorePlan {
  fileName: string;
  backup: BackupFile;
  summary: MergeSummary;
}

/** Reads and checks a chosen file; throws an Error whose message names the file and every problem. */
export async function planRestore(file: File): Promise<RestorePlan> {
  if (file.size > MAX_BACKUP_BYTES) {
    throw new Error(`${file.name} is ${(file.size / 1024 / 1024).toFixed(1)} MB; a backup larger than ${MAX_BACKUP_BYTES / 1024 / 1024} MB cannot be restored.`);
  }
  if (file.size === 0) throw new Error(`${file.name} is empty: it is not a Retain backup.`);
  const reading = readBackupText(await file.text());
  if (reading.value === null) throw new Error(`${file.name} cannot be restored. ${reading.problems.join(' ')}`);
  try {
    return { fileName: file.name, backup: reading.value, summary: await previewRestore(reading.value) };
  } catch (error) {
    throw new Error(`Could not compare ${file.name} with your collection. ${describeStorageError(error)}`);
  }
}

/** Restores a checked backup in one transaction; resolves with a sentence saying what changed. */
export async function applyRestore(plan: RestorePlan): Promise<string> {
  let summary: MergeSummary;
  try {
    summary = await restoreBackup(plan.backup);
  } catch (error) {
    throw new Error(`Nothing was restored. ${describeStorageError(error)}`);
  }
  return `Restored ${plan.fileName}: ${count(summary.decksAdded, 'deck')} and ${count(summary.cardsAdded, 'card')} added, ${count(summary.reviewsAdded, 'answer')} added to the review log.`;
}
