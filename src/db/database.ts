/**
 * The one Dexie database of the app. Every change of shape is a new `version(n)` with an
 * `upgrade()`; old versions stay declared so that any earlier database opens (STYLE.md §3).
 * The schema strings list only indexed fields.
 */
import Dexie, { type EntityTable } from 'dexie';
import { installChangeLog, newHead, type ChangeLogRow } from './change-log.ts';
import type { CardRow, DeckRow, ReviewRow, SettingRow, StateRow } from './rows.ts';

export const DATABASE_NAME = 'retain';
/** The `settings` row that held the change log in schema version 1. */
export const LEGACY_CHANGE_LOG_KEY = 'changeLog';

export class RetainDatabase extends Dexie {
  decks!: EntityTable<DeckRow, 'id'>;
  cards!: EntityTable<CardRow, 'id'>;
  states!: EntityTable<StateRow, 'cardId'>;
  reviews!: EntityTable<ReviewRow, 'id'>;
  settings!: EntityTable<SettingRow, 'key'>;
  /** The change log's own rows (change-log.ts): written only by its middleware and its readers. */
  changes!: EntityTable<ChangeLogRow, 'seq'>;

  constructor(name = DATABASE_NAME) {
    super(name);
    this.version(1).stores({
      decks: 'id',
      cards: 'id, deckId, [deckId+ord], [deckId+hidden]',
      // [deckId+queue+due]: due learning/review cards per deck; [deckId+queue+ord]: new cards in deck order.
      states: 'cardId, deckId, [deckId+queue+due], [deckId+queue+ord], buriedUntil',
      // [deckId+reviewedAt]: today's answers per deck (limits, undo); reviewedAt: statistics, backups.
      reviews: '++id, cardId, [deckId+reviewedAt], reviewedAt',
      settings: 'key',
    });
    // The change log moves out of one `settings` row that every write rewrote whole into an
    // append-only table of its own. The old row is dropped: statistics caches built on it
    // see a new epoch and read everything once.
    this.version(2)
      .stores({ changes: '++seq' })
      .upgrade(async (tx) => {
        await tx.table('settings').delete(LEGACY_CHANGE_LOG_KEY);
        await tx.table('changes').add(newHead());
      });
    // The log's head (its epoch) exists from the start, so any reader can remember positions.
    this.on('populate', (tx) => {
      void tx.table('changes').add(newHead());
    });
    // Every write to reviews, states or cards is noted for the statistics cache (change-log.ts).
    installChangeLog(this);
  }
}

export const db = new RetainDatabase();

/**
 * Another tab opened a newer schema version: this tab's connection would block that upgrade.
 * Close it at once and let the app reload onto the new version (answers are already committed).
 */
export function onUpgradeElsewhere(handler: () => void): void {
  db.on('versionchange', () => {
    db.close();
    handler();
    return false;
  });
}

/**
 * After an open that failed (Safari's "Connection to Indexed Database server lost"), Dexie
 * rejects every later operation with DatabaseClosedError until open() is called again, so a
 * Retry button would fail for ever. A database closed on purpose (onUpgradeElsewhere) stays closed.
 */
export async function reopenIfFailed(): Promise<void> {
  if (db.hasFailed() && !db.hasBeenClosed()) await db.open();
}
