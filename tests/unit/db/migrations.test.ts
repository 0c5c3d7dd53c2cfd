/**
 * Every earlier schema version opens in the current one with every row intact. Each version
 * has a fixture made by the app's own code at that version (scripts/make-db-fixture.ts): the
 * database is rebuilt from it exactly as that version declared it, then opened by the current
 * RetainDatabase, read back table by table, used through the app's reads, and checked with
 * "Check database".
 *
 * Adding schema version N: run the script (it writes tests/fixtures/db/vN.json), add a row to
 * VERSIONS for it, and give every earlier row's `upgrade` what N's upgrade() does to rows.
 */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkDatabase, problemCount } from '../../../src/db/check-database.ts';
import { HEAD_SEQ } from '../../../src/db/change-log.ts';
import { DATABASE_NAME, LEGACY_CHANGE_LOG_KEY, db } from '../../../src/db/database.ts';
import { listDecks } from '../../../src/db/deck-reads.ts';
import { loadStudyBatch } from '../../../src/db/study-reads.ts';
import { readTheme } from '../../../src/db/theme-setting.ts';

type Tables = Record<string, unknown[]>;

interface Fixture {
  version: number;
  /** Dexie stores() strings of that version, table by table. */
  schema: Record<string, string>;
  tables: Tables;
}

interface VersionCase {
  version: number;
  /** The rows the current version should hold after its upgrades ran on this version's rows. */
  upgrade: (tables: Tables) => Tables;
}

/** Version 2 adds the change log's table (holding only its head after an upgrade) and drops its old settings row. */
const toVersion2 = (tables: Tables): Tables => ({
  ...tables,
  settings: (tables.settings ?? []).filter((row) => (row as { key?: unknown }).key !== LEGACY_CHANGE_LOG_KEY),
  changes: [{ seq: HEAD_SEQ, epoch: expect.stringMatching(/^[0-9a-f]{24}$/), since: { reviews: 0, states: 0, cards: 0 } }],
});

const VERSIONS: readonly VersionCase[] = [
  { version: 1, upgrade: toVersion2 },
  { version: 2, upgrade: (tables) => tables },
];

const loadFixture = (version: number): Fixture =>
  JSON.parse(readFileSync(resolve(import.meta.dirname, `../../fixtures/db/v${version}.json`), 'utf8')) as Fixture;

/** Creates the database as version `fixture.version` declared it and fills it with the fixture's rows. */
async function createOldDatabase(fixture: Fixture): Promise<void> {
  db.close();
  await Dexie.delete(DATABASE_NAME);
  const old = new Dexie(DATABASE_NAME);
  old.version(fixture.version).stores(fixture.schema);
  await old.open();
  await old.transaction('rw', old.tables, async () => {
    for (const [name, rows] of Object.entries(fixture.tables)) await old.table(name).bulkAdd(rows);
  });
  expect(old.backendDB().version, 'Dexie stores version n as n * 10').toBe(fixture.version * 10);
  old.close();
}

async function readAll(): Promise<Tables> {
  const tables: Tables = {};
  for (const table of db.tables) tables[table.name] = await table.toArray();
  return tables;
}

function nativeIndexes(): Record<string, string[]> {
  const idb = db.backendDB();
  const names = [...idb.objectStoreNames];
  const transaction = idb.transaction(names, 'readonly');
  return Object.fromEntries(names.map((name) => [name, [...transaction.objectStore(name).indexNames].sort()]));
}

function declaredIndexes(): Record<string, string[]> {
  return Object.fromEntries(db.tables.map((table) => [table.name, table.schema.indexes.map((index) => index.name).sort()]));
}

afterAll(async () => {
  db.close();
  await Dexie.delete(DATABASE_NAME);
});

describe('schema migrations', () => {
  it('the newest fixture is of the current schema version and declares the current schema', () => {
    const newest = Math.max(...VERSIONS.map((v) => v.version));
    expect(newest, 'a new db.version() needs a fixture: run scripts/make-db-fixture.ts').toBe(db.verno);
    const declared = Object.fromEntries(
      db.tables.map((table) => [table.name, [table.schema.primKey.src, ...table.schema.indexes.map((index) => index.src)].join(', ')]),
    );
    expect(loadFixture(newest).schema, 'the schema changed without a new version').toEqual(declared);
  });

  it('drops the change log row a version-1 database kept in settings', async () => {
    const fixture = loadFixture(1);
    const legacy = { key: LEGACY_CHANGE_LOG_KEY, value: { epoch: 'abc', seq: 3, tables: {} } };
    await createOldDatabase({ ...fixture, tables: { ...fixture.tables, settings: [...(fixture.tables.settings ?? []), legacy] } });
    await db.open();
    expect(await db.settings.get(LEGACY_CHANGE_LOG_KEY)).toBeUndefined();
    expect(await readTheme()).toBe('dark');
    // The log works in the upgraded database.
    const state = (await db.states.toCollection().first())!;
    await db.states.put({ ...state, reps: state.reps + 1 });
    expect(await db.changes.where('seq').above(HEAD_SEQ).toArray()).toEqual([{ seq: 1, table: 'states', keys: [state.cardId] }]);
  });

  for (const { version, upgrade } of VERSIONS) {
    it(`a version-${version} database opens in the current version with every row intact`, async () => {
      const fixture = loadFixture(version);
      expect(fixture.version).toBe(version);
      await createOldDatabase(fixture);

      await db.open();
      expect(db.verno).toBe(VERSIONS.at(-1)!.version);
      expect(await readAll()).toEqual(upgrade(structuredClone(fixture.tables)));
      expect(nativeIndexes()).toEqual(declaredIndexes());

      // The rows work through the app's own reads, and the check finds them consistent.
      const decks = await listDecks(new Date('2026-01-07T12:00:00Z'));
      expect(decks.length).toBe(fixture.tables.decks?.length);
      for (const deck of decks) {
        const batch = await loadStudyBatch(deck.id, deck.settings, new Date('2026-03-01T12:00:00Z'), { mode: 'cram' });
        expect(batch.cards.size).toBeGreaterThan(0);
      }
      expect(await readTheme()).toBe('dark');
      const report = await checkDatabase({ now: new Date('2026-03-01T12:00:00Z'), repair: false });
      expect(problemCount(report), JSON.stringify(report.mismatched)).toBe(0);
    });
  }
});
