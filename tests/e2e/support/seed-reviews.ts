/**
 * Puts a generated review log (src/domain/optimizer/generate-review-log.ts) into the app's
 * IndexedDB with the raw IndexedDB API, as a collection the app could have written itself:
 * the deck, a card and its current schedule for every card of the log, and the review rows,
 * all shaped by src/db/mappers.ts. Used by the optimiser's browser test and benchmark; the
 * app must have opened its database once before (Dexie creates the stores).
 */
import { expect, type Page } from '@playwright/test';
import { deckCardToRow, reviewEntryToRow, scheduleToStateRow } from '../../../src/db/mappers.ts';
import type { CardRow, DeckRow, ReviewRow, StateRow } from '../../../src/db/rows.ts';
import type { CardSchedule, ReviewEntry } from '../../../src/domain/scheduling/types.ts';
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

type Store = 'decks' | 'cards' | 'states' | 'reviews';

async function putRows(page: Page, store: Store, rows: readonly (DeckRow | CardRow | StateRow | ReviewRow)[]): Promise<void> {
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

async function putInChunks(page: Page, store: Store, rows: readonly (CardRow | StateRow | ReviewRow)[]): Promise<void> {
  for (let start = 0; start < rows.length; start += CHUNK) {
    await putRows(page, store, rows.slice(start, start + CHUNK));
  }
}

/** Writes `log` (all of one deck, `deckId`) with its deck (default settings), cards and schedules. */
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
  // Each card's latest schedule, in the order the log first meets the cards (their deck order).
  const latest = new Map<string, { schedule: CardSchedule; addedAt: number }>();
  for (const entry of log) {
    const addedAt = latest.get(entry.cardId)?.addedAt ?? entry.reviewedAt.getTime();
    latest.set(entry.cardId, { schedule: entry.after, addedAt });
  }
  const cards: CardRow[] = [];
  const states: StateRow[] = [];
  [...latest].forEach(([id, { schedule, addedAt }], ord) => {
    const card = { id, question: `Generated question ${ord + 1}?`, answer: `- Generated answer ${ord + 1}`, tags: [], topics: [], line: ord + 1 };
    cards.push(deckCardToRow(card, deckId, ord, addedAt));
    states.push(scheduleToStateRow(schedule, ord, false));
  });
  await putRows(page, 'decks', [deck]);
  await putInChunks(page, 'cards', cards);
  await putInChunks(page, 'states', states);
  await putInChunks(page, 'reviews', log.map(reviewEntryToRow));
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
