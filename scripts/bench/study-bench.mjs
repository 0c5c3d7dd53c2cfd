/**
 * Study-loop benchmarks on the production build in Chromium, with a large seeded collection:
 * cold start to the first card, key press to next card painted (and, to tell the app's share
 * from the wait for the display's next frame, key press to next card in the DOM), the commit of
 * one answer against a raw IndexedDB transaction doing the same writes at the same pace, the
 * home counts, and the JS heap.
 */
import { median, percentile, withServedAppOnDisk } from './browser.mjs';
import { seedInPage } from './seed-collection.mjs';

const DECK = 'bench';
// A heavy but plausible day: more new cards and reviews than the defaults, so 300 answers fit.
const SETTINGS = {
  desiredRetention: 0.9, learningSteps: ['1m', '10m'], relearningSteps: ['10m'], maximumIntervalDays: 36500,
  enableFuzz: true, newPerDay: 200, reviewsPerDay: 1000, dayStartHour: 4, leechThreshold: 8, burySiblings: false,
};

/** Installed before the app loads: times every read-write transaction that writes a review. */
function instrument() {
  window.__commits = [];
  window.__latencies = [];
  window.__domLatencies = [];
  const original = IDBDatabase.prototype.transaction;
  IDBDatabase.prototype.transaction = function (stores, mode, ...rest) {
    const tx = original.call(this, stores, mode, ...rest);
    const names = Array.isArray(stores) ? stores : [stores];
    if (mode === 'readwrite' && names.includes('reviews') && names.includes('states')) {
      const started = performance.now();
      tx.addEventListener('complete', () => window.__commits.push(performance.now() - started));
    }
    return tx;
  };
  let pending = null;
  document.addEventListener('keydown', (event) => {
    if (event.key === '3') pending = event.timeStamp;
  }, true);
  const afterPaint = (callback) => requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = callback;
    channel.port2.postMessage(null);
  });
  new MutationObserver(() => {
    if (pending === null || !document.querySelector('.study-card .question') || document.querySelector('.ratings')) return;
    const started = pending;
    pending = null;
    window.__domLatencies.push(performance.now() - started);
    afterPaint(() => window.__latencies.push(performance.now() - started));
  }).observe(document, { subtree: true, childList: true, characterData: true });
}

/**
 * The platform's floor for one answer: the same writes as the app's (read the card's state, put
 * it back, add a review-log row of the same shape) in one raw IndexedDB transaction, on a
 * connection of its own in the same page. It runs once between two of the app's answers, when
 * the page has been idle about as long as before a real answer: measured back to back instead,
 * a transaction takes a fraction of the time it takes after a pause (0.8 against 3.3 ms here),
 * and the ratio would compare a warm loop with a person's pace. Its rows go to a deck of their
 * own and are deleted at the end, so the app's counts never see them.
 */
function rawAnswerTransaction({ deck, cardId }) {
  const request = (r) => new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
  window.__rawDb ??= request(indexedDB.open('retain'));
  return window.__rawDb.then(async (db) => {
    window.__rawReview ??= await request(db.transaction('reviews').objectStore('reviews').openCursor(null, 'prev')).then((cursor) => {
      const { id, ...row } = cursor.value;
      return { ...row, deckId: `${deck}-raw` };
    });
    const review = { ...window.__rawReview, reviewedAt: Date.now() };
    const started = performance.now();
    await new Promise((resolve, reject) => {
      const tx = db.transaction(['states', 'reviews'], 'readwrite');
      const states = tx.objectStore('states');
      const get = states.get(cardId);
      tx.objectStore('reviews').add(review);
      get.onsuccess = () => states.put(get.result);
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
    return performance.now() - started;
  });
}

/** Deletes the raw baseline's review rows and closes its connection. */
function cleanRawAnswers({ deck }) {
  return window.__rawDb?.then((db) => new Promise((resolve) => {
    const tx = db.transaction('reviews', 'readwrite');
    tx.objectStore('reviews').index('[deckId+reviewedAt]').openKeyCursor(IDBKeyRange.bound([`${deck}-raw`, -Infinity], [`${deck}-raw`, Infinity])).onsuccess = (event) => {
      const cursor = event.target.result;
      if (!cursor) return;
      tx.objectStore('reviews').delete(cursor.primaryKey);
      cursor.continue();
    };
    tx.oncomplete = () => {
      db.close();
      resolve();
    };
  }));
}

async function rawCountTimes(page, runs) {
  return page.evaluate(async ({ runs, deck }) => {
    const db = await new Promise((resolve) => {
      const request = indexedDB.open('retain');
      request.onsuccess = () => resolve(request.result);
    });
    const times = [];
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      await new Promise((resolve) => {
        const index = db.transaction('states').objectStore('states').index('[deckId+queue+due]');
        const request = index.count(IDBKeyRange.bound([deck, 'review', -Infinity], [deck, 'review', Date.now() + 86_400_000]));
        request.onsuccess = resolve;
      });
      times.push(performance.now() - started);
    }
    db.close();
    return times;
  }, { runs, deck: DECK });
}

export async function runStudyBench({ cards = 100_000, reviews = 1_000_000, answers = 300, port = 4310, log = console.log } = {}) {
  // On disk, as a person's collection is: cold starts read it from there.
  return withServedAppOnDisk(port, async ({ context }) => {
    await context.addInitScript(instrument);
    const setup = await context.newPage();
    await setup.goto('/');
    await setup.getByRole('heading', { name: 'Decks' }).waitFor();
    await setup.locator('.deck-row').first().waitFor();
    log(`seeding ${cards} cards and ${reviews} review rows…`);
    const seeded = await setup.evaluate(seedInPage, { deckId: DECK, cards, reviews, now: Date.now(), settings: SETTINGS });
    await setup.close();

    // Cold start: a new tab opening straight onto the study screen.
    const coldStarts = [];
    const domReady = [];
    for (let run = 0; run < 5; run++) {
      const page = await context.newPage();
      await page.goto(`/#/study/${DECK}`);
      await page.locator('.study-card .question').waitFor();
      const timing = await page.evaluate(() => ({
        ready: performance.now(),
        dom: performance.getEntriesByType('navigation')[0]?.domContentLoadedEventEnd ?? 0,
      }));
      coldStarts.push(timing.ready);
      domReady.push(timing.dom);
      if (run < 4) await page.close();
    }
    const page = context.pages().at(-1);

    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = await cdp.send('Runtime.getHeapUsage');

    log(`answering ${answers} cards…`);
    const raw = [];
    for (let i = 0; i < answers; i++) {
      raw.push(await page.evaluate(rawAnswerTransaction, { deck: DECK, cardId: `${DECK}-${(i + 1).toString(36)}` }));
      await page.keyboard.press('Space');
      await page.locator('.ratings').waitFor();
      const before = await page.evaluate(() => window.__latencies.length);
      await page.keyboard.press('3');
      await page.waitForFunction((n) => window.__latencies.length > n, before);
    }
    const latencies = await page.evaluate(() => window.__latencies);
    const domLatencies = await page.evaluate(() => window.__domLatencies);
    const commits = await page.evaluate(() => window.__commits);
    await page.evaluate(cleanRawAnswers, { deck: DECK });

    const homeTimes = [];
    for (let run = 0; run < 7; run++) {
      // Leave home for a screen that reads nothing, so each run mounts home from scratch.
      await page.evaluate(() => { window.location.hash = '#/bench-blank'; });
      await page.getByRole('heading', { name: 'Page not found' }).waitFor();
      const elapsed = await page.evaluate(() => new Promise((resolve) => {
        const started = performance.now();
        const check = () => {
          const row = [...document.querySelectorAll('.deck-row')].find((el) => el.textContent.includes('Benchmark deck'));
          if (row && row.querySelector('.count.due dd')) resolve(performance.now() - started);
          else requestAnimationFrame(check);
        };
        window.location.hash = '#/';
        check();
      }));
      homeTimes.push(elapsed);
    }
    const rawCounts = await rawCountTimes(page, 7);

    return {
      seeded,
      coldStartMs: median(coldStarts),
      domContentLoadedMs: median(domReady),
      heapMB: heap.usedSize / 1024 / 1024,
      paintP50: percentile(latencies, 50),
      paintP95: percentile(latencies, 95),
      domP50: percentile(domLatencies, 50),
      domP95: percentile(domLatencies, 95),
      commitMs: median(commits),
      rawCommitMs: median(raw),
      commitRatio: median(commits) / median(raw),
      homeCountsMs: median(homeTimes),
      rawCountMs: median(rawCounts),
    };
  });
}

// node scripts/bench/study-bench.mjs [cards] [reviews] [answers] [--port 4310]
if (import.meta.url === `file://${process.argv[1]}`) {
  const portAt = process.argv.indexOf('--port');
  const port = portAt > 0 ? Number(process.argv[portAt + 1]) : 4310;
  const [cards = 100_000, reviews = 1_000_000, answers = 300] = process.argv.slice(2, portAt > 0 ? portAt : undefined).map(Number);
  runStudyBench({ cards, reviews, answers, port, log: (m) => console.error(m) }).then((r) => console.log(`BENCH_JSON ${JSON.stringify(r)}`));
}
