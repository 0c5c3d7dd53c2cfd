/**
 * Updates: version A (the build under test) is served, visited and studied; then version B
 * (the same code built with another version id) replaces it on the same origin. A tab
 * mid-session is never reloaded by the update; a visit after the deploy says "A new version is
 * available"; Reload shows B; every answer given under A is still there.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures.ts';
import { answerGood, reviewRowCount, SEED_DECK, waitForOfflineReady } from './support/app.ts';
import { buildInto, DIST_DIR, serveBuild, type RunningServer } from './support/serve-build.ts';

const PORT = 4183; // not the webServer's 4173: this spec runs its own servers
const ORIGIN = `http://localhost:${PORT}`;
const B_ID = 'update-test-b';

let buildB: ReturnType<typeof buildInto> | undefined;
let server: RunningServer | undefined;

test.beforeAll(() => {
  test.setTimeout(90_000);
  buildB = buildInto({ RETAIN_BUILD_ID: B_ID });
});

test.afterAll(() => buildB?.remove());

test.afterEach(async () => {
  await server?.stop();
  server = undefined;
});

const prompt = (page: Page) => page.getByRole('status').filter({ hasText: 'A new version is available' });
/** The running version, as the settings screen shows it. */
async function versionShown(page: Page): Promise<string> {
  if (!page.url().endsWith('#/settings')) await page.goto(`${ORIGIN}/#/settings`);
  return (await page.getByText(/^Retain \d+\.\d+\.\d+/).textContent()) ?? '';
}

test('a new version waits for Reload, never interrupts a session, and keeps the answers', async ({ page, context }) => {
  server = await serveBuild(DIST_DIR, PORT);
  await page.goto(`${ORIGIN}/`);
  await waitForOfflineReady(page);
  const versionA = await versionShown(page);
  expect(versionA).not.toContain(B_ID);
  await page.goto(`${ORIGIN}/`);
  await page.getByRole('link', { name: `Study ${SEED_DECK}` }).click();
  await answerGood(page, 2);
  const question = await page.locator('.study-card .question').textContent();

  await server.stop();
  server = await serveBuild(buildB?.dir ?? '', PORT);

  // Visit again after the deploy: version A's worker serves the page, and finds B.
  const visit = await context.newPage();
  await visit.goto(`${ORIGIN}/#/settings`);
  await expect(prompt(visit)).toBeVisible();
  expect(await versionShown(visit)).toBe(versionA);
  const { violations } = await new AxeBuilder({ page: visit }).include('.update-prompt').analyze();
  expect(violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

  // The tab in the middle of a session hears of B too, and is left alone.
  await page.evaluate(() => Object.assign(window, { beforeTheUpdate: true })); // gone if the page reloads
  const sameDocument = () => page.evaluate(() => 'beforeTheUpdate' in window);
  await expect(prompt(page)).toBeVisible();

  await Promise.all([visit.waitForEvent('load'), prompt(visit).getByRole('button', { name: 'Reload' }).click()]);
  await expect(visit.getByText(`+${B_ID}`)).toBeVisible();
  await expect(prompt(visit)).toBeHidden();
  expect(await reviewRowCount(visit)).toBe(2);

  // B now controls every tab, yet the session tab did not reload: same document, same card.
  await page.waitForTimeout(500);
  expect(await sameDocument(), 'the session tab was not reloaded').toBe(true);
  await expect(page.locator('.study-card .question')).toHaveText(question ?? '');
  await expect(prompt(page)).toBeVisible();

  // Its own Reload, when the person chooses, brings it to B with the history intact.
  await Promise.all([page.waitForEvent('load'), prompt(page).getByRole('button', { name: 'Reload' }).click()]);
  await expect(page.getByRole('button', { name: /^Show answer/ })).toBeVisible();
  expect(await reviewRowCount(page)).toBe(2);
  expect(await versionShown(page)).toContain(`+${B_ID}`);
});
