/**
 * The statistics screen in a real browser against the production build: after studying a few
 * cards it shows today's count and every section (charts drawn by uPlot in the stats chunk),
 * predicts exam readiness once a date is set (kept across a reload), exports the review log as
 * the CSV FSRS tools read, and passes axe in the light and the dark scheme.
 */
import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { SEED_DECK, answerGood, reviewRowCount } from './support/app.ts';
import { expect, test } from './support/fixtures.ts';

const SECTIONS = [
  'Today',
  'Review calendar',
  'Due forecast',
  'True retention',
  'Card counts',
  'Memory',
  'Answer buttons',
  'Retention by topic',
  'Retention by tag',
  'Exam readiness',
  'Review log',
];

async function studyThree(page: Page): Promise<void> {
  await page.goto('/');
  await page.getByRole('link', { name: `Study ${SEED_DECK}` }).click();
  await answerGood(page, 3);
  expect(await reviewRowCount(page)).toBe(3);
}

async function openStats(page: Page, hash = '#/stats'): Promise<void> {
  await page.goto(`/${hash}`);
  await expect(page.locator('main.stats')).toHaveAttribute('data-ready', 'true');
}

const inDays = (days: number): string => {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

test('after studying, the statistics show today’s count and every section', async ({ page }) => {
  await studyThree(page);
  await openStats(page);
  const today = page.getByRole('region', { name: 'Today' });
  await expect(today.locator('dt', { hasText: 'Cards studied' }).locator('+ dd')).toHaveText('3');
  await expect(today.locator('dt', { hasText: 'Answers' }).locator('+ dd')).toHaveText('3');
  for (const name of SECTIONS) await expect(page.getByRole('region', { name })).toBeVisible();
  // Charts are drawn on canvases: the forecast, stability, difficulty and retrievability. The
  // interval chart shows its empty state: three new cards answered once are still learning.
  await expect(page.locator('.bar-chart canvas')).toHaveCount(4);
  await expect(page.getByRole('region', { name: 'Memory' }).getByText('No review cards yet.')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Review calendar' }).getByRole('img')).toHaveAttribute('aria-label', /3 answers on 1 day of the past 365/);

  await page.getByLabel('Deck', { exact: true }).selectOption({ label: SEED_DECK });
  await expect(page).toHaveURL(/#\/stats\/.+/);
  await expect(page.getByText(`${SEED_DECK}:`, { exact: false })).toBeVisible();
  await expect(today.locator('dt', { hasText: 'Cards studied' }).locator('+ dd')).toHaveText('3');
});

test('an exam date gives a readiness prediction and is kept', async ({ page }) => {
  await studyThree(page);
  await openStats(page);
  const readiness = page.getByRole('region', { name: 'Exam readiness' });
  await expect(readiness.getByText('Set the date of your exam')).toBeVisible();
  const date = inDays(30);
  await readiness.getByLabel('Exam date').fill(date);
  await expect(readiness.getByText(/If you stop reviewing now, you can expect to recall/)).toBeVisible();
  await expect(readiness.getByRole('table', { name: 'By deck' }).getByRole('rowheader', { name: SEED_DECK })).toBeVisible();
  await expect(readiness.getByRole('table', { name: 'By topic' })).toBeVisible();
  await expect(readiness.getByText('It assumes you do no more reviews between now and the exam.')).toBeVisible();

  await page.reload();
  await expect(page.locator('main.stats')).toHaveAttribute('data-ready', 'true');
  await expect(page.getByRole('region', { name: 'Exam readiness' }).getByLabel('Exam date')).toHaveValue(date);
});

test('the review log downloads as CSV with the FSRS columns', async ({ page }) => {
  await studyThree(page);
  await openStats(page);
  const log = page.getByRole('region', { name: 'Review log' });
  await expect(log.getByText(/When an FSRS tool asks, enter the time zone .+ and “next day starts at” 4\./)).toBeVisible();
  const download = page.waitForEvent('download');
  await log.getByRole('button', { name: 'Export review log (CSV)' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^retain-revlog-\d{4}-\d{2}-\d{2}\.csv$/);
  const lines = (await readFile(await file.path(), 'utf8')).split('\r\n').filter((line) => line !== '');
  expect(lines[0]).toBe('card_id,review_time,review_rating,review_state,review_duration');
  expect(lines).toHaveLength(1 + 3);
  for (const line of lines.slice(1)) expect(line).toMatch(/^\d+,\d{13},3,0,\d+$/);
  await expect(log.getByRole('status')).toHaveText(/Saved 3 answers as retain-revlog-/);
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the statistics screen passes axe with no violations (${colorScheme} scheme)`, async ({ page }) => {
    await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
    await studyThree(page);
    await openStats(page);
    await page.getByRole('region', { name: 'Exam readiness' }).getByLabel('Exam date').fill(inDays(30));
    await expect(page.getByRole('table', { name: 'By deck' })).toBeVisible();
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
}
