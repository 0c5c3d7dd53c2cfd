/**
 * Crash safety: Chromium is killed (SIGKILL, every process of it: no clean shutdown, no
 * unload handlers, nothing flushed on the way out) right after the study screen shows an
 * answer as accepted, then relaunched on the same profile. Every answer shown as accepted is
 * there, none twice, and each card's state agrees with its log. An answer still being saved
 * when the browser dies may be there or not, but wholly or not at all.
 *
 * 20 runs chained on one profile: each relaunch checks the previous run, then answers a
 * random 1–5 cards (seeded, so a failure can be replayed with CRASH_SEED=<seed>) and, every
 * other run or so, presses one more answer and kills the browser while it is being saved.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { SEED_DECK } from './support/app.ts';
import { expect, expectNoProblems, test, watchForProblems } from './support/fixtures.ts';

const RUNS = 20;
const SEED = Number(process.env.CRASH_SEED ?? 20260302);

/** mulberry32: a small seeded PRNG, so every run of the test kills at the same points. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Every process of the browser using `profile`: its command lines all name the profile. */
function browserPids(profile: string): number[] {
  try {
    return execFileSync('pgrep', ['-f', profile], { encoding: 'utf8' }).split('\n').filter(Boolean).map(Number);
  } catch {
    return []; // pgrep exits 1 when nothing matches
  }
}

function sigkill(pids: readonly number[]): void {
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Already gone: killing the browser process can take its children with it.
    }
  }
}

/** Kills `pids` at once (found beforehand, so no time passes between the cue and the kill), then any stragglers. */
async function killBrowser(profile: string, context: BrowserContext, pids: readonly number[]): Promise<void> {
  expect(pids.length, 'the browser processes were found').toBeGreaterThan(0);
  sigkill(pids);
  await expect
    .poll(() => {
      const left = browserPids(profile);
      sigkill(left);
      return left.length;
    }, { timeout: 10_000 })
    .toBe(0);
  await context.close().catch(() => undefined);
}

interface Stored {
  reviews: Array<{ cardId: string; reviewedAt: number }>;
  reps: Record<string, number>;
}

/** The review log and each card's repetition count, read straight from IndexedDB. */
function readStored(page: Page): Promise<Stored> {
  return page.evaluate(
    () =>
      new Promise<Stored>((resolve, reject) => {
        const open = indexedDB.open('retain');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(['reviews', 'states']);
          const reviews = tx.objectStore('reviews').getAll();
          const states = tx.objectStore('states').getAll();
          tx.oncomplete = () => {
            const reps: Record<string, number> = {};
            for (const s of states.result as Array<{ cardId: string; reps: number }>) if (s.reps > 0) reps[s.cardId] = s.reps;
            open.result.close();
            resolve({ reviews: (reviews.result as Stored['reviews']).map(({ cardId, reviewedAt }) => ({ cardId, reviewedAt })), reps });
          };
        };
      }),
  );
}

/** Lifts the seed deck's new-card limit so 20 runs never run out of cards (raw IndexedDB). */
function allowManyNewCards(page: Page, title: string): Promise<void> {
  return page.evaluate(
    (deckTitle) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('retain');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('decks', 'readwrite');
          const all = tx.objectStore('decks').getAll();
          all.onsuccess = () => {
            for (const deck of all.result as Array<{ title: string; settings: { newPerDay: number } }>) {
              if (deck.title === deckTitle) tx.objectStore('decks').put({ ...deck, settings: { ...deck.settings, newPerDay: 500 } });
            }
          };
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
        };
      }),
    title,
  );
}

test(`killed right after an accepted answer, ${RUNS} times: every accepted answer is kept, none twice (seed ${SEED})`, async ({
  playwright,
  launchOptions,
  baseURL,
}) => {
  test.setTimeout(150_000);
  const profile = mkdtempSync(join(tmpdir(), 'retain-crash-'));
  const random = prng(SEED);
  const question = (page: Page) => page.locator('.study-card .question');
  let accepted = 0;
  let inFlight = 0;
  let studyPath: string | null = null;
  const inFlightOutcomes = { kept: 0, lost: 0 };
  try {
    for (let run = 0; run <= RUNS; run++) {
      const context = await playwright.chromium.launchPersistentContext(profile, { ...launchOptions, headless: true, ...(baseURL ? { baseURL } : {}) });
      const problems = await watchForProblems(context);
      const page = context.pages()[0] ?? (await context.newPage());
      // The first run finds the study screen from the deck list; later runs reopen it directly.
      await page.goto(studyPath ?? '/');
      if (studyPath === null) {
        const link = page.getByRole('link', { name: `Study ${SEED_DECK}` });
        await expect(link).toBeVisible();
        await allowManyNewCards(page, SEED_DECK);
        studyPath = `/${(await link.getAttribute('href')) ?? ''}`;
        await page.goto(studyPath);
      }
      await expect(question(page)).toBeVisible();

      // What the previous run left behind.
      const stored = await readStored(page);
      const at = `run ${run}, ${accepted} accepted + ${inFlight} in flight`;
      expect(stored.reviews.length, at).toBeGreaterThanOrEqual(accepted);
      expect(stored.reviews.length, at).toBeLessThanOrEqual(accepted + inFlight);
      const keys = stored.reviews.map((r) => `${r.cardId}@${r.reviewedAt}`);
      expect(new Set(keys).size, `no answer stored twice (${at})`).toBe(keys.length);
      const perCard: Record<string, number> = {};
      for (const review of stored.reviews) perCard[review.cardId] = (perCard[review.cardId] ?? 0) + 1;
      expect(stored.reps, `each card's state counts exactly its logged answers (${at})`).toEqual(perCard);
      if (inFlight > 0) inFlightOutcomes[stored.reviews.length > accepted ? 'kept' : 'lost']++;
      accepted = stored.reviews.length;
      inFlight = 0;
      if (run === RUNS) {
        expectNoProblems(problems);
        await context.close();
        break;
      }

      const pids = browserPids(profile);
      const answers = 1 + Math.floor(random() * 5);
      for (let i = 0; i < answers; i++) {
        const shown = (await question(page).textContent()) ?? '';
        await page.keyboard.press('Space');
        await expect(page.getByRole('button', { name: /^Good/ })).toBeVisible();
        await page.keyboard.press('3');
        // Accepted: the next card shows only once the answer's transaction has committed.
        await expect(question(page)).not.toHaveText(shown);
        accepted++;
      }
      if (random() < 0.5) {
        // One more answer, and the browser dies while it is being saved.
        await page.keyboard.press('Space');
        await expect(page.getByRole('button', { name: /^Good/ })).toBeVisible();
        await page.keyboard.press('3');
        inFlight = 1;
      }
      expectNoProblems(problems);
      await killBrowser(profile, context, pids);
    }
  } finally {
    sigkill(browserPids(profile));
    rmSync(profile, { recursive: true, force: true });
  }
  expect(accepted, 'the runs answered cards').toBeGreaterThanOrEqual(RUNS);
  test.info().annotations.push({
    type: 'answers',
    description: `${accepted} stored; killed mid-save: ${inFlightOutcomes.kept} kept, ${inFlightOutcomes.lost} not saved`,
  });
});
