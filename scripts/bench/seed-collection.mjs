/**
 * Seeds a large collection straight into the app's IndexedDB, in the page, with the raw
 * IndexedDB API (rows shaped as src/db/rows.ts declares them). Used by the benchmarks to
 * reach 100,000 cards and 1,000,000 review rows in seconds rather than by playing them.
 *
 * Runs inside the browser: keep it self-contained (no imports, no closures over Node values).
 */
export async function seedInPage({ deckId, cards, reviews, now, settings }) {
  const DAY = 86_400_000;
  let seed = 12345;
  const random = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
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
      const tx = db.transaction(stores, 'readwrite');
      fill(tx);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });

  await write(['decks'], (tx) =>
    tx.objectStore('decks').put({ id: deckId, title: 'Benchmark deck', sourceFile: 'bench.txt', builtIn: 0, contentHash: '', createdAt: now, updatedAt: now, settings }),
  );
  const ids = [];
  const BATCH = 5_000;
  for (let start = 0; start < cards; start += BATCH) {
    await write(['cards', 'states'], (tx) => {
      const cardStore = tx.objectStore('cards');
      const stateStore = tx.objectStore('states');
      for (let i = start; i < Math.min(cards, start + BATCH); i++) {
        const id = `bench-${i.toString(36)}`;
        ids.push(id);
        cardStore.put({
          id, deckId, question: `Benchmark question ${i}: what does service ${i % 97} do about ${i % 13}?`,
          answer: `- First point about ${i}\n- Second point\n  - nested detail ${i % 7}`,
          tags: i % 10 === 0 ? ['Development'] : [], topics: [`Topic ${i % 20}`], line: i * 3 + 2, ord: i, hidden: 0, addedAt: now - DAY * 400,
        });
        const kind = random();
        const isNew = kind < 0.4;
        const learning = !isNew && kind < 0.45;
        const due = isNew ? now : now + Math.round((random() * 60 - 20) * DAY);
        const stability = isNew ? 0 : 1 + random() * 200;
        stateStore.put({
          cardId: id, deckId, queue: isNew ? 'new' : learning ? 'learn' : 'review', ord: i, hidden: 0,
          phase: isNew ? 'new' : learning ? 'learning' : 'review', due, stability, difficulty: isNew ? 0 : 1 + random() * 9,
          elapsedDays: 0, scheduledDays: isNew ? 0 : Math.round(stability), learningSteps: 0, reps: isNew ? 0 : 1 + Math.floor(random() * 10),
          lapses: isNew ? 0 : Math.floor(random() * 3), lastReview: isNew ? null : due - Math.round(stability * DAY), suspended: 0, buriedUntil: null,
        });
      }
    });
  }
  const seen = ids.filter((_, i) => i % 5 !== 0);
  for (let start = 0; start < reviews; start += BATCH * 4) {
    await write(['reviews'], (tx) => {
      const store = tx.objectStore('reviews');
      for (let i = start; i < Math.min(reviews, start + BATCH * 4); i++) {
        const cardId = seen[i % seen.length];
        const reviewedAt = now - DAY - Math.floor(random() * 365 * DAY);
        const snapshot = { phase: 'review', due: reviewedAt, stability: 10, difficulty: 5, elapsedDays: 10, scheduledDays: 10, learningSteps: 0, reps: 3, lapses: 0, lastReview: reviewedAt - 10 * DAY, suspended: 0, buriedUntil: null };
        store.add({ cardId, deckId, rating: 1 + Math.floor(random() * 4), reviewedAt, durationMs: 2000 + Math.floor(random() * 8000), wasNew: 0, before: snapshot, after: { ...snapshot, due: reviewedAt + 20 * DAY } });
      }
    });
  }
  db.close();
  return { cards: ids.length, reviews };
}
