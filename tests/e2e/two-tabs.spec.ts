/**
 * Two tabs of the app on one deck, in one Chromium profile: an answer in one tab shows in the
 * other's counts within a second; a card both tabs show is scheduled once, not twice, and no
 * answer either tab saved is lost; a newer schema version opened elsewhere makes every open
 * tab let go of the database at once (the upgrade is never blocked) and reload onto it.
 */
import type { Page } from '@playwright/test';
import { SEED_DECK, reviewRowCount } from './support/app.ts';
import { expect, test } from './support/fixtures.ts';

const question = (page: Page) => page.locator('.study-card .question');
const homeCount = (page: Page, kind: 'new' | 'learning' | 'due') =>
  page.getByRole('listitem').filter({ hasText: SEED_DECK }).getByLabel('Cards for today').locator(`.count.${kind} dd`);

async function openStudy(page: Page): Promise<void> {
  await page.goto('/');
  await page.getByRole('link', { name: `Study ${SEED_DECK}` }).click();
  await expect(question(page)).toBeVisible();
}

/** Reveals the card on screen and answers it; returns its question. */
async function answer(page: Page, rating: 'Again' | 'Good'): Promise<string> {
  const text = (await question(page).textContent()) ?? '';
  await page.getByRole('button', { name: /^Show answer/ }).click();
  await page.getByRole('button', { name: new RegExp(`^${rating}`) }).click();
  return text;
}

/** Review rows per card id, straight from IndexedDB. */
function reviewsPerCard(page: Page): Promise<Record<string, number>> {
  return page.evaluate(
    () =>
      new Promise<Record<string, number>>((resolve, reject) => {
        const open = indexedDB.open('retain');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction('reviews').objectStore('reviews').getAll();
          all.onsuccess = () => {
            const counts: Record<string, number> = {};
            for (const row of all.result as Array<{ cardId: string }>) counts[row.cardId] = (counts[row.cardId] ?? 0) + 1;
            open.result.close();
            resolve(counts);
          };
        };
      }),
  );
}

test('an answer in one tab shows in the other tab’s deck counts within a second', async ({ page, context }) => {
  const home = await context.newPage();
  await home.goto('/');
  await expect(homeCount(home, 'new')).toHaveText('20');
  await expect(homeCount(home, 'learning')).toHaveText('0');

  await openStudy(page);
  const answered = await answer(page, 'Good');
  await expect(question(page)).not.toHaveText(answered);
  // The answer is committed once the next card shows; from there the other tab has a second.
  await expect(homeCount(home, 'learning')).toHaveText('1', { timeout: 1_000 });
  await expect(homeCount(home, 'new')).toHaveText('19', { timeout: 1_000 });
});

test('cards both tabs show are scheduled once; no answer either tab saved is lost', async ({ page, context }) => {
  const other = await context.newPage();
  await openStudy(page);
  await openStudy(other);
  await expect(other.locator('.study-card .question')).toHaveText((await question(page).textContent()) ?? '');

  // Tab A answers the first three cards; tab B still shows the first of them.
  const byA: string[] = [];
  for (let i = 0; i < 3; i++) {
    byA.push(await answer(page, 'Good'));
    await expect(question(page)).not.toHaveText(byA.at(-1)!);
  }
  // Tab B answers what it shows: each of A's cards is refused and skipped with a notice...
  const notice = other.getByRole('status').filter({ hasText: 'already answered in another tab' });
  for (const shown of byA) {
    await expect(question(other)).toHaveText(shown);
    await answer(other, 'Again');
    await expect(notice).toBeVisible();
    await expect(question(other)).not.toHaveText(shown);
  }
  // ...and the first card A never saw is B's to answer, and is kept.
  const byB = await answer(other, 'Again');
  await expect(question(other)).not.toHaveText(byB);
  expect(byA).not.toContain(byB);

  const perCard = await reviewsPerCard(page);
  expect(Object.values(perCard)).toEqual([1, 1, 1, 1]);
  expect(await reviewRowCount(other)).toBe(4);
  await page.goto('/');
  await expect(homeCount(page, 'learning')).toHaveText('4');
  await expect(homeCount(page, 'new')).toHaveText('16');
});

test('a newer schema version opened elsewhere: both tabs let go at once and reload onto it', async ({ page, context }) => {
  // A same-origin page that is not the app, loaded before the service worker exists (it would
  // serve the app for any navigation): it plays the newer version of the app in another tab.
  const upgrader = await context.newPage();
  await upgrader.goto('/manifest.webmanifest');
  const home = await context.newPage();
  await home.goto('/');
  await expect(homeCount(home, 'new')).toHaveText('20');
  await openStudy(page);
  const answered = await answer(page, 'Good');
  await expect(question(page)).not.toHaveText(answered);

  const reloads = Promise.all([page.waitForEvent('load'), home.waitForEvent('load')]);
  const upgrade = await upgrader.evaluate(async () => {
    const before = (await indexedDB.databases()).find((db) => db.name === 'retain')?.version ?? 0;
    return new Promise<{ before: number; after: number; blocked: boolean; outcome: string }>((resolve) => {
      let blocked = false;
      const request = indexedDB.open('retain', before + 10);
      request.onblocked = () => (blocked = true);
      request.onsuccess = () => {
        const after = request.result.version;
        request.result.close();
        resolve({ before, after, blocked, outcome: 'success' });
      };
      request.onerror = () => resolve({ before, after: 0, blocked, outcome: `error: ${String(request.error)}` });
      setTimeout(() => resolve({ before, after: 0, blocked, outcome: 'still waiting after 5 s' }), 5_000);
    });
  });
  // Dexie stores its version n as n * 10; the upgrade went through without waiting on any tab.
  expect(upgrade.before % 10).toBe(0);
  expect(upgrade).toEqual({ before: upgrade.before, after: upgrade.before + 10, blocked: false, outcome: 'success' });

  await reloads;
  await expect(question(page)).toBeVisible();
  await expect(homeCount(home, 'learning')).toHaveText('1');
  expect(await reviewRowCount(page), 'the answer given before the upgrade is kept').toBe(1);
  // The reloaded tab works on the upgraded database.
  const next = await answer(page, 'Good');
  await expect(question(page)).not.toHaveText(next);
  expect(await reviewRowCount(page)).toBe(2);
});
