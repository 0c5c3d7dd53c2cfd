/**
 * Storage: the app asks for persistent storage once, when a study session opens (not at
 * start-up), and the settings screen shows whether storage is persistent, how much is used,
 * and what that means.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { expect, expectNoProblems, test, watchForProblems } from './support/fixtures.ts';
import { SEED_DECK } from './support/app.ts';

/** Counts calls of navigator.storage.persist() (passing them on to the browser). */
async function countPersistRequests(page: Page): Promise<() => Promise<number>> {
  await page.addInitScript(() => {
    const persist = StorageManager.prototype.persist;
    StorageManager.prototype.persist = function (this: StorageManager) {
      sessionStorage.setItem('persist-calls', String(Number(sessionStorage.getItem('persist-calls') ?? 0) + 1));
      return persist.call(this);
    };
  });
  return () => page.evaluate(() => Number(sessionStorage.getItem('persist-calls') ?? 0));
}

test('persistent storage is requested once, when a study session opens', async ({ page }) => {
  const persistCalls = await countPersistRequests(page);
  await page.goto('/');
  await expect(page.getByRole('link', { name: `Study ${SEED_DECK}` })).toBeVisible();
  expect(await persistCalls(), 'not asked at start-up').toBe(0);

  await page.getByRole('link', { name: `Study ${SEED_DECK}` }).click();
  await expect.poll(persistCalls).toBe(1);
  await page.goto('/#/');
  await page.getByRole('link', { name: `Study ${SEED_DECK}` }).click();
  await expect(page.getByRole('button', { name: /^Show answer/ })).toBeVisible();
  expect(await persistCalls(), 'asked once per page').toBe(1);
});

test('settings say storage is not persistent, how much is used, and what to do', async ({ page }) => {
  const persistCalls = await countPersistRequests(page);
  await page.goto('/#/settings');
  const storage = page.getByRole('region', { name: 'Storage' });
  await expect(storage.getByRole('definition').first()).toHaveText('No'); // incognito: never persistent
  await expect(storage.getByRole('definition').nth(1)).toHaveText(/^\d+(\.\d)? (bytes|kB|MB) of about \d+(\.\d)? (MB|GB|TB) available$/);
  await expect(storage).toContainText('may delete your decks and review history');
  await expect(storage).toContainText('export one now and then');

  await storage.getByRole('button', { name: 'Ask the browser to keep my data' }).click();
  await expect.poll(persistCalls).toBe(1);
  await expect(storage.getByRole('button', { name: 'Ask the browser to keep my data' })).toBeEnabled();
});

test('settings say so when the browser keeps the data', async ({ baseURL }, testInfo) => {
  // Only a real profile can be persistent; grant the permission Chromium's heuristics would.
  const profile = mkdtempSync(join(tmpdir(), 'retain-profile-'));
  const context = await chromium.launchPersistentContext(profile, { ...testInfo.project.use.launchOptions, headless: true });
  try {
    const problems = await watchForProblems(context);
    const page = context.pages()[0] ?? (await context.newPage());
    const origin = new URL(baseURL ?? 'http://localhost:4173').origin;
    await (await context.newCDPSession(page)).send('Browser.grantPermissions', { permissions: ['durableStorage'], origin });
    await page.goto(`${origin}/#/settings`);
    const storage = page.getByRole('region', { name: 'Storage' });
    await expect(storage.getByRole('definition').first()).toHaveText('Yes');
    await expect(storage).toContainText('keeps your decks and review history until you delete them');
    await expect(storage.getByRole('button')).toHaveCount(0);
    expectNoProblems(problems);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
});
