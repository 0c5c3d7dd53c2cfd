/**
 * Importing decks in a real browser against the production build: through the file chooser
 * and by dropping files, a preview before anything is saved, an update that keeps progress,
 * bad files (and files past the import limits) refused with the collection untouched, HTML in cards kept inert, and the deck
 * actions (export as text, delete with confirmation).
 */
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { SEED_DECK, answerGood, reviewRowCount } from './support/app.ts';
import { expect, test } from './support/fixtures.ts';

const fixture = (name: string) => new URL(`../fixtures/e2e/${name}`, import.meta.url).pathname;
const GEOGRAPHY = 'World Geography';

async function countsOf(page: Page, deck: string) {
  const row = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: deck, exact: true }) });
  const read = async (label: string) => Number(await row.locator('.count', { hasText: label }).locator('dd').textContent());
  return { new: await read('New'), learning: await read('Learning'), due: await read('Due') };
}

/** Rows per table, read straight from IndexedDB. */
async function tableCounts(page: Page): Promise<Record<string, number>> {
  return page.evaluate(
    () =>
      new Promise<Record<string, number>>((resolve, reject) => {
        const open = indexedDB.open('retain');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const names = ['decks', 'cards', 'states', 'reviews'];
          const tx = db.transaction(names);
          const counts: Record<string, number> = {};
          for (const name of names) {
            const request = tx.objectStore(name).count();
            request.onsuccess = () => (counts[name] = request.result);
          }
          tx.oncomplete = () => {
            db.close();
            resolve(counts);
          };
        };
      }),
  );
}

async function importThroughChooser(page: Page, file: string): Promise<void> {
  await page.getByLabel('Import deck').setInputFiles(fixture(file));
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('button', { name: 'Confirm import' })).toBeEnabled();
  await dialog.getByRole('button', { name: 'Confirm import' }).click();
  await expect(dialog).toBeHidden();
}

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Decks' })).toBeVisible();
});

test('import a file through the file chooser, study a card from it, reload, and it is kept', async ({ page }) => {
  await page.getByLabel('Import deck').setInputFiles(fixture('world-geography.txt'));
  const dialog = page.getByRole('dialog', { name: 'Import a deck file' });
  await expect(dialog).toBeVisible();
  const deck = dialog.getByRole('region', { name: `Deck ${GEOGRAPHY}` });
  await expect(deck.getByLabel('Deck title')).toHaveValue(GEOGRAPHY);
  await expect(deck).toContainText('New deck (id world-geography) · 3 cards');
  await expect(deck.getByLabel('Tags')).toContainText('#Americas (1)');
  await expect(dialog.getByLabel('Format')).toHaveValue('auto');
  // Nothing is stored before confirming.
  expect((await tableCounts(page)).decks).toBe(1);

  await dialog.getByRole('button', { name: 'Confirm import' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Imported' })).toHaveText(/Imported “World Geography”: 3 cards\./);
  expect(await countsOf(page, GEOGRAPHY)).toEqual({ new: 3, learning: 0, due: 0 });

  await page.getByRole('link', { name: `Study ${GEOGRAPHY}` }).click();
  await expect(page.locator('.study-card .question')).toContainText('What is the capital of France?');
  await answerGood(page, 1);
  expect(await reviewRowCount(page)).toBe(1);

  await page.reload();
  await page.goto('/');
  expect(await countsOf(page, GEOGRAPHY)).toEqual({ new: 2, learning: 1, due: 0 });
  expect(await countsOf(page, SEED_DECK)).toEqual({ new: 20, learning: 0, due: 0 });
});

test('importing a new version updates the deck: counts in the preview, progress kept', async ({ page }) => {
  await importThroughChooser(page, 'world-geography.txt');
  await page.getByRole('link', { name: `Study ${GEOGRAPHY}` }).click();
  await answerGood(page, 2); // France and Peru
  await page.goto('/');

  await page.getByLabel('Import deck').setInputFiles(fixture('world-geography-v2.txt'));
  const deck = page.getByRole('dialog').getByRole('region', { name: `Deck ${GEOGRAPHY}` });
  await expect(deck).toContainText(`Updates the existing deck “${GEOGRAPHY}”`);
  await expect(deck.getByLabel('What importing changes')).toHaveText('Added1Changed1Unchanged1Removed1');
  await deck.getByText('1 card no longer in the file will be hidden').click();
  await expect(deck.getByRole('listitem')).toHaveText('Which is the longest river in Africa?');
  await page.getByRole('button', { name: 'Confirm import' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Updated' })).toContainText('Updated “World Geography”: 1 added, 1 changed, 1 hidden');

  // France (unchanged) and Peru (answer edited) are still in learning; Chile is new.
  expect(await countsOf(page, GEOGRAPHY)).toEqual({ new: 1, learning: 2, due: 0 });
  expect(await reviewRowCount(page)).toBe(2);
});

test('bad files are refused with a message naming the file, and nothing changes', async ({ page }) => {
  const before = await tableCounts(page);
  const seedCounts = await countsOf(page, SEED_DECK);
  await page.getByLabel('Import deck').setInputFiles([
    { name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]) },
    { name: 'empty.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0) },
    { name: 'latin1.txt', mimeType: 'text/plain', buffer: Buffer.from('Qu\u00e9?\n- caf\u00e9\n', 'latin1') },
    { name: 'long.txt', mimeType: 'text/plain', buffer: Buffer.from(`Q?\n- ${'x'.repeat(1024 * 1024)}\n`) },
    { name: 'broken-quote.csv', mimeType: 'text/csv', buffer: readFileSync(fixture('broken-quote.csv')) },
    { name: 'list-before-question.txt', mimeType: 'text/plain', buffer: readFileSync(fixture('list-before-question.txt')) },
    { name: 'many-rows.csv', mimeType: 'text/csv', buffer: Buffer.from('x,y\n'.repeat(50_002)) },
    { name: 'blank-flood.txt', mimeType: 'text/plain', buffer: Buffer.from(`Q?\n- a\n${'\n'.repeat(1_000_000)}`) },
  ]);
  const dialog = page.getByRole('dialog', { name: 'Import 8 files' });
  await expect(dialog.getByRole('alert').filter({ hasText: 'photo.png' })).toContainText('photo.png looks like a PNG image, not a text file');
  await expect(dialog.getByRole('alert').filter({ hasText: 'empty.txt' })).toContainText('empty.txt is empty: there is nothing to import.');
  await expect(dialog.getByRole('alert').filter({ hasText: 'latin1.txt' })).toContainText('latin1.txt, line 1: bytes that are not valid UTF-8');
  await expect(dialog.getByRole('alert').filter({ hasText: 'long.txt' })).toContainText('long.txt, line 2: this line is 1,048,578 characters long');
  await expect(dialog.getByRole('alert').filter({ hasText: 'broken-quote.csv' })).toContainText('broken-quote.csv, line 3: a quoted field starts in this row but its closing quote is missing');
  await expect(dialog.getByRole('alert').filter({ hasText: 'many-rows.csv' })).toContainText(
    'many-rows.csv, line 50002: this is row 50,002; a file may hold at most 50,000 cards, one per row.',
  );
  await expect(dialog.getByRole('alert').filter({ hasText: 'blank-flood.txt' })).toContainText(
    'blank-flood.txt has 1,000,003 lines; files of more than 1,000,000 lines cannot be imported.',
  );
  await expect(dialog.getByRole('list', { name: 'Problems in list-before-question' })).toContainText(
    'list-before-question.txt, line 1: list item before any question',
  );
  await expect(dialog.getByRole('button', { name: 'Confirm import' })).toBeDisabled();
  await expect(dialog).toContainText('have errors and cannot be imported');
  const { violations } = await new AxeBuilder({ page }).include('dialog').analyze();
  expect(violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  expect(await tableCounts(page)).toEqual(before);
  expect(await countsOf(page, SEED_DECK)).toEqual(seedCounts);
});

test('HTML, scripts, event handlers and javascript: links in cards stay inert text', async ({ page }) => {
  page.on('dialog', (dialog) => {
    throw new Error(`a script ran and opened a ${dialog.type()} dialog`);
  });
  const pwned = () => page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned);
  const dangerous = 'script, img, iframe, object, [onerror], [onclick], a[href^="javascript:"]';
  await importThroughChooser(page, 'unsafe-html.txt');

  await page.getByRole('link', { name: 'Study Unsafe HTML' }).click();
  const card = page.locator('.study-card');
  await expect(card.locator('.question')).toContainText('window.');
  await page.getByRole('button', { name: /^Show answer/ }).click();
  await expect(card).toContainText('stays text too');
  expect(await card.locator(dangerous).count()).toBe(0);
  await page.getByRole('button', { name: /^Good/ }).click();
  await expect(card).toContainText('this link');
  await page.getByRole('button', { name: /^Show answer/ }).click();
  await card.getByText('click me').click();
  await card.getByText('this link').click();
  expect(await card.locator(dangerous).count()).toBe(0);

  await page.goto('/');
  await page.getByRole('link', { name: 'Browse Unsafe HTML' }).click();
  await expect(page.locator('main')).toContainText('2 cards');
  expect(await page.locator('main').locator(dangerous).count()).toBe(0);
  expect(await pwned()).toBeUndefined();
});

test('files dropped anywhere on the app open the import preview', async ({ page }) => {
  const text = readFileSync(fixture('world-geography.txt'), 'utf8');
  const dataTransfer = await page.evaluateHandle((content) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([content], 'dropped.txt', { type: 'text/plain' }));
    return transfer;
  }, text);
  await page.dispatchEvent('main', 'dragenter', { dataTransfer });
  await expect(page.getByText('Drop deck files to import')).toBeVisible();
  await page.dispatchEvent('main', 'drop', { dataTransfer });
  await expect(page.getByText('Drop deck files to import')).toBeHidden();
  const dialog = page.getByRole('dialog', { name: 'Import a deck file' });
  await expect(dialog.getByRole('region', { name: `Deck ${GEOGRAPHY}` })).toContainText('3 cards');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  expect((await tableCounts(page)).decks).toBe(1);
});

test('export a deck as text, then delete it after a confirmation that says what goes', async ({ page }) => {
  await importThroughChooser(page, 'world-geography.txt');
  await page.getByRole('link', { name: `Study ${GEOGRAPHY}` }).click();
  await answerGood(page, 1);
  await page.goto('/');
  await page.getByRole('link', { name: `Browse ${GEOGRAPHY}` }).click();

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export deck' }).click()]);
  expect(download.suggestedFilename()).toBe('world-geography.txt');
  expect(readFileSync((await download.path())!, 'utf8')).toBe(readFileSync(fixture('world-geography.txt'), 'utf8'));
  await expect(page.getByRole('status').filter({ hasText: 'Exported' })).toHaveText('Exported world-geography.txt (3 cards).');

  await page.getByRole('button', { name: 'Delete deck' }).click();
  const confirm = page.getByRole('dialog', { name: `Delete “${GEOGRAPHY}”?` });
  await expect(confirm).toContainText('This deletes the deck, its 3 cards and its review history (1 answer) from this browser. It cannot be undone.');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toBeHidden();
  await page.getByRole('button', { name: 'Delete deck' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete deck' }).click();
  await expect(page.getByRole('heading', { name: 'Decks' })).toBeVisible();
  await expect(page.getByRole('heading', { name: GEOGRAPHY })).toHaveCount(0);
  expect(await tableCounts(page)).toMatchObject({ decks: 1, reviews: 0 });
});
