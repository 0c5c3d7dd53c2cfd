/**
 * The study loop in a real browser against the production build: study by keyboard, reload,
 * and everything answered is still there; undo takes answers back, several deep.
 */
import { expect, test, type Page } from '@playwright/test';

const DECK = 'AWS: CDA Flashcards';

async function countsOnHome(page: Page) {
  const row = page.getByRole('listitem').filter({ hasText: DECK });
  const read = async (label: string) => Number(await row.locator('.count', { hasText: label }).locator('dd').textContent());
  return { new: await read('New'), learning: await read('Learning'), due: await read('Due') };
}

async function reviewRows(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('retain');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('reviews').objectStore('reviews').count();
          request.onsuccess = () => {
            resolve(request.result);
            open.result.close();
          };
        };
      }),
  );
}

test('study 5 cards by keyboard, reload, and the answers are kept', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Decks' })).toBeVisible();
  expect(await countsOnHome(page)).toEqual({ new: 20, learning: 0, due: 0 });

  await page.getByRole('link', { name: `Study ${DECK}` }).click();
  const firstQuestion = await page.locator('.study-card .question').textContent();
  expect(firstQuestion).toContain('What is Elastic Beanstalk?');

  for (let i = 0; i < 5; i++) {
    const question = await page.locator('.study-card .question').textContent();
    await page.keyboard.press('Space');
    await expect(page.getByRole('button', { name: /^Good/ })).toBeVisible();
    await expect(page.getByRole('button', { name: /^Again, next review in 1m/ })).toBeVisible();
    await page.keyboard.press('3');
    await expect(page.locator('.study-card .question')).not.toHaveText(question ?? '');
  }
  expect(await reviewRows(page)).toBe(5);

  await page.reload();
  await expect(page.locator('.study-card .question')).toBeVisible();
  // 5 new cards were answered Good: each is in learning (10m step), 15 new remain today.
  const left = page.getByLabel('Cards left in this session');
  await expect(left.locator('.count.new dd')).toHaveText('15');
  await expect(left.locator('.count.learning dd')).toHaveText('5');
  await expect(page.locator('.study-card .question')).not.toContainText('What is Elastic Beanstalk?');

  await page.goto('/');
  expect(await countsOnHome(page)).toEqual({ new: 15, learning: 5, due: 0 });
});

test('undo restores answers several deep, by button and by keyboard', async ({ page }) => {
  await page.goto('/#/');
  await page.getByRole('link', { name: `Study ${DECK}` }).click();
  const first = await page.locator('.study-card .question').textContent();
  await page.getByRole('button', { name: 'Show answer' }).click();
  await page.getByRole('button', { name: /^Easy/ }).click();
  // The next card shows once the answer has committed.
  await expect(page.locator('.study-card .question')).not.toHaveText(first ?? '');
  const second = await page.locator('.study-card .question').textContent();
  await page.keyboard.press('Enter');
  await page.keyboard.press('1');
  await expect(page.locator('.study-card .question')).not.toHaveText(second ?? '');
  expect(await reviewRows(page)).toBe(2);

  await page.keyboard.press('u');
  await expect(page.locator('.study-card .question')).toHaveText(second ?? '');
  await page.getByRole('button', { name: /^Undo/ }).click();
  await expect(page.locator('.study-card .question')).toHaveText(first ?? '');
  expect(await reviewRows(page)).toBe(0);
  await expect(page.getByRole('button', { name: /^Undo/ })).toBeDisabled();

  await page.goto('/');
  expect(await countsOnHome(page)).toEqual({ new: 20, learning: 0, due: 0 });
});
