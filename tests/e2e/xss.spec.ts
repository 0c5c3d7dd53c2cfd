/**
 * Hostile card content in Chromium: a deck whose cards are an XSS corpus (script tags, event
 * handlers, javascript: and data: URLs, SVG and MathML, CSS injection, Markdown link and image
 * tricks; tests/fixtures/e2e/xss-deck.txt) is studied card by card with every answer shown,
 * then opened card by card in the card browser.
 * Every payload tries to set `window.__xss` (some also open a dialog); none may succeed, no
 * Content-Security-Policy violation may happen, and the rendered cards hold no active markup:
 * no script, frame, object, SVG, style or form element, no on* or style attribute, and links
 * only to http(s).
 *
 * The deck is written with the app's own parser and row mappers straight into IndexedDB, as a
 * confirmed import stores it, so the corpus reaches the screens exactly as the parser read it.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { deckCardToRow, scheduleToStateRow } from '../../src/db/mappers.ts';
import type { CardRow, DeckRow, StateRow } from '../../src/db/rows.ts';
import { parse } from '../../src/domain/deck/parse.ts';
import { createScheduler } from '../../src/domain/scheduling/scheduler.ts';
import { DEFAULT_DECK_SETTINGS } from '../../src/domain/settings/deck-settings.ts';
import { expect, test } from './support/fixtures.ts';

declare global {
  interface Window {
    __xss?: unknown;
    __cspViolations: string[];
  }
}

const CORPUS = readFileSync(new URL('../fixtures/e2e/xss-deck.txt', import.meta.url), 'utf8');
const deck = parse(CORPUS, 'xss-deck.txt');

/** The rows a confirmed import of the corpus stores (deck-writes.ts saveDeckVersion). */
function corpusRows(now: Date): { deckRow: DeckRow; cards: CardRow[]; states: StateRow[] } {
  const fresh = createScheduler();
  const deckRow: DeckRow = {
    id: deck.id,
    title: deck.title,
    sourceFile: deck.sourceFile,
    builtIn: 0,
    contentHash: '',
    createdAt: now.getTime(),
    updatedAt: now.getTime(),
    settings: DEFAULT_DECK_SETTINGS,
  };
  const cards = deck.cards.map((card, ord) => deckCardToRow(card, deck.id, ord, now.getTime()));
  const states = cards.map((card) => scheduleToStateRow(fresh.newSchedule(card.id, deck.id, now), card.ord, false));
  return { deckRow, cards, states };
}

async function storeCorpus(page: Page): Promise<void> {
  await page.evaluate(
    ({ deckRow, cards, states }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('retain');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(['decks', 'cards', 'states'], 'readwrite');
          tx.objectStore('decks').put(deckRow);
          for (const card of cards) tx.objectStore('cards').put(card);
          for (const state of states) tx.objectStore('states').put(state);
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    corpusRows(new Date()),
  );
}

interface Inspection {
  /** Active markup found: element names, `tag[attribute]`, or `a[href=…]` with another scheme. */
  active: string[];
  hrefs: string[];
}

/** Everything under `selector` that could run code or load something, plus the links' targets. */
function inspect(page: Page, selector: string): Promise<Inspection> {
  return page.evaluate((root) => {
    const FORBIDDEN = new Set([
      'script', 'iframe', 'frame', 'object', 'embed', 'svg', 'math', 'style', 'link', 'meta', 'base', 'form',
      'input', 'button', 'img', 'video', 'audio', 'source', 'details', 'marquee', 'template', 'noscript',
    ]);
    const active: string[] = [];
    const hrefs: string[] = [];
    for (const element of document.querySelectorAll(`${root} *`)) {
      const tag = element.tagName.toLowerCase();
      if (FORBIDDEN.has(tag)) active.push(tag);
      for (const { name } of element.attributes) {
        if (/^on/i.test(name) || ['style', 'srcdoc', 'formaction', 'xlink:href', 'src'].includes(name)) active.push(`${tag}[${name}]`);
      }
      const href = element.getAttribute('href');
      if (href !== null) {
        hrefs.push(href);
        const scheme = new URL(href, location.href).protocol;
        if (tag !== 'a' || (scheme !== 'http:' && scheme !== 'https:')) active.push(`${tag}[href=${href}]`);
        // A link opened in a new tab must not hand that page a handle on this one.
        if (!/\bnoopener\b/.test(element.getAttribute('rel') ?? '')) active.push(`${tag}[href=${href}] without rel=noopener`);
      }
    }
    return { active, hrefs };
  }, selector);
}

test('the XSS corpus, studied card by card with every answer shown, runs nothing', async ({ page }) => {
  expect(deck.cards.length, 'the corpus parses into its cards').toBe(12);
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__cspViolations.push(`${event.effectiveDirective} ${event.blockedURI}`);
    });
  });
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });

  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Decks' })).toBeVisible();
  await storeCorpus(page);
  await page.reload();
  await page.getByRole('link', { name: `Study ${deck.title}` }).click();

  const question = page.locator('.study-card .question');
  const hrefs: string[] = [];
  for (let studied = 0; studied < deck.cards.length; studied++) {
    const shown = (await question.textContent()) ?? '';
    await page.keyboard.press('Space');
    await expect(page.locator('.study-card .answer')).toBeVisible();
    const found = await inspect(page, '.study-card');
    expect(found.active, `active markup in the card “${shown}”`).toEqual([]);
    hrefs.push(...found.hrefs);
    expect(await page.evaluate(() => window.__xss), `a payload ran in “${shown}”`).toBeUndefined();
    // Easy: the card leaves the session for days, so each card is studied once.
    await page.keyboard.press('4');
    if (studied < deck.cards.length - 1) await expect(question).not.toHaveText(shown);
  }
  await expect(page.getByRole('heading', { name: /You have finished this deck/ })).toBeVisible();

  // The cards were really rendered: the payloads show as text, the safe links as links (a quote
  // meant to break out of the href stays inside it, percent-encoded).
  expect(hrefs).toEqual([
    'https://example.com/docs?a=1&b=2',
    'https://example.com',
    "https://example.com/%22onmouseover=%22window.__xss='href",
  ]);

  // The card browser renders the same content: the list as plain text, each card's details as Markdown.
  await page.goto(`/#/deck/${encodeURIComponent(deck.id)}`);
  const rows = page.getByRole('list', { name: new RegExp(`of ${deck.cards.length}$`) }).getByRole('button');
  await expect(rows).toHaveCount(deck.cards.length);
  for (let i = 0; i < deck.cards.length; i++) {
    await rows.nth(i).click();
    const details = page.getByRole('region', { name: 'Card details' });
    await expect(details.locator('.markdown.answer')).toBeVisible();
    expect((await inspect(page, 'main .markdown')).active).toEqual([]);
    await details.getByRole('button', { name: /Back to the list/ }).click();
  }

  expect(await page.evaluate(() => window.__xss)).toBeUndefined();
  expect(dialogs).toEqual([]);
  expect(await page.evaluate(() => window.__cspViolations)).toEqual([]);
});
