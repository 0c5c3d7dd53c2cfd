/**
 * The backup file: every table of the collection, as JSON, with a format name and version.
 *
 * The records are the stored rows exactly (dates as epoch milliseconds, 0/1 flags), so that a
 * restore into an empty browser reproduces the collection byte for byte. They are declared
 * here, not imported from src/db, because the domain imports nothing of ours outside itself;
 * src/db/backup.ts converts in both directions and the compiler checks that the shapes agree.
 *
 * Version history: 1 — decks, cards, states, reviews, settings.
 */
import type { Phase, Rating } from '../scheduling/types.ts';
import type { DeckSettings } from '../settings/deck-settings.ts';

export const BACKUP_FORMAT = 'retain-backup';
export const BACKUP_VERSION = 1;

export interface BackupDeck {
  id: string;
  title: string;
  sourceFile: string;
  builtIn: 0 | 1;
  contentHash: string;
  createdAt: number;
  updatedAt: number;
  settings: DeckSettings;
}

export interface BackupCard {
  id: string;
  deckId: string;
  question: string;
  answer: string;
  tags: string[];
  topics: string[];
  line: number;
  ord: number;
  hidden: 0 | 1;
  addedAt: number;
}

export interface BackupSnapshot {
  phase: Phase;
  due: number;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  lastReview: number | null;
  suspended: 0 | 1;
  buriedUntil: number | null;
}

export type BackupQueue = 'new' | 'learn' | 'review' | 'off';

export interface BackupState extends BackupSnapshot {
  cardId: string;
  deckId: string;
  queue: BackupQueue;
  ord: number;
  hidden: 0 | 1;
}

export interface BackupReview {
  /** The log row's key in the browser it came from; absent only in hand-made files. */
  id?: number;
  cardId: string;
  deckId: string;
  rating: Rating;
  reviewedAt: number;
  durationMs: number;
  wasNew: 0 | 1;
  before: BackupSnapshot;
  after: BackupSnapshot;
}

export interface BackupSetting {
  key: string;
  value: unknown;
}

/** The whole collection at one moment. */
export interface BackupCollection {
  decks: BackupDeck[];
  cards: BackupCard[];
  states: BackupState[];
  reviews: BackupReview[];
  settings: BackupSetting[];
}

export interface BackupFile extends BackupCollection {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  /** ISO 8601 time of the export, e.g. "2026-03-02T10:00:00.000Z". */
  exportedAt: string;
}

/** The settings key under which the time of the last export is kept (epoch ms). */
export const LAST_BACKUP_KEY = 'lastBackupAt';

/**
 * The file name a backup made at `now` is saved under, in local time.
 *
 * @example backupFileName(new Date(2026, 2, 2, 10)) // 'retain-backup-2026-03-02.json'
 */
export function backupFileName(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `retain-backup-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.json`;
}
