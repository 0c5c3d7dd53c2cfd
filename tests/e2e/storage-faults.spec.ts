/**
 * Storage failing under the study screen, in Chromium against the production build: a full
 * disk (QuotaExceededError) and a database connection that goes away (Safari drops it when a
 * phone suspends the page; the browser closes it when site data is cleared). Each time the
 * person either never notices (the app reconnects) or sees a clear message with a Retry that
 * works, the card on screen stays until its answer is saved, and no answer shown as saved is
 * lost. The faults are injected by patching the page's IndexedDB API; the app is not touched.
 */
import type { Page } from '@playwright/test';
import { SEED_DECK, reviewRowCount } from './support/app.ts';
import { expect, test } from './support/fixtures.ts';

declare global {
  interface Window {
    /** Native connections the page opened (recorded by an init script). */
    __connections: IDBDatabase[];
    /** While above 0, indexedDB.open throws as Safari's lost IndexedDB server does. */
    __failOpens: number;
    __restoreWrites?: () => void;
  }
}

const question = (page: Page) => page.locator('.study-card .question');

async function openStudy(page: Page): Promise<void> {
  await page.goto('/');
  await page.getByRole('link', { name: `Study ${SEED_DECK}` }).click();
  await expect(question(page)).toBeVisible();
}

/** Reveals the card on screen and presses Good; returns the question it answered. */
async function pressGood(page: Page): Promise<string> {
  const text = (await question(page).textContent()) ?? '';
  await page.getByRole('button', { name: /^Show answer/ }).click();
  await page.getByRole('button', { name: /^Good/ }).click();
  return text;
}

async function answerAccepted(page: Page): Promise<void> {
  const answered = await pressGood(page);
  await expect(question(page)).not.toHaveText(answered);
}

test('a full disk: a clear message and Retry; the card stays until its answer is saved', async ({ page }) => {
  await openStudy(page);
  await answerAccepted(page);
  // Every write fails from here until the test "frees space" (restores the prototype).
  await page.evaluate(() => {
    const proto = IDBObjectStore.prototype;
    const { put, add } = proto;
    const full = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    proto.put = full;
    proto.add = full;
    window.__restoreWrites = () => Object.assign(proto, { put, add });
  });

  const answered = await pressGood(page);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('no storage space left');
  await expect(alert.getByRole('button', { name: 'Retry' })).toBeVisible();
  await expect(question(page)).toHaveText(answered);
  expect(await reviewRowCount(page), 'the failed answer wrote nothing').toBe(1);

  // Still full: Retry fails the same way, and nothing moves on.
  await alert.getByRole('button', { name: 'Retry' }).click();
  await expect(alert).toContainText('no storage space left');
  await expect(question(page)).toHaveText(answered);

  await page.evaluate(() => window.__restoreWrites?.());
  await alert.getByRole('button', { name: 'Retry' }).click();
  await expect(alert).toBeHidden();
  await expect(question(page)).not.toHaveText(answered);
  expect(await reviewRowCount(page)).toBe(2);

  await page.reload();
  await expect(question(page)).toBeVisible();
  expect(await reviewRowCount(page), 'both answers survive a reload').toBe(2);
});

test('a screen that crashes on a damaged row: the error boundary explains, and the app stays usable', async ({ page, pageProblems }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Decks' })).toBeVisible();
  // Damage the first card the study screen will show: tags that are not a list.
  await page.evaluate(
    (deckTitle) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('retain');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['decks', 'cards'], 'readwrite');
          const decks = tx.objectStore('decks').getAll();
          decks.onsuccess = () => {
            const deck = (decks.result as Array<{ id: string; title: string }>).find((d) => d.title === deckTitle);
            const first = tx.objectStore('cards').index('[deckId+ord]').get([deck?.id ?? '', 0]);
            first.onsuccess = () => tx.objectStore('cards').put({ ...first.result, tags: null });
          };
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    SEED_DECK,
  );

  await page.getByRole('link', { name: `Study ${SEED_DECK}` }).click();
  const alert = page.getByRole('alert');
  await expect(alert.getByRole('heading', { name: 'Something went wrong on this screen' })).toBeVisible();
  await expect(alert).toContainText('Your answers are saved.');
  await expect(alert.getByRole('button', { name: 'Reload' })).toBeVisible();
  await expect(page.locator('.app-header')).toBeVisible();
  await alert.getByRole('link', { name: 'Back to decks' }).click();
  await expect(page.getByRole('heading', { name: 'Decks' })).toBeVisible();
  await page.getByRole('link', { name: `Browse ${SEED_DECK}` }).click();
  await expect(page).toHaveURL(/#\/deck\//);
  await expect(page.getByRole('alert')).toHaveCount(0);
  // The crash was logged on purpose (React's report and the boundary's); nothing else went wrong.
  expect(pageProblems.some((p) => p.startsWith('console error: Screen failed TypeError'))).toBe(true);
  expect(pageProblems.filter((p) => !/TypeError: Cannot read properties of null/.test(p))).toEqual([]);
  pageProblems.length = 0;
});

test.describe('the database connection closed under the app', () => {
  test.beforeEach(async ({ page }) => {
    await page.addInitScript(() => {
      window.__connections = [];
      window.__failOpens = 0;
      const open = IDBFactory.prototype.open;
      IDBFactory.prototype.open = function (this: IDBFactory, name: string, version?: number) {
        if (window.__failOpens > 0) {
          window.__failOpens--;
          throw new DOMException('Connection to Indexed Database server lost. Refresh the page to try again', 'UnknownError');
        }
        const request = version === undefined ? open.call(this, name) : open.call(this, name, version);
        request.addEventListener('success', () => window.__connections.push(request.result));
        return request;
      };
    });
  });

  /** Closes every connection the app holds; with `announce`, as the browser does when it forces one shut. */
  const dropConnections = (page: Page, announce: boolean) =>
    page.evaluate((withEvent) => {
      for (const connection of window.__connections.splice(0)) {
        connection.close();
        if (withEvent) connection.dispatchEvent(new Event('close'));
      }
    }, announce);

  test('silently (Safari) or announced (site data cleared): the app reconnects and keeps every answer', async ({ page }) => {
    await openStudy(page);
    await answerAccepted(page);
    await dropConnections(page, false);
    await answerAccepted(page);
    await dropConnections(page, true);
    await answerAccepted(page);
    await expect(page.getByRole('alert')).toHaveCount(0);
    expect(await reviewRowCount(page)).toBe(3);

    await page.goto('/');
    const row = page.getByRole('listitem').filter({ hasText: SEED_DECK });
    await expect(row.getByLabel('Cards for today').locator('.count.learning dd')).toHaveText('3');
  });

  test('when reconnecting fails: a clear message and a Retry that reconnects once storage is back', async ({ page }) => {
    await openStudy(page);
    await answerAccepted(page);
    await dropConnections(page, true);
    // Every reconnection attempt fails until the test lets them through.
    await page.evaluate(() => (window.__failOpens = Number.POSITIVE_INFINITY));

    const answered = await pressGood(page);
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('Your answer was not saved.');
    await expect(alert).toContainText(/connection to the local database/i);
    await expect(alert.getByRole('button', { name: 'Retry' })).toBeVisible();
    await expect(question(page)).toHaveText(answered);

    await page.evaluate(() => (window.__failOpens = 0));
    await alert.getByRole('button', { name: 'Retry' }).click();
    await expect(alert).toBeHidden();
    await expect(question(page)).not.toHaveText(answered);
    expect(await reviewRowCount(page)).toBe(2);
  });
});
