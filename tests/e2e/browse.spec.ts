/**
 * The card browser and custom study in a real browser against the production build: search
 * as you type (checked against the seed deck itself), suspend by button and by the `@` key
 * (kept across a reload), bury with `-`, and a study session limited to one topic started
 * from the custom study panel.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { buildDeck } from '../../src/domain/deck/build-deck.ts';
import { tokenize } from '../../src/domain/search/tokenize.ts';
import { SEED_DECK, answerGood } from './support/app.ts';
import { expect, test } from './support/fixtures.ts';

const seed = buildDeck(
  readFileSync(new URL('../../decks/aws-cda.txt', import.meta.url)),
  'aws-cda.txt',
  readFileSync(new URL('../../decks/aws-cda.topics.json', import.meta.url), 'utf8'),
);

/** How many seed cards the browser should find: every query word starts a word of the card. */
function expectedMatches(query: string): number {
  const words = tokenize(query);
  return seed.cards.filter((card) => {
    const cardWords = tokenize(`${card.question}\n${card.answer}`);
    return words.every((word) => cardWords.some((cardWord) => cardWord.startsWith(word)));
  }).length;
}

async function openDeckBrowser(page: Page): Promise<void> {
  await page.goto('/');
  await page.getByRole('link', { name: `Browse ${SEED_DECK}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: SEED_DECK })).toBeVisible();
  await expect(page.locator('.result-count')).toHaveText(`${seed.cards.length} cards`);
}

async function suspendedInDatabase(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('retain');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('states').objectStore('states').getAll();
          request.onsuccess = () => {
            const rows = request.result as { suspended: number; queue: string }[];
            resolve(rows.filter((row) => row.suspended === 1 && row.queue === 'off').length);
            open.result.close();
          };
        };
      }),
  );
}

test('search finds cards by words of the question or answer, as you type', async ({ page }) => {
  await openDeckBrowser(page);
  const search = page.getByLabel('Search cards');
  const count = page.locator('.result-count');

  await search.pressSequentially('beansta');
  const beanstalk = expectedMatches('beansta');
  expect(beanstalk).toBeGreaterThan(3);
  await expect(count).toHaveText(`${beanstalk} cards of ${seed.cards.length} match`);
  await expect(page.locator('.browse-row')).toHaveCount(beanstalk);
  await expect(page.locator('.browse-row').first()).toContainText('Elastic Beanstalk');

  // Two words: both must be found in the card, in any order, question or answer.
  await search.fill('dynamodb consistent');
  const both = expectedMatches('dynamodb consistent');
  expect(both).toBeGreaterThan(0);
  expect(both).toBeLessThan(expectedMatches('dynamodb'));
  await expect(count).toHaveText(`${both} ${both === 1 ? 'card' : 'cards'} of ${seed.cards.length} match`);

  await search.fill('qqqzzz');
  await expect(page.getByText('No cards match.')).toBeVisible();

  await search.fill('');
  await expect(count).toHaveText(`${seed.cards.length} cards`);
  // 172 cards: two pages of at most 100 rows.
  await expect(page.locator('.browse-row')).toHaveCount(100);
  await expect(page.getByText('Page 1 of 2')).toBeVisible();
});

test('suspend by button and by the @ key, bury with -, and find them by filter after a reload', async ({ page }) => {
  await openDeckBrowser(page);
  // By button, on a selection.
  await page.getByRole('checkbox', { name: 'Select: What is Elastic Beanstalk?' }).check();
  const actions = page.getByRole('group', { name: 'Actions on 1 selected card' });
  await actions.getByRole('button', { name: /^Suspend/ }).click();
  await expect(page.locator('.browse-status')).toHaveText('Suspended 1 card.');
  await expect(page.locator('.browse-row').first().locator('.flag.suspended')).toHaveText('Suspended');
  await expect(actions.getByRole('button', { name: /^Unsuspend/ })).toBeVisible();
  await page.getByRole('button', { name: 'Clear selection' }).click();

  // By keyboard, on the card open in detail: @ toggles.
  const second = page.locator('.browse-row').nth(1).locator('.row-open');
  const secondQuestion = (await second.textContent()) ?? '';
  await second.click();
  await expect(page.getByRole('heading', { name: 'Card details' })).toBeFocused();
  await page.keyboard.press('@');
  await expect(page.locator('.browse-status')).toHaveText('Suspended 1 card.');
  await expect(page.getByRole('button', { name: /^Unsuspend/ })).toBeVisible();
  await page.keyboard.press('@');
  await expect(page.locator('.browse-status')).toHaveText('Unsuspended 1 card.');
  await expect(page.getByRole('button', { name: /^Suspend/ })).toBeVisible();
  await page.keyboard.press('@');
  await expect(page.locator('.browse-status')).toHaveText('Suspended 1 card.');
  await page.getByRole('button', { name: '← Back to the list' }).click();
  await expect(page.getByRole('button', { name: secondQuestion, exact: true })).toBeFocused();

  // On the focused row (Tab goes on to the third row's checkbox): - buries that card.
  await page.keyboard.press('Tab');
  const third = page.locator('.browse-row').nth(2);
  await expect(third.getByRole('checkbox')).toBeFocused();
  await page.keyboard.press('-');
  await expect(page.locator('.browse-status')).toHaveText('Buried 1 card until the next study day.');
  await expect(third.locator('.flag', { hasText: 'Buried' })).toBeVisible();
  await expect(third.getByRole('checkbox')).not.toBeChecked();

  expect(await suspendedInDatabase(page)).toBe(2);
  await page.reload();
  await expect(page.locator('.result-count')).toHaveText(`${seed.cards.length} cards`);
  await page.getByRole('checkbox', { name: 'Suspended' }).check();
  await expect(page.locator('.result-count')).toHaveText(`2 cards of ${seed.cards.length} match`);
  await expect(page.locator('.browse-row').nth(0)).toContainText('What is Elastic Beanstalk?');
  await expect(page.locator('.browse-row').nth(1)).toContainText(secondQuestion);
});

test('custom study: a session limited to one topic', async ({ page }) => {
  const topic = 'Lambda';
  const lambdaCards = seed.cards.filter((card) => card.topics.includes(topic)).length;
  expect(lambdaCards).toBeGreaterThan(3);

  await openDeckBrowser(page);
  await page.getByText('Custom study', { exact: true }).click();
  await page.getByLabel('Topic or tag').selectOption({ label: `${topic} (${lambdaCards} cards)` });
  await page.getByRole('radio', { name: 'Today’s cards' }).check();
  await page.getByRole('link', { name: 'Start custom study' }).click();

  await expect(page).toHaveURL(/#\/study\/[^?]+\?filter=Lambda$/);
  await expect(page.getByText(`Only cards about “${topic}”.`)).toBeVisible();
  const left = page.getByLabel('Cards left in this session');
  await expect(left.locator('.count.new dd')).toHaveText(String(Math.min(20, lambdaCards)));
  for (let i = 0; i < 4; i++) {
    await expect(page.locator('.study-card .chips')).toContainText(topic);
    await answerGood(page, 1);
  }
  await expect(page.locator('.study-card .chips')).toContainText(topic);
});

test('custom study: cram and due-only routes are offered and marked', async ({ page }) => {
  await openDeckBrowser(page);
  await page.getByText('Custom study', { exact: true }).click();
  await page.getByRole('radio', { name: 'Cram' }).check();
  await page.getByRole('link', { name: 'Start custom study' }).click();
  await expect(page).toHaveURL(/\?mode=cram$/);
  await expect(page.getByText('Cram: reviewing ahead. Answers here do not change your schedule.')).toBeVisible();

  await page.goBack();
  await page.getByText('Custom study', { exact: true }).click();
  await page.getByRole('radio', { name: 'Due cards only' }).check();
  await page.getByRole('link', { name: 'Start custom study' }).click();
  await expect(page).toHaveURL(/\?mode=due-only$/);
  // A fresh collection has nothing due, and due-only brings no new cards.
  await expect(page.getByRole('heading', { name: /Congratulations/ })).toBeVisible();
});
