/**
 * Steps and reads shared by browser tests, written against the UI contract (accessible names)
 * and the database name, never against component internals.
 */
import { expect, type Page } from '@playwright/test';

export const SEED_DECK = 'AWS: CDA Flashcards';

/** Rows in the IndexedDB table of answers (one row per answer). */
export async function reviewRowCount(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('retain');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const count = db.transaction('reviews').objectStore('reviews').count();
          count.onsuccess = () => {
            resolve(count.result);
            db.close();
          };
          count.onerror = () => reject(count.error);
        };
      }),
  );
}

/** Answers `count` cards "Good" on the open study screen, waiting for each answer to land. */
export async function answerGood(page: Page, count: number): Promise<void> {
  const question = page.locator('.study-card .question');
  for (let i = 0; i < count; i++) {
    const before = await question.textContent();
    await page.getByRole('button', { name: /^Show answer/ }).click();
    await page.getByRole('button', { name: /^Good/ }).click();
    await expect(question).not.toHaveText(before ?? '');
  }
}

/**
 * Waits until the service worker has installed (precached every file) and controls the page,
 * i.e. until the app would start without a network.
 */
export async function waitForOfflineReady(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (navigator.serviceWorker.controller) return;
    await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
  });
}
