/**
 * Offline: after one visit online, the app starts, studies and keeps every answer with no
 * network, a reload while offline included, and stays cross-origin isolated (the headers
 * come back from the service worker's cache, not only from the server).
 */
import { expect, test } from './support/fixtures.ts';
import { answerGood, reviewRowCount, SEED_DECK, waitForOfflineReady } from './support/app.ts';

test('after one visit online, study 3 cards offline and keep them across an offline reload', async ({ page, context }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Decks' })).toBeVisible();
  await waitForOfflineReady(page);

  // Every cached file (workers and wasm included) keeps the headers that make the page
  // cross-origin isolated: a worker script without COEP would be refused offline.
  const cached = await page.evaluate(async () => {
    const entries: { url: string; coep: string | null; corp: string | null }[] = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) {
        const headers = (await cache.match(request))?.headers;
        entries.push({ url: request.url, coep: headers?.get('cross-origin-embedder-policy') ?? null, corp: headers?.get('cross-origin-resource-policy') ?? null });
      }
    }
    return entries;
  });
  expect(cached.length).toBeGreaterThan(10);
  expect(cached.filter((entry) => entry.coep !== 'require-corp' || entry.corp !== 'same-origin')).toEqual([]);

  await context.setOffline(true);
  const offlineStart = await page.reload();
  expect(offlineStart?.fromServiceWorker(), 'the page came from the service worker').toBe(true);
  expect(offlineStart?.headers()['content-security-policy']).toContain("script-src 'self'");
  await expect(page.getByRole('heading', { name: 'Decks' })).toBeVisible();
  expect(await page.evaluate(() => self.crossOriginIsolated), 'cross-origin isolated offline').toBe(true);

  const deckRow = page.getByRole('listitem').filter({ hasText: SEED_DECK });
  const newToday = deckRow.getByLabel('Cards for today').locator('.count.new dd');
  const newBefore = Number(await newToday.textContent());

  // The study screen is a lazy chunk never loaded online: it must come from the precache.
  await page.getByRole('link', { name: `Study ${SEED_DECK}` }).click();
  await answerGood(page, 3);
  expect(await reviewRowCount(page)).toBe(3);

  await page.reload();
  await expect(page.locator('.study-card .question')).toBeVisible();
  expect(await reviewRowCount(page)).toBe(3);
  await page.goto('/#/');
  await expect(newToday).toHaveText(String(newBefore - 3));
});
