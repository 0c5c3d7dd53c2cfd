/**
 * Import benchmark: a generated 50,000-card deck text imported through the "Import deck"
 * file chooser of the production build, in the system Chromium. Measures, in the page's
 * clock, file chosen -> preview shown (read + parse + diff in the worker) and Confirm ->
 * deck listed on home (one transaction), and how responsive the page stayed meanwhile: the
 * longest main-thread task (PerformanceObserver 'longtask', which reports tasks of 50 ms or
 * more) and the longest gap between ticks of a 10 ms timer.
 *
 * Each run imports into a fresh browser context (an empty database); figures are medians of
 * --runs. Beside them, the raw platform: the same rows written with plain IndexedDB puts.
 *
 * Usage: npm run build && node scripts/bench-import.mjs [--cards 50000] [--port 4399] [--budget-ms 5000] [--runs 1]
 * Exits with 1 when the total is over budget. The last line, `BENCH_JSON {...}`, is for scripts/bench.mjs.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { median, withServedApp } from './bench/browser.mjs';
import { chromiumVersion } from './chromium.mjs';

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? Number(process.argv[i + 1]) : fallback;
}

const CARDS = option('cards', 50_000);
const PORT = option('port', 4399);
const BUDGET_MS = option('budget-ms', 5_000);
const RUNS = option('runs', 1);
const TITLE = 'Generated Deck';

const dir = mkdtempSync(join(tmpdir(), 'retain-bench-import-'));
const file = join(dir, `generated-${CARDS}.txt`);
execFileSync('npx', ['tsx', 'scripts/gen-deck.ts', String(CARDS), file], { stdio: 'inherit' });
const megabytes = statSync(file).size / 1024 / 1024;

/** Installed before the import starts: records long tasks and timer gaps until read. */
function watchResponsiveness() {
  const state = { longTasks: [], maxGap: 0, last: performance.now(), observed: PerformanceObserver.supportedEntryTypes.includes('longtask') };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) state.longTasks.push(entry.duration);
  }).observe({ type: 'longtask' });
  state.timer = setInterval(() => {
    const now = performance.now();
    state.maxGap = Math.max(state.maxGap, now - state.last);
    state.last = now;
  }, 10);
  window.__importBench = state;
}

/**
 * The raw platform for comparison, in the same page: the imported deck's card and state rows
 * read back, given new ids, and written with plain IndexedDB puts in one transaction (the
 * copies are deleted after each sample). This is the database write alone: no file reading,
 * parsing, diffing or rendering.
 */
async function rawBulkWrite({ title, samples }) {
  const request = (r) => new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
  const done = (tx) => new Promise((resolve, reject) => {
    tx.oncomplete = resolve;
    tx.onerror = () => reject(tx.error);
  });
  const db = await request(indexedDB.open('retain'));
  const read = db.transaction(['decks', 'cards', 'states']);
  const deck = (await request(read.objectStore('decks').getAll())).find((d) => d.title === title);
  const cards = await request(read.objectStore('cards').index('deckId').getAll(deck.id));
  const states = await request(read.objectStore('states').index('deckId').getAll(deck.id));
  const times = [];
  for (let i = 0; i < samples; i++) {
    const prefix = `raw-bench-${i}-`;
    const cardCopies = cards.map((c) => ({ ...c, id: prefix + c.id, deckId: 'raw-bench' }));
    const stateCopies = states.map((st) => ({ ...st, cardId: prefix + st.cardId, deckId: 'raw-bench' }));
    const started = performance.now();
    const write = db.transaction(['cards', 'states'], 'readwrite');
    for (const row of cardCopies) write.objectStore('cards').put(row);
    for (const row of stateCopies) write.objectStore('states').put(row);
    await done(write);
    times.push(performance.now() - started);
    const clean = db.transaction(['cards', 'states'], 'readwrite');
    const copies = IDBKeyRange.bound(prefix, `${prefix}\uffff`);
    clean.objectStore('cards').delete(copies);
    clean.objectStore('states').delete(copies);
    await done(clean);
  }
  db.close();
  return { rows: cards.length + states.length, times };
}

/** One import in a fresh browser context (an empty database), then the raw write beside it. */
async function importOnce(browser, baseURL) {
  const context = await browser.newContext({ baseURL });
  try {
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    await page.goto('/');
    await page.getByRole('heading', { name: 'Decks' }).waitFor();
    await page.evaluate(watchResponsiveness);
    const now = () => page.evaluate(() => performance.now());

    const chosen = await now();
    await page.getByLabel('Import deck').setInputFiles(file);
    const dialog = page.getByRole('dialog');
    const deck = dialog.getByRole('region', { name: `Deck ${TITLE}` });
    await deck.getByText(`${CARDS.toLocaleString('en')} cards`, { exact: false }).first().waitFor({ timeout: 60_000 });
    await dialog.getByRole('button', { name: 'Confirm import' }).waitFor();
    const previewed = await now();

    await dialog.getByRole('button', { name: 'Confirm import' }).click();
    const confirmed = await now();
    await page.getByRole('heading', { name: TITLE, exact: true }).waitFor({ timeout: 60_000 });
    await dialog.waitFor({ state: 'hidden' });
    const listed = await now();
    const listedCards = await page.getByRole('listitem').filter({ hasText: TITLE }).getByText(/cards$/).textContent();

    const watch = await page.evaluate(() => {
      const state = window.__importBench;
      clearInterval(state.timer);
      return { longTasks: state.longTasks, maxGap: state.maxGap, observed: state.observed };
    });
    const raw = await page.evaluate(rawBulkWrite, { title: TITLE, samples: 3 });
    return {
      previewMs: previewed - chosen,
      commitMs: listed - confirmed,
      totalMs: previewed - chosen + (listed - confirmed),
      longestTaskMs: watch.longTasks.length === 0 ? 0 : Math.max(...watch.longTasks),
      longTasks: watch.longTasks.length,
      maxGapMs: watch.maxGap,
      longTasksObserved: watch.observed,
      listedCards,
      raw,
      errors,
    };
  } finally {
    await context.close();
  }
}

try {
  const runs = await withServedApp(PORT, async ({ browser, baseURL }) => {
    const results = [];
    for (let run = 0; run < RUNS; run++) results.push(await importOnce(browser, baseURL));
    return results;
  });
  const mid = (key) => median(runs.map((r) => r[key]));
  const rawTimes = runs.flatMap((r) => r.raw.times);
  const errors = runs.flatMap((r) => r.errors);
  const totalMs = mid('totalMs');
  const round = (ms) => `${Math.round(ms)} ms`;
  const each = (key) => (RUNS > 1 ? `  [${runs.map((r) => Math.round(r[key])).join(', ')}]` : '');
  console.log(`\nImport of ${CARDS.toLocaleString('en')} cards (${megabytes.toFixed(1)} MB) in ${chromiumVersion()}, median of ${RUNS}`);
  console.log(`  chosen -> preview shown:   ${round(mid('previewMs'))}${each('previewMs')}`);
  console.log(`  confirm -> deck on home:   ${round(mid('commitMs'))}${each('commitMs')}  (home lists "${runs[0].listedCards}")`);
  console.log(`  total:                     ${round(totalMs)}${each('totalMs')}  (budget ${round(BUDGET_MS)})`);
  console.log(`  raw IndexedDB put of the same ${runs[0].raw.rows.toLocaleString('en')} card and state rows, one transaction: ${round(median(rawTimes))}`);
  if (!runs[0].longTasksObserved) console.log('  (this Chromium does not report long tasks; only the timer gap below applies)');
  console.log(`  longest main-thread task:  ${round(mid('longestTaskMs'))}  (${runs.map((r) => r.longTasks).join(', ')} tasks of 50 ms or more)`);
  console.log(`  longest 10 ms timer gap:   ${round(mid('maxGapMs'))}`);
  if (errors.length > 0) console.log(`  page errors: ${errors.join(' | ')}`);
  const report = {
    cards: CARDS, megabytes, runs: RUNS, totalMs, previewMs: mid('previewMs'), commitMs: mid('commitMs'),
    rawWriteMs: median(rawTimes), rawRows: runs[0].raw.rows, longestTaskMs: mid('longestTaskMs'), maxGapMs: mid('maxGapMs'), errors,
  };
  console.log(`BENCH_JSON ${JSON.stringify(report)}`);
  process.exitCode = totalMs <= BUDGET_MS && errors.length === 0 ? 0 : 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
