/**
 * The FSRS optimiser end to end on the production build: a generated log of 1,500 reviews
 * (a simulated learner whose true memory differs from the FSRS defaults) is seeded into
 * IndexedDB, "Optimize parameters" runs fsrs-rs in its worker with the thread pool (the
 * served build is cross-origin isolated), and the result must move away from the defaults
 * and predict the log better. Then the new parameters are applied and land in the deck's
 * settings. Offline (after one visit online) it runs the same way, threads included: the
 * worker, its nested thread workers and the wasm come from the service worker's cache.
 */
import { default_w } from 'ts-fsrs';
import { generateReviewLog } from '../../src/domain/optimizer/generate-review-log.ts';
import { waitForOfflineReady } from './support/app.ts';
import { expect, test } from './support/fixtures.ts';
import { seedReviewLog, storedWeights, waitForDatabase } from './support/seed-reviews.ts';

const DECK = 'generated';

test.use({ timezoneId: 'UTC' });

test('optimizes FSRS on 1,500 generated reviews: new weights, lower log loss, applied on confirmation', async ({ page }) => {
  test.setTimeout(120_000);
  const log = generateReviewLog(2024, { cards: 200, reviews: 1500, start: new Date('2025-01-06T10:00:00Z'), deckId: DECK });
  expect(log.length).toBeGreaterThanOrEqual(1000);

  await page.goto('/#/stats');
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  await waitForDatabase(page);
  await seedReviewLog(page, DECK, log);
  await page.reload();

  // The statistics screen has tables and figures of its own: look inside the panel only.
  const panel = page.locator('.optimizer-panel');
  const optimize = panel.getByRole('button', { name: 'Optimize parameters' });
  await expect(optimize).toBeEnabled();
  await optimize.click();
  await expect(panel.getByRole('progressbar')).toBeVisible();
  await expect(panel.getByRole('table')).toBeVisible({ timeout: 90_000 });

  const before = Number(await panel.getByTestId('log-loss-before').textContent());
  const after = Number(await panel.getByTestId('log-loss-after').textContent());
  expect(after).toBeLessThan(before);

  await panel.getByText('Optimised parameters', { exact: true }).click();
  const listed = panel.locator('details', { hasText: 'Optimised parameters' }).locator('code');
  const weights = (await listed.textContent())?.split(',').map(Number) ?? [];
  expect(weights).toHaveLength(default_w.length);
  const largestChange = Math.max(...weights.map((w, i) => Math.abs(w - (default_w[i] ?? 0))));
  expect(largestChange).toBeGreaterThan(0.05);

  await panel.getByRole('button', { name: 'Apply new parameters' }).click();
  const dialog = page.getByRole('dialog', { name: 'Apply the new parameters?' });
  await dialog.getByRole('button', { name: 'Apply', exact: true }).click();
  await expect(panel.getByText(/New parameters applied/)).toBeVisible();
  expect(await storedWeights(page, DECK)).toEqual(weights);
});

test('below 400 reviews the optimiser explains why it is not ready', async ({ page }) => {
  await page.goto('/#/stats');
  await waitForDatabase(page);
  const log = generateReviewLog(5, { cards: 30, reviews: 120, start: new Date('2025-01-06T10:00:00Z'), deckId: DECK });
  await seedReviewLog(page, DECK, log);
  await page.reload();
  const panel = page.locator('.optimizer-panel');
  await expect(panel.getByRole('button', { name: 'Optimize parameters' })).toBeDisabled();
  await expect(panel.getByText(/You have 120 reviews; the optimiser needs at least 400/)).toBeVisible();
});

test('runs offline after one visit online, with its thread pool', async ({ page, context }) => {
  test.setTimeout(120_000);
  await page.goto('/#/stats');
  await waitForDatabase(page);
  await waitForOfflineReady(page);
  await seedReviewLog(page, DECK, generateReviewLog(9, { cards: 120, reviews: 900, start: new Date('2025-01-06T10:00:00Z'), deckId: DECK }));

  await context.setOffline(true);
  await page.reload();
  expect(await page.evaluate(() => crossOriginIsolated), 'cross-origin isolated offline').toBe(true);
  const workers: string[] = [];
  page.on('worker', (worker) => workers.push(worker.url()));
  const panel = page.locator('.optimizer-panel');
  await panel.getByRole('button', { name: 'Optimize parameters' }).click();
  await expect(panel.getByRole('table')).toBeVisible({ timeout: 90_000 });
  // The optimiser's worker and at least one thread of fsrs-rs's pool (wasm-bindgen-rayon's helper).
  expect(workers.some((url) => url.includes('optimizer.worker'))).toBe(true);
  expect(workers.some((url) => url.includes('workerHelpers'))).toBe(true);
  expect(Number(await panel.getByTestId('log-loss-after').textContent())).toBeGreaterThan(0);
});
