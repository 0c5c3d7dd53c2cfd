/**
 * Where the statistics cache (stats-cache.ts) is saved: its own IndexedDB database, one record
 * per answer chunk plus the schedules, the topics and tags, the card dictionary and a meta
 * record. Its own database because it is derived data: it stays out of backups and out of the
 * main schema's versions, and deleting it loses nothing (the next visit rebuilds it).
 *
 * A save writes only the records changed since the last one. Every record carries the token of
 * the save that wrote it and the meta record lists the token it expects of each; a mismatch (two
 * tabs saving at once) makes the whole copy invalid, never silently mixed.
 */
import Dexie, { type Table } from 'dexie';
import { emptyCache, type ChunkSlot, type GroupColumns, type ReviewChunk, type StateColumns, type StatsCache } from './stats-cache.ts';

export const CACHE_DATABASE_NAME = 'retain-stats-cache';
/** Bump when the shape of a record changes: older copies are then rebuilt, not misread. */
const FORMAT = 3;

interface CacheRecord {
  key: string;
  token: string;
  value: unknown;
}

class StatsCacheDatabase extends Dexie {
  records!: Table<CacheRecord, string>;

  constructor() {
    super(CACHE_DATABASE_NAME);
    this.version(1).stores({ records: 'key' });
  }
}

const cacheDb = new StatsCacheDatabase();

interface Meta {
  format: number;
  epoch: string;
  seq: number;
  maxReviewId: number;
  nextChunk: number;
  chunkRows: number;
  /** The chunks in order, without their rows. */
  chunks: Omit<ChunkSlot, 'rows'>[];
  tokens: Record<string, string>;
}

interface Dictionary {
  cardIds: string[];
  cardDecks: number[];
  deckIds: string[];
}

function newToken(): string {
  return Array.from(crypto.getRandomValues(new Uint32Array(2)), (n) => n.toString(36)).join('');
}

export class StaleCopyError extends Error {
  constructor() {
    super('The saved statistics copy was changed by another tab.');
    this.name = 'StaleCopyError';
  }
}

const SMALL_RECORDS = ['meta', 'dict', 'states', 'groups', 'totals'];

/**
 * The saved copy without the rows of its answer chunks (loadChunkRows reads those when needed),
 * or null when there is none or it is not whole.
 */
export async function loadCache(): Promise<StatsCache | null> {
  const records = (await cacheDb.records.bulkGet(SMALL_RECORDS)).filter((r): r is CacheRecord => r !== undefined);
  const byKey = new Map(records.map((r) => [r.key, r]));
  const meta = byKey.get('meta')?.value as Meta | undefined;
  if (meta?.format !== FORMAT) return null;
  const matches = (key: string) => meta.tokens[key] !== undefined && byKey.get(key)?.token === meta.tokens[key];
  const whole = ['dict', 'states', 'groups'].every(matches);
  const dict = byKey.get('dict')?.value as Dictionary | undefined;
  const states = byKey.get('states')?.value as StateColumns | undefined;
  const groups = byKey.get('groups')?.value as GroupColumns | undefined;
  const totals = byKey.get('totals')?.value as StatsCache['totals'] | undefined;
  if (!whole || !dict || !states || !groups) return null;
  const cache = emptyCache(meta.epoch, meta.seq, meta.chunkRows);
  cache.dirty.clear();
  cache.maxReviewId = meta.maxReviewId;
  cache.nextChunk = meta.nextChunk;
  cache.cardIds = dict.cardIds;
  cache.cardDecks = dict.cardDecks;
  cache.deckIds = dict.deckIds;
  cache.cardIds.forEach((id, n) => cache.cardIndex.set(id, n));
  cache.deckIds.forEach((id, n) => cache.deckIndex.set(id, n));
  cache.chunks = meta.chunks.map((slot) => ({ ...slot, rows: null }));
  cache.states = states;
  cache.groups = groups;
  cache.tokens = new Map(Object.entries(meta.tokens));
  // Totals are only an aid: a copy without them (or with another save's) is still whole.
  if (totals instanceof Map && matches('totals')) cache.totals = totals;
  else cache.tokens.delete('totals');
  return cache;
}

/**
 * Reads the rows of the chunks at `indexes` that are not in memory yet. Throws StaleCopyError
 * when one was rewritten since the copy was loaded: the caller then starts from a fresh load.
 */
export async function loadChunkRows(cache: StatsCache, indexes: Iterable<number>): Promise<void> {
  const slots = [...new Set(indexes)].flatMap((i) => {
    const slot = cache.chunks[i];
    return slot && slot.rows === null ? [slot] : [];
  });
  if (slots.length === 0) return;
  const records = await cacheDb.records.bulkGet(slots.map((slot) => slot.key));
  slots.forEach((slot, i) => {
    const record = records[i];
    if (!record || record.token !== cache.tokens.get(slot.key)) throw new StaleCopyError();
    slot.rows = record.value as ReviewChunk;
  });
}

/** Writes the records changed since the last save, and the meta record, in one transaction. */
export async function saveCache(cache: StatsCache): Promise<void> {
  const token = newToken();
  const firstSave = cache.tokens.size === 0;
  const chunkByKey = new Map(cache.chunks.map((c) => [c.key, c]));
  const puts: CacheRecord[] = [];
  const deletes: string[] = [];
  for (const key of cache.dirty) {
    const value: unknown =
      key === 'states'
        ? cache.states
        : key === 'totals'
          ? cache.totals
          : key === 'groups'
          ? cache.groups
          : key === 'dict'
            ? ({ cardIds: cache.cardIds, cardDecks: cache.cardDecks, deckIds: cache.deckIds } satisfies Dictionary)
            : chunkByKey.get(key)?.rows;
    // A chunk only becomes dirty by being rewritten, which loads it; null would be a bug, not a deletion.
    if (value === null) throw new Error(`Statistics chunk ${key} is marked changed but was never loaded.`);
    if (value === undefined) {
      deletes.push(key);
      cache.tokens.delete(key);
    } else {
      puts.push({ key, token, value });
      cache.tokens.set(key, token);
    }
  }
  const meta: Meta = {
    format: FORMAT,
    epoch: cache.epoch,
    seq: cache.seq,
    maxReviewId: cache.maxReviewId,
    nextChunk: cache.nextChunk,
    chunkRows: cache.chunkRows,
    chunks: cache.chunks.map(({ rows: _rows, ...slot }) => slot),
    tokens: Object.fromEntries(cache.tokens),
  };
  puts.push({ key: 'meta', token, value: meta });
  // A copy never saved before replaces whatever another copy left behind.
  const replace = firstSave;
  await cacheDb.transaction('rw', cacheDb.records, async () => {
    if (replace) await cacheDb.records.clear();
    await cacheDb.records.bulkDelete(deletes);
    await cacheDb.records.bulkPut(puts);
  });
  cache.dirty.clear();
}

/** Forgets the saved copy (tests; a format change). */
export async function clearCache(): Promise<void> {
  await cacheDb.records.clear();
}
