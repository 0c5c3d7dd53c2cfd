/**
 * Accessibility: axe-core checks every screen (home, study question and answer, the end of
 * a session, the browser for one deck and for all, a card's detail, custom study, deck
 * settings with a validation message showing, app settings) in the light and the dark
 * scheme, and expects no violations at all. Also: the theme setting applies and persists.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { SEED_DECK } from './support/app.ts';
import { expect, test } from './support/fixtures.ts';

async function expectNoViolations(page: Page, screen: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const found = violations.map(
    (violation) => `${violation.id} (${violation.impact ?? 'no impact'}): ${violation.help} — ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
  );
  expect(found, `axe violations on ${screen}`).toEqual([]);
}

/** The seed deck's id, read from its Browse link (never hard-coded). */
async function seedDeckId(page: Page): Promise<string> {
  const href = await page.getByRole('link', { name: `Browse ${SEED_DECK}` }).getAttribute('href');
  const id = /^#\/deck\/(.+)$/.exec(href ?? '')?.[1];
  if (!id) throw new Error(`Unexpected browse link: ${href}`);
  return decodeURIComponent(id);
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`every screen passes axe with no violations (${colorScheme} scheme)`, async ({ page }) => {
    // Ten axe runs over full screens: about 40 s on the 2-core machine.
    test.setTimeout(180_000);
    await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });

    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'Decks' })).toBeVisible();
    await expect(page.getByRole('link', { name: `Study ${SEED_DECK}` })).toBeVisible();
    await expectNoViolations(page, 'home');
    const deckId = await seedDeckId(page);

    await page.getByRole('link', { name: `Study ${SEED_DECK}` }).click();
    await expect(page.getByRole('button', { name: /^Show answer/ })).toBeVisible();
    await expectNoViolations(page, 'study: question');
    await page.getByRole('button', { name: /^Show answer/ }).click();
    await expect(page.getByRole('button', { name: /^Good/ })).toBeVisible();
    await expectNoViolations(page, 'study: answer');

    await page.goto(`/#/study/${encodeURIComponent(deckId)}?mode=due-only`);
    await expect(page.getByRole('heading', { name: /Congratulations/ })).toBeVisible();
    await expectNoViolations(page, 'study: end of session');

    await page.goto(`/#/deck/${encodeURIComponent(deckId)}`);
    await expect(page.locator('.browse-row').first()).toBeVisible();
    await page.getByRole('checkbox', { name: /^Select: / }).first().check();
    await expect(page.getByRole('group', { name: 'Actions on 1 selected card' })).toBeVisible();
    await page.getByText('Custom study', { exact: true }).click();
    await expect(page.getByRole('link', { name: 'Start custom study' })).toBeVisible();
    await expectNoViolations(page, 'browse one deck, with a selection and custom study open');

    await page.getByRole('button', { name: /^Set due date/ }).click();
    await expect(page.getByLabel('Due date')).toBeVisible();
    await expectNoViolations(page, 'browse: set due date form');

    await page.locator('.browse-row .row-open').first().click();
    await expect(page.getByRole('heading', { name: 'Card details' })).toBeVisible();
    await page.getByRole('button', { name: /^Reset progress/ }).click();
    await expectNoViolations(page, 'card detail, reset confirmation open');

    await page.goto('/#/browse');
    await expect(page.getByRole('heading', { level: 1, name: 'All cards' })).toBeVisible();
    await page.getByLabel('Search cards').fill('lambda');
    await expect(page.locator('.result-count')).toContainText('match');
    await expectNoViolations(page, 'browse all decks, searching');

    await page.goto(`/#/deck/${encodeURIComponent(deckId)}/settings`);
    await expect(page.getByLabel('Desired retention')).toBeVisible();
    await page.getByLabel('Desired retention').fill('0.5');
    await expect(page.getByText('Desired retention must be between 0.70 and 0.99.')).toBeVisible();
    await expectNoViolations(page, 'deck settings, with a validation message');

    await page.goto('/#/settings');
    await expect(page.getByRole('group', { name: 'Theme' })).toBeVisible();
    await expectNoViolations(page, 'app settings');
  });
}

test('the theme setting applies at once, survives a reload, and can follow the system again', async ({ page }) => {
  const background = () => page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--bg').trim());
  const LIGHT = '#f7f7f5';
  const DARK = '#111216';
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/#/settings');
  const html = page.locator('html');
  await expect(page.getByRole('radio', { name: 'Follow the system' })).toBeChecked();
  await expect(html).not.toHaveAttribute('data-theme');
  expect(await background()).toBe(DARK);

  await page.getByRole('radio', { name: 'Light' }).check();
  await expect(html).toHaveAttribute('data-theme', 'light');
  await expect.poll(background).toBe(LIGHT);

  await page.reload();
  await expect(html).toHaveAttribute('data-theme', 'light');
  await expect(page.getByRole('radio', { name: 'Light' })).toBeChecked();
  expect(await background()).toBe(LIGHT);

  await page.getByRole('radio', { name: 'Follow the system' }).check();
  await expect(html).not.toHaveAttribute('data-theme');
  await expect.poll(background).toBe(DARK);
});
