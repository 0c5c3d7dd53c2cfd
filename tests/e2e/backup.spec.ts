/**
 * Backup and restore between two fresh browser profiles against the production build: study
 * and import in one, export a backup, restore it in the other, and find the same collection;
 * a file that is not a backup is refused and changes nothing.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { SEED_DECK, answerGood, reviewRowCount } from './support/app.ts';
import { expect, test, watchForProblems } from './support/fixtures.ts';

const GEOGRAPHY = 'World Geography';
const fixture = (name: string) => new URL(`../fixtures/e2e/${name}`, import.meta.url).pathname;

async function countsOf(page: Page, deck: string) {
  const row = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: deck, exact: true }) });
  const read = async (label: string) => Number(await row.locator('.count', { hasText: label }).locator('dd').textContent());
  return { new: await read('New'), learning: await read('Learning'), due: await read('Due') };
}

async function openSettings(page: Page): Promise<void> {
  await page.goto('/#/settings');
  await expect(page.getByRole('heading', { name: 'Backup' })).toBeVisible();
}

test('back up in one fresh browser profile and restore in another', async ({ page, browser }) => {
  // Profile A: import a deck, study in both decks, back up.
  await page.goto('/');
  await page.getByLabel('Import deck').setInputFiles(fixture('world-geography.txt'));
  await page.getByRole('button', { name: 'Confirm import' }).click();
  await expect(page.getByRole('dialog')).toBeHidden();
  await page.getByRole('link', { name: `Study ${SEED_DECK}` }).click();
  await answerGood(page, 3);
  await page.goto('/');
  await page.getByRole('link', { name: `Study ${GEOGRAPHY}` }).click();
  await answerGood(page, 1);
  await page.goto('/');
  const seedCounts = await countsOf(page, SEED_DECK);
  const geographyCounts = await countsOf(page, GEOGRAPHY);
  expect(seedCounts).toEqual({ new: 17, learning: 3, due: 0 });

  await openSettings(page);
  await expect(page.getByText('Last backup: never')).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export backup' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^retain-backup-\d{4}-\d{2}-\d{2}\.json$/);
  await expect(page.getByText(/^Last backup: (?!never)/)).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toContainText('2 decks, 175 cards, 4 answers in the review log.');
  const backupPath = (await download.path())!;
  const backup = JSON.parse(readFileSync(backupPath, 'utf8')) as { format: string; version: number; reviews: unknown[] };
  expect(backup).toMatchObject({ format: 'retain-backup', version: 1 });

  // Profile B: a fresh browser with only the built-in deck.
  const other = await browser.newContext();
  const problems = await watchForProblems(other);
  try {
    const pageB = await other.newPage();
    await pageB.goto('/');
    expect(await countsOf(pageB, SEED_DECK)).toEqual({ new: 20, learning: 0, due: 0 });
    await openSettings(pageB);
    await pageB.getByLabel('Restore backup').setInputFiles(backupPath);
    const dialog = pageB.getByRole('dialog', { name: 'Restore backup' });
    await expect(dialog).toContainText('2 decks, 175 cards, 4 answers.');
    await expect(dialog.getByRole('list', { name: 'What restoring changes' })).toContainText('Review log: 4 answers added, 0 already here');
    await dialog.getByRole('button', { name: 'Restore' }).click();
    await expect(dialog).toBeHidden();
    await expect(pageB.getByRole('status').filter({ hasText: 'Restored' })).toContainText('1 deck and 3 cards added, 4 answers added to the review log.');

    await pageB.goto('/');
    expect(await countsOf(pageB, SEED_DECK)).toEqual(seedCounts);
    expect(await countsOf(pageB, GEOGRAPHY)).toEqual(geographyCounts);
    expect(await reviewRowCount(pageB)).toBe(4);

    // Restoring the same backup again adds nothing.
    await openSettings(pageB);
    await pageB.getByLabel('Restore backup').setInputFiles(backupPath);
    await expect(pageB.getByRole('dialog')).toContainText('Review log: 0 answers added, 4 already here');
    await pageB.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
    await expect(pageB.getByRole('dialog')).toBeHidden();
    expect(await reviewRowCount(pageB)).toBe(4);
  } finally {
    await other.close();
  }
  expect(problems).toEqual([]);
});

test('a file that is not a backup is refused with the reason, and nothing changes', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: `Study ${SEED_DECK}` }).click();
  await answerGood(page, 1);
  await openSettings(page);
  await page.getByLabel('Restore backup').setInputFiles({
    name: 'notes.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ format: 'retain-backup', version: 1, exportedAt: 'yesterday', decks: [{}], cards: [], states: [], reviews: [], settings: [] })),
  });
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('notes.json cannot be restored.');
  await expect(alert).toContainText('backup.exportedAt: expected a date and time');
  await expect(alert).toContainText('decks[0].id: expected non-empty text');
  await expect(page.getByRole('dialog')).toHaveCount(0);

  await page.getByLabel('Restore backup').setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47]) });
  await expect(page.getByRole('alert')).toContainText('photo.png cannot be restored. The file is not valid JSON');
  await page.goto('/');
  expect(await countsOf(page, SEED_DECK)).toEqual({ new: 19, learning: 1, due: 0 });
  expect(await reviewRowCount(page)).toBe(1);
});
