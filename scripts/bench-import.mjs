/**
 * Import benchmark: a generated 50,000-card deck text imported through the "Import deck"
 * file chooser of the production build, in the system Chromium. Measures, in the page's
 * clock, file chosen -> preview shown (read + parse + diff in the worker) and Confirm ->
 * deck listed on home (one transaction), and how responsive the page stayed meanwhile: the
 * longest main-thread task (PerformanceObserver 'longtask', which reports tasks of 50 ms or
 * more) and the longest gap between ticks of a 10 ms timer.
 *
 * Next to the commit it measures the platform's floor in the same run and browser: the very
 * rows the import stored (read back from the app's database) written again with the raw
 * IndexedDB API, from a worker as the app writes them, into a scratch database with the same
 * object stores and indexes, in one transaction. The commit cannot be faster than that; the
 * ratio says how much the app adds. It also times one put per card of a row holding nothing but
 * its key, in a store without indexes: the floor under any layout that stores a row per card.
 * Each phase also reports the CPU time Chromium's processes
 * used (from /proc), which other people's jobs on a shared machine disturb far less than the
 * wall clock, and each run the load average.
 *
 * Every run uses a fresh browser profile on disk (an empty collection). Medians over --runs.
 *
 * Usage: npm run build && node scripts/bench-import.mjs [--cards 50000] [--port 4399] [--budget-ms 5000] [--runs 3]
 * Prints one line per run, the medians, and a final line
 *   BENCH_JSON {"cards", "megabytes", "runs", "budgetMs", "previewMs", "commitMs", "totalMs",
 *               "commitCpuMs", "rawWriteMs", "rawWriteCpuMs", "rawRows", "rawBareMs", "longestTaskMs",
 *               "maxTimerGapMs", "loadAverage": [start, end], "perRun": [...]}
 * (milliseconds; medians over the runs; CPU figures null where /proc is missing).
 * Exits with 1 when the median total is over budget or the page reported an error.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { median, withServedAppOnDisk } from './bench/browser.mjs';
import { chromiumVersion } from './chromium.mjs';
import { childrenCpuMs } from './bench/process-cpu.mjs';

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? Number(process.argv[i + 1]) : fallback;
}

const CARDS = option('cards', 50_000);
const PORT = option('port', 4399);
const BUDGET_MS = option('budget-ms', 5_000);
const RUNS = option('runs', 3);
const TITLE = 'Generated Deck';
const DECK_ID = 'generated-deck';

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
 * Worker body of the raw baseline (stringified into a blob worker on the app's origin), driven
 * by three messages so that only the write itself falls between the CPU readings: 'prepare'
 * reads the deck's card and state rows and the two stores' schema from the app's database and
 * creates a scratch database shaped alike; 'write' times one read-write transaction putting
 * the same rows into it; 'clean' deletes it.
 */
function rawWriteWorker() {
  const request = (r) => new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
  const names = ['cards', 'states'];
  const scratchName = `bench-raw-${Math.random().toString(36).slice(2)}`;
  let rows;
  let scratch;

  async function prepare(deckId) {
    const app = await request(indexedDB.open('retain'));
    const read = app.transaction(names, 'readonly');
    const schema = names.map((name) => {
      const store = read.objectStore(name);
      const indexes = [...store.indexNames].map((index) => {
        const { keyPath, unique, multiEntry } = store.index(index);
        return { index, keyPath, unique, multiEntry };
      });
      return { name, keyPath: store.keyPath, autoIncrement: store.autoIncrement, indexes };
    });
    rows = {};
    for (const name of names) rows[name] = (await request(read.objectStore(name).getAll())).filter((row) => row.deckId === deckId);
    app.close();
    const open = indexedDB.open(scratchName, 1);
    open.onupgradeneeded = () => {
      for (const { name, keyPath, autoIncrement, indexes } of schema) {
        const store = open.result.createObjectStore(name, { keyPath, autoIncrement });
        for (const { index, keyPath: path, unique, multiEntry } of indexes) store.createIndex(index, path, { unique, multiEntry });
      }
      open.result.createObjectStore('bare', { keyPath: 'id' });
    };
    scratch = await request(open);
    return { rows: rows.cards.length + rows.states.length };
  }

  async function write() {
    const started = performance.now();
    await new Promise((resolve, reject) => {
      const transaction = scratch.transaction(names, 'readwrite');
      transaction.oncomplete = resolve;
      transaction.onerror = () => reject(transaction.error);
      for (const name of names) {
        const store = transaction.objectStore(name);
        for (const row of rows[name]) store.put(row);
      }
    });
    return { ms: performance.now() - started };
  }

  /** The floor under any per-card layout: one put per card of a row holding only its key, no index. */
  async function bare() {
    const started = performance.now();
    await new Promise((resolve, reject) => {
      const transaction = scratch.transaction('bare', 'readwrite');
      transaction.oncomplete = resolve;
      transaction.onerror = () => reject(transaction.error);
      const store = transaction.objectStore('bare');
      for (let id = 0; id < rows.cards.length; id++) store.put({ id });
    });
    return { ms: performance.now() - started, rows: rows.cards.length };
  }

  async function clean() {
    scratch.close();
    await request(indexedDB.deleteDatabase(scratchName));
    return {};
  }

  self.onmessage = async ({ data }) => {
    const step = { prepare, write, bare, clean }[data.step];
    self.postMessage(await step(data.deckId));
  };
}

/** Runs in the page: one step of the raw baseline, in a blob worker started by the first step. */
function rawWriteStep({ source, step, deckId }) {
  if (window.__rawWriter === undefined) {
    const url = URL.createObjectURL(new Blob([`(${source})()`], { type: 'text/javascript' }));
    window.__rawWriter = new Worker(url);
  }
  const worker = window.__rawWriter;
  return new Promise((resolve, reject) => {
    worker.onmessage = ({ data }) => resolve(data);
    worker.onerror = (event) => reject(new Error(event.message));
    worker.postMessage({ step, deckId });
  });
}

async function oneRun(port) {
  const load = [loadavg()[0]];
  // A fresh profile on disk each run: an empty collection, stored where a person's is.
  return withServedAppOnDisk(port, async ({ context }) => measureImport(context, load));
}

async function measureImport(context, load) {
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
  await deck.getByText(`${CARDS.toLocaleString('en')} cards`, { exact: false }).first().waitFor({ timeout: 120_000 });
  await dialog.getByRole('button', { name: 'Confirm import' }).waitFor();
  const previewed = await now();

  const cpuBeforeCommit = childrenCpuMs();
  await dialog.getByRole('button', { name: 'Confirm import' }).click();
  const confirmed = await now();
  await page.getByRole('heading', { name: TITLE, exact: true }).waitFor({ timeout: 180_000 });
  await dialog.waitFor({ state: 'hidden' });
  const listed = await now();
  const cpuAfterCommit = childrenCpuMs();
  const listedCards = await page.getByRole('listitem').filter({ hasText: TITLE }).getByText(/cards$/).textContent();

  const watch = await page.evaluate(() => {
    const state = window.__importBench;
    clearInterval(state.timer);
    return { longTasks: state.longTasks, maxGap: state.maxGap, observed: state.observed };
  });

  const rawStep = (step) => page.evaluate(rawWriteStep, { source: rawWriteWorker.toString(), step, deckId: DECK_ID });
  const { rows: rawRows } = await rawStep('prepare');
  const cpuBeforeRaw = childrenCpuMs();
  const { ms: rawWriteMs } = await rawStep('write');
  const cpuAfterRaw = childrenCpuMs();
  const { ms: rawBareMs } = await rawStep('bare');
  await rawStep('clean');
  load.push(loadavg()[0]);

  const cpu = (before, after) => (before === null || after === null ? null : after - before);
  const previewMs = previewed - chosen;
  const commitMs = listed - confirmed;
  return {
    previewMs,
    commitMs,
    totalMs: previewMs + commitMs,
    commitCpuMs: cpu(cpuBeforeCommit, cpuAfterCommit),
    rawWriteMs,
    rawWriteCpuMs: cpu(cpuBeforeRaw, cpuAfterRaw),
    rawRows,
    rawBareMs,
    listedCards,
    longestTaskMs: watch.longTasks.length === 0 ? 0 : Math.max(...watch.longTasks),
    longTasks: watch.longTasks.length,
    longTasksObserved: watch.observed,
    maxTimerGapMs: watch.maxGap,
    loadAverage: load,
    errors,
  };
}

const round = (ms) => (ms === null ? 'n/a' : `${Math.round(ms)} ms`);
const medianOf = (runs, key) => (runs.some((run) => run[key] === null) ? null : median(runs.map((run) => run[key])));

try {
  const startLoad = loadavg()[0];
  const runs = await (async () => {
    const results = [];
    for (let i = 0; i < RUNS; i++) {
      const run = await oneRun(PORT);
      results.push(run);
      console.log(
        `run ${i + 1}: preview ${round(run.previewMs)}, commit ${round(run.commitMs)} (cpu ${round(run.commitCpuMs)}), ` +
          `raw write ${round(run.rawWriteMs)} (cpu ${round(run.rawWriteCpuMs)}, ${run.rawRows.toLocaleString('en')} rows), ` +
          `total ${round(run.totalMs)}; home lists "${run.listedCards}"; load ${run.loadAverage.map((l) => l.toFixed(1)).join(' -> ')}`,
      );
    }
    return results;
  })();
  const endLoad = loadavg()[0];

  const summary = Object.fromEntries(
    ['previewMs', 'commitMs', 'totalMs', 'commitCpuMs', 'rawWriteMs', 'rawWriteCpuMs', 'rawRows', 'rawBareMs', 'longestTaskMs', 'maxTimerGapMs'].map((key) => [key, medianOf(runs, key)]),
  );
  const errors = runs.flatMap((run) => run.errors);
  const ratio = (a, b) => (a === null || b === null || b === 0 ? 'n/a' : `${(a / b).toFixed(2)}×`);
  console.log(`\nImport of ${CARDS.toLocaleString('en')} cards (${megabytes.toFixed(1)} MB) in ${chromiumVersion()}; medians of ${RUNS} runs`);
  console.log(`  chosen -> preview shown:   ${round(summary.previewMs)}`);
  console.log(`  confirm -> deck on home:   ${round(summary.commitMs)}  (cpu ${round(summary.commitCpuMs)})`);
  console.log(`  raw IndexedDB, same rows:  ${round(summary.rawWriteMs)}  (cpu ${round(summary.rawWriteCpuMs)}; commit/raw: ${ratio(summary.commitMs, summary.rawWriteMs)} wall, ${ratio(summary.commitCpuMs, summary.rawWriteCpuMs)} cpu)`);
  console.log(`  raw, one bare row per card: ${round(summary.rawBareMs)}  (${CARDS.toLocaleString('en')} puts of { id }, no index: the cost of a row, whatever it holds)`);
  console.log(`  total:                     ${round(summary.totalMs)}  (budget ${round(BUDGET_MS)})`);
  if (runs.some((run) => !run.longTasksObserved)) console.log('  (this Chromium does not report long tasks; only the timer gap below applies)');
  console.log(`  longest main-thread task:  ${round(summary.longestTaskMs)}`);
  console.log(`  longest 10 ms timer gap:   ${round(summary.maxTimerGapMs)}`);
  console.log(`  load average (1 min):      ${startLoad.toFixed(1)} at start, ${endLoad.toFixed(1)} at end, on ${cpus().length} cores`);
  if (errors.length > 0) console.log(`  page errors: ${errors.join(' | ')}`);
  const perRun = runs.map(({ errors: _errors, longTasksObserved: _observed, listedCards: _listed, ...figures }) => figures);
  console.log(`BENCH_JSON ${JSON.stringify({ cards: CARDS, megabytes, runs: RUNS, budgetMs: BUDGET_MS, ...summary, errors, loadAverage: [startLoad, endLoad], perRun })}`);
  process.exitCode = summary.totalMs <= BUDGET_MS && errors.length === 0 ? 0 : 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
