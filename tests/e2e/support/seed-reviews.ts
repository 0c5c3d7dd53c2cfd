/**
 * Puts a generated review log (src/domain/optimizer/generate-review-log.ts) into the app's
 * IndexedDB with the raw IndexedDB API, as rows shaped by src/db/mappers.ts, together with
 * the deck row it belongs to. Used by the optimiser's browser test and benchmark; the app
 * must have opened its database once before (Dexie creates the stores).
 */
import { expect, type Page } from '@playwright/test';
import { reviewEntryToRow } from '../../../src/db/mappers.ts';
import type { DeckRow, ReviewRow } from '../../../src/db/rows.ts';
import type { ReviewEntry } from '../../../src/domain/scheduling/types.ts';
import { DEFAULT_DECK_SETTINGS } from '../../../src/domain/settings/deck-settings.ts';

const CHUNK = 10_000;

/** Waits until the app has created its database with the reviews store. */
export async function waitForDatabase(page: Page): Promise<void> {
  const ready = () =>
    page.evaluate(async () => {
      // Never open a database that does not exist yet: that would create it empty, at version 1.
      const known = await indexedDB.databases();
      if (!known.some((d) => d.name === 'retain' && (d.version ?? 0) > 0)) return false;
      return new Promise<boolean>((resolve) => {
        const open = indexedDB.open('retain');
        open.onsuccess = () => {
          const found = open.result.objectStoreNames.contains('reviews');
          open.result.close();
          resolve(found);
        };
        open.onerror = () => resolve(false);
      });
    });
  await expect.poll(ready, { message: 'the app never created its IndexedDB database' }).toBe(true);
}

async function putRows(page: Page, store: 'decks' | 'reviews', rows: readonly (DeckRow | ReviewRow)[]): Promise<void> {
  await page.evaluate(
    ({ store, rows }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('retain');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          try {
            const tx = db.transaction(store, 'readwrite');
            for (const row of rows) tx.objectStore(store).put(row);
            tx.oncomplete = () => {
              db.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          } catch (error) {
            db.close();
            reject(error);
          }
        };
      }),
    { store, rows },
  );
}

/** Writes `log` (all of one deck, `deckId`) and a deck row for it with default settings. */
export async function seedReviewLog(page: Page, deckId: string, log: readonly ReviewEntry[]): Promise<void> {
  const now = Date.now();
  const deck: DeckRow = {
    id: deckId,
    title: 'Generated reviews',
    sourceFile: 'generated.txt',
    builtIn: 0,
    contentHash: '',
    createdAt: now,
    updatedAt: now,
    settings: { ...DEFAULT_DECK_SETTINGS },
  };
  await putRows(page, 'decks', [deck]);
  const rows = log.map(reviewEntryToRow);
  for (let start = 0; start < rows.length; start += CHUNK) {
    await putRows(page, 'reviews', rows.slice(start, start + CHUNK));
  }
}

/** The settings.weights of deck `deckId` as stored, or null when it has none. */
export async function storedWeights(page: Page, deckId: string): Promise<number[] | null> {
  return page.evaluate(
    (deckId) =>
      new Promise<number[] | null>((resolve, reject) => {
        const open = indexedDB.open('retain');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const get = db.transaction('decks').objectStore('decks').get(deckId);
          get.onsuccess = () => {
            db.close();
            const row = get.result as { settings?: { weights?: number[] } } | undefined;
            resolve(row?.settings?.weights ?? null);
          };
          get.onerror = () => reject(get.error);
        };
      }),
    deckId,
  );
}
