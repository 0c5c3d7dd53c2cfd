/**
 * Statistics screen benchmark: the production build in the system Chromium, a collection seeded
 * with 100,000 and with 1,000,000 generated answers, and the time from navigating to #/stats
 * until the screen has painted its figures (the screen's own `retain:stats-rendered` mark, set in
 * the first animation frame after the figures are committed; its root then carries
 * data-ready="true"). Targets: ≤ 500 ms for 100,000 answers, ≤ 1 s for 1,000,000.
 *
 * Each size gets a fresh, disk-backed browser profile. The app is opened once (Dexie creates the
 * database, the built-in decks are saved), then a generated deck with its cards, card states and
 * review log is written with the raw IndexedDB API in the page, and an exam date is set so that
 * the readiness prediction is part of what is timed. Every visit starts in a freshly loaded page
 * (new worker; the statistics cache read from IndexedDB), on the home screen. Reported, each a
 * median of --runs visits:
 *   - visit again with nothing changed;
 *   - visit after answering 5 cards through the study screen (the usual case; held against the target);
 *   - first visit of a study day (the running totals emptied first, so every answer is counted);
 * and once, the first visit ever, which reads the whole log into the statistics cache; and, for
 * comparison, once, a raw IndexedDB cursor reading every review row.
 *
 *   npm run build && node scripts/bench-stats.mjs [--port 47331] [--sizes 100000,1000000] [--runs 3]
 *
 * Prints the figures per size and a final `BENCH_JSON {...}` line for scripts/bench.mjs.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { median } from './bench/browser.mjs';
import { CHROMIUM_ARGS, chromiumPath, chromiumVersion } from './chromium.mjs';
import { startServer } from './serve.mjs';

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

const PORT = Number(option('port', '47331'));
const SIZES = option('sizes', '100000,1000000').split(',').map(Number);
const RUNS = Number(option('runs', '3'));
const TARGETS = { 100_000: 500, 1_000_000: 1000 };
/** About 20 answers per studied card at 100,000 answers, 40 at a million, and a fifth of the cards new. */
const cardsFor = (reviews) => Math.max(100, Math.round((reviews >= 1_000_000 ? reviews / 40 : reviews / 20) / 0.8));

const SETTINGS = {
  desiredRetention: 0.9, learningSteps: ['1m', '10m'], relearningSteps: ['10m'], maximumIntervalDays: 36500,
  enableFuzz: true, newPerDay: 20, reviewsPerDay: 200, dayStartHour: 4, leechThreshold: 8, burySiblings: false,
};

/**
 * Runs in the page: writes one deck of `cards` cards (a fifth never studied) and `reviews`
 * answers spread over the past two years, in time order, shaped as src/db/rows.ts declares.
 */
async function seed({ cards, reviews, now, settings }) {
  const DAY = 86_400_000;
  const deckId = 'bench-stats';
  let state = 2_463_534_242;
  const random = () => {
    // xorshift32: fast and the same every run.
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4_294_967_296;
  };
  const open = () =>
    new Promise((resolve, reject) => {
      const request = indexedDB.open('retain');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  const db = await open();
  const write = (stores, fill) =>
    new Promise((resolve, reject) => {
      const tx = db.transaction(stores, 'readwrite', { durability: 'relaxed' });
      fill(tx);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });

  // Answers per card in time order: new → learning → review, Again sends a card to relearning.
  const studied = Math.round(cards * 0.8);
  const at = new Float64Array(reviews);
  const card = new Uint32Array(reviews);
  const rating = new Uint8Array(reviews);
  const phase = new Uint8Array(reviews);
  const interval = new Float64Array(reviews);
  const last = new Map();
  const PHASES = ['new', 'learning', 'review', 'relearning'];
  let row = 0;
  for (let c = 0; c < studied && row < reviews; c++) {
    const count = Math.min(reviews - row, c === studied - 1 ? reviews - row : Math.max(1, Math.round((reviews / studied) * (0.5 + random()))));
    let t = now - DAY * (30 + random() * 700);
    let p = 0;
    let ivl = 0;
    for (let k = 0; k < count; k++) {
      const r = random();
      const grade = p >= 2 && r < 0.12 ? 1 : r < 0.22 ? 2 : r < 0.92 ? 3 : 4;
      at[row] = t;
      card[row] = c;
      rating[row] = grade;
      phase[row] = p;
      interval[row] = p === 2 ? ivl : 0;
      const next = p === 0 ? 1 : p === 1 || p === 3 ? 2 : grade === 1 ? 3 : 2;
      ivl = next === 2 ? Math.max(1, Math.round(ivl * (grade === 1 ? 0.3 : 1.6) + 1)) : 0;
      last.set(c, { t, p: next, ivl });
      // Leave room for the remaining answers before now.
      const room = (now - DAY - t) / (count - k);
      t += next === 2 ? Math.min(ivl * DAY, room * (0.5 + random())) : 10 * 60_000;
      p = next;
      row++;
    }
  }
  const order = Uint32Array.from({ length: row }, (_, i) => i).sort((a, b) => at[a] - at[b]);

  const cardId = (c) => `bench-${c.toString(36)}`;
  await write(['decks', 'settings'], (tx) => {
    tx.objectStore('decks').put({ id: deckId, title: 'Statistics benchmark', sourceFile: 'bench.txt', builtIn: 0, contentHash: '', createdAt: now - 800 * DAY, updatedAt: now, settings });
    const exam = new Date(now + 60 * DAY);
    const pad = (n) => String(n).padStart(2, '0');
    tx.objectStore('settings').put({ key: 'examDate', value: `${exam.getFullYear()}-${pad(exam.getMonth() + 1)}-${pad(exam.getDate())}` });
  });
  for (let start = 0; start < cards; start += 5000) {
    await write(['cards', 'states'], (tx) => {
      for (let c = start; c < Math.min(cards, start + 5000); c++) {
        const id = cardId(c);
        tx.objectStore('cards').put({
          id, deckId, question: `Benchmark question ${c}: what does service ${c % 97} do?`, answer: `- A point about ${c}\n- Another point`,
          tags: c % 7 === 0 ? ['exam', `set-${c % 5}`] : [`set-${c % 5}`], topics: [`Topic ${c % 24}`], line: c * 3 + 1, ord: c, hidden: 0, addedAt: now - 800 * DAY,
        });
        const l = last.get(c);
        const isNew = l === undefined;
        const stability = isNew ? 0 : Math.max(0.5, (l.ivl || 0.5) * (0.8 + random() * 0.6));
        const due = isNew ? now : l.p === 2 ? l.t + l.ivl * DAY : l.t + 10 * 60_000;
        tx.objectStore('states').put({
          cardId: id, deckId, queue: isNew ? 'new' : l.p === 2 ? 'review' : 'learn', ord: c, hidden: 0, phase: isNew ? 'new' : PHASES[l.p], due,
          stability, difficulty: isNew ? 0 : 1 + random() * 9, elapsedDays: 0, scheduledDays: isNew ? 0 : l.ivl, learningSteps: 0,
          reps: isNew ? 0 : 5, lapses: 0, lastReview: isNew ? null : l.t, suspended: c % 101 === 0 ? 1 : 0, buriedUntil: null,
        });
      }
    });
  }
  const snapshot = (p, t, ivl) => ({
    phase: PHASES[p], due: t + Math.max(ivl, 0.01) * DAY, stability: Math.max(ivl, 0.5), difficulty: 5, elapsedDays: ivl, scheduledDays: ivl,
    learningSteps: 0, reps: 3, lapses: 0, lastReview: t - ivl * DAY, suspended: 0, buriedUntil: null,
  });
  for (let start = 0; start < row; start += 20_000) {
    await write(['reviews'], (tx) => {
      const store = tx.objectStore('reviews');
      for (let k = start; k < Math.min(row, start + 20_000); k++) {
        const i = order[k];
        const p = phase[i];
        store.add({
          cardId: cardId(card[i]), deckId, rating: rating[i], reviewedAt: at[i], durationMs: 2000 + Math.floor(random() * 9000), wasNew: p === 0 ? 1 : 0,
          before: snapshot(p, at[i], interval[i]), after: snapshot(p === 0 ? 1 : 2, at[i], interval[i] * 1.6 + 1),
        });
      }
    });
  }
  db.close();
  return { cards, reviews: row };
}

/** Home screen → #/stats → figures painted; ms from the page's own marks. */
async function timeVisit(page, baseURL) {
  await page.goto(`${baseURL}/`);
  await page.getByRole('heading', { name: 'Decks' }).waitFor({ timeout: 120_000 });
  await page.evaluate(() => {
    performance.mark('bench:navigate');
    window.location.hash = '#/stats';
  });
  await page.locator('main.stats[data-ready="true"]').waitFor({ timeout: 30 * 60_000 });
  return page.evaluate(() => performance.measure('bench:stats', 'bench:navigate', 'retain:stats-rendered').duration);
}

/** Answers `count` cards Good in the seeded deck, through the app (so the change log records them). */
async function study(page, baseURL, count) {
  await page.goto(`${baseURL}/#/study/bench-stats`);
  const question = page.locator('.study-card .question');
  for (let i = 0; i < count; i++) {
    await question.waitFor({ timeout: 120_000 });
    const before = await question.textContent();
    await page.keyboard.press('Space');
    await page.getByRole('button', { name: /^Good/ }).waitFor();
    await page.keyboard.press('3');
    await page.waitForFunction((text) => document.querySelector('.study-card .question')?.textContent !== text, before);
  }
}

/**
 * Drops the day's running totals from the statistics cache, as a new study day does (their key
 * holds the day); the totals kept for chunks older than a year stay, as they do across days.
 */
async function forgetTotals(page) {
  await page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('retain-stats-cache');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('records', 'readwrite');
          const store = tx.objectStore('records');
          const get = store.get('totals');
          get.onsuccess = () => {
            if (!get.result) return;
            const kept = [...get.result.value].filter(([key]) => key.includes('|old|'));
            store.put({ ...get.result, value: new Map(kept) });
          };
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

/**
 * The raw platform for comparison: every review row read once with a plain IndexedDB cursor,
 * which is what any screen that computed its figures from the log itself would pay per visit.
 */
async function rawCursorRead() {
  const db = await new Promise((resolve, reject) => {
    const request = indexedDB.open('retain');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const started = performance.now();
  let ratings = 0;
  await new Promise((resolve, reject) => {
    const request = db.transaction('reviews').objectStore('reviews').openCursor();
    request.onsuccess = () => {
      const cursor = request.result;
      if (!cursor) return resolve();
      ratings += cursor.value.rating;
      cursor.continue();
    };
    request.onerror = () => reject(request.error);
  });
  const elapsed = performance.now() - started;
  db.close();
  return ratings > 0 ? elapsed : Number.NaN;
}

async function benchSize(baseURL, reviews) {
  const profile = mkdtempSync(join(tmpdir(), 'retain-bench-stats-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: chromiumPath(), args: [...CHROMIUM_ARGS], headless: true });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
    await page.goto(`${baseURL}/`);
    await page.getByRole('heading', { name: 'Decks' }).waitFor({ timeout: 120_000 });
    const started = Date.now();
    const seeded = await page.evaluate(seed, { cards: cardsFor(reviews), reviews, now: Date.now(), settings: SETTINGS });
    const seedMs = Date.now() - started;
    const firstVisitMs = await timeVisit(page, baseURL);
    const shown = await page.getByText(/cards, [\d,.\s]+ answers\./).textContent();
    if (!shown?.replace(/\D/g, '').endsWith(String(seeded.reviews))) throw new Error(`the statistics screen did not show the seeded answers: ${shown}`);
    const repeat = [];
    const afterStudy = [];
    const newDay = [];
    for (let i = 0; i < RUNS; i++) repeat.push(await timeVisit(page, baseURL));
    for (let i = 0; i < RUNS; i++) {
      await study(page, baseURL, 5);
      afterStudy.push(await timeVisit(page, baseURL));
    }
    for (let i = 0; i < RUNS; i++) {
      await forgetTotals(page);
      newDay.push(await timeVisit(page, baseURL));
    }
    // Last, so that it cannot warm the database's caches for the visits above.
    const rawReadMs = await page.evaluate(rawCursorRead);
    return { ...seeded, seedMs, firstVisitMs, repeat, afterStudy, newDay, rawReadMs };
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

const ms = (values) => `${median(values).toFixed(0)} ms [${values.map((v) => v.toFixed(0)).join(', ')}]`;

const server = await startServer({ dir: 'dist', port: PORT });
const results = [];
try {
  console.log(`${chromiumVersion()}, headless; ${RUNS} visits per size after the first`);
  for (const reviews of SIZES) {
    const r = await benchSize(`http://localhost:${PORT}`, reviews);
    const target = TARGETS[reviews];
    const verdict = (values) => (target === undefined ? '' : median(values) <= target ? ' ok' : ' MISS');
    console.log(`\n${r.reviews.toLocaleString('en')} answers, ${r.cards.toLocaleString('en')} cards (seeded in ${(r.seedMs / 1000).toFixed(0)} s); target ≤ ${target ?? '?'} ms`);
    console.log(`  visit again, nothing changed:       ${ms(r.repeat)}${verdict(r.repeat)}`);
    console.log(`  visit after answering 5 cards:      ${ms(r.afterStudy)}${verdict(r.afterStudy)}`);
    console.log(`  first visit of a study day:         ${ms(r.newDay)}${verdict(r.newDay)}`);
    console.log(`  first visit ever (reads whole log): ${(r.firstVisitMs / 1000).toFixed(1)} s`);
    console.log(`  raw cursor read of every review:    ${(r.rawReadMs / 1000).toFixed(2)} s`);
    results.push({ ...r, targetMs: target ?? null, medianMs: median(r.afterStudy) });
  }
} finally {
  server.close();
}
console.log(`BENCH_JSON ${JSON.stringify({ sizes: results })}`);
