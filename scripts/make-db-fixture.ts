/**
 * Writes tests/fixtures/db/v<N>.json: a small collection made by the app's own database code
 * at the current schema version N (in fake-indexeddb), dumped table by table together with the
 * schema that version declares. tests/unit/db/migrations.test.ts rebuilds that database from
 * the file and opens it with the current code, so every earlier version stays openable.
 *
 * Run it once, right after adding a schema version, and commit the file. An existing fixture
 * is never overwritten: it must stay what that version really wrote, not what later code writes.
 *
 * CLI: npx tsx scripts/make-db-fixture.ts
 */
// Local-time features (bury, set due date) follow the zone; fix it so the file is reproducible.
process.env.TZ = 'UTC';

import 'fake-indexeddb/auto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buryCards, resetCards, setCardsDue, suspendCards } from '../src/db/card-actions.ts';
import { db } from '../src/db/database.ts';
import { saveDeckSettings } from '../src/db/deck-settings-writes.ts';
import { saveDeckVersion } from '../src/db/deck-writes.ts';
import { loadStudyBatch } from '../src/db/study-reads.ts';
import { recordAnswer, undoAnswer } from '../src/db/study-writes.ts';
import { saveTheme } from '../src/db/theme-setting.ts';
import { parse } from '../src/domain/deck/parse.ts';
import { createScheduler } from '../src/domain/scheduling/scheduler.ts';
import type { Rating } from '../src/domain/scheduling/types.ts';
import { DEFAULT_DECK_SETTINGS } from '../src/domain/settings/deck-settings.ts';

const OUT_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../tests/fixtures/db');
const T0 = Date.parse('2026-01-05T09:00:00Z');
const MINUTE = 60_000;
const DAY = 86_400_000;
const at = (ms: number) => new Date(T0 + ms);

const DECK_TEXT = `Fixture: storage
What does IndexedDB store?
Storage
- Structured clones of values
- Keyed by a primary key
  - With optional indexes
What is a “transaction”?
All or nothing: **every** write lands or none does.
Which characters survive a round trip?
- Ünïcödé, emoji 🧠, <b>markup as text</b>, tabs\tand "quotes"
What is FSRS?
- Free Spaced Repetition Scheduler
What is a leech?
- A card forgotten again and again
What card is removed in version 2?
- This one: it stays hidden with its history
`;

const BUILT_IN_TEXT = `Fixture: built in
What is a built-in deck?
- A deck shipped with the app
`;

async function answer(deckId: string, cardId: string, rating: Rating, now: Date) {
  const deck = await db.decks.get(deckId);
  if (!deck) throw new Error(`no deck ${deckId}`);
  const batch = await loadStudyBatch(deckId, deck.settings, now, { mode: 'cram' });
  const schedule = [...batch.learning, ...batch.reviews, ...batch.newCards].find((s) => s.cardId === cardId);
  if (!schedule) throw new Error(`card ${cardId} is not studyable at ${now.toISOString()}`);
  const entry = createScheduler(deck.settings).answer(schedule, rating, now, 1500 + rating * 700);
  return { entry, id: await recordAnswer(entry) };
}

async function build(): Promise<void> {
  const deck = parse(DECK_TEXT, 'fixture-storage.txt');
  const ids = deck.cards.map((card) => card.id);
  const [store, transaction, unicode, fsrs, leech, removed] = ids;
  if (!store || !transaction || !unicode || !fsrs || !leech || !removed) throw new Error('the fixture deck lost cards');
  await saveDeckVersion(deck, { builtIn: false, contentHash: '', now: at(0) });
  await saveDeckVersion(parse(BUILT_IN_TEXT, 'fixture-built-in.txt'), { builtIn: true, contentHash: 'sha256-fixture', now: at(0) });
  await saveDeckSettings(deck.id, { ...DEFAULT_DECK_SETTINGS, desiredRetention: 0.85, newPerDay: 5, learningSteps: ['2m', '15m'] }, at(MINUTE));

  await answer(deck.id, store, 3, at(10 * MINUTE));
  await answer(deck.id, store, 3, at(30 * MINUTE));
  await answer(deck.id, store, 1, at(4 * DAY));
  await answer(deck.id, transaction, 4, at(11 * MINUTE));
  const undone = await answer(deck.id, transaction, 2, at(12 * MINUTE));
  await undoAnswer(undone.id, undone.entry);
  await answer(deck.id, unicode, 3, at(13 * MINUTE));
  await resetCards([unicode], at(DAY));
  await answer(deck.id, fsrs, 3, at(14 * MINUTE));
  await answer(deck.id, fsrs, 3, at(40 * MINUTE));
  await setCardsDue([fsrs], '2026-02-01', at(DAY));
  await answer(deck.id, leech, 1, at(15 * MINUTE));
  await suspendCards([leech], true);
  await answer(deck.id, removed, 2, at(16 * MINUTE));
  await buryCards([transaction], at(DAY));
  // Version 2 of the deck drops the last card: it is hidden, its state and history kept.
  await saveDeckVersion({ ...deck, cards: deck.cards.slice(0, -1) }, { builtIn: false, contentHash: '', now: at(2 * DAY) });
  await saveTheme('dark');
}

/** The declared schema of each table as Dexie's stores() strings, e.g. "++id, cardId". */
function declaredSchema(): Record<string, string> {
  return Object.fromEntries(
    db.tables.map((table) => [table.name, [table.schema.primKey.src, ...table.schema.indexes.map((index) => index.src)].join(', ')]),
  );
}

async function dump(): Promise<Record<string, unknown[]>> {
  const tables: Record<string, unknown[]> = {};
  for (const table of db.tables) tables[table.name] = await table.toArray();
  return tables;
}

async function main(): Promise<void> {
  await db.open();
  const version = db.verno;
  const out = resolve(OUT_DIR, `v${version}.json`);
  if (existsSync(out)) throw new Error(`${out} exists; fixtures of earlier versions are never regenerated.`);
  await build();
  const fixture = { version, schema: declaredSchema(), tables: await dump() };
  mkdirSync(OUT_DIR, { recursive: true });
  writeFileSync(out, `${JSON.stringify(fixture, null, 2)}\n`);
  console.log(`Wrote ${out}: ${Object.entries(fixture.tables).map(([name, rows]) => `${rows.length} ${name}`).join(', ')}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
