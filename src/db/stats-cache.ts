/**
 * The statistics cache in memory: a compact, column-wise copy of what the statistics screen
 * reads (each answer's time, rating, duration, phase and interval; each card's schedule, topics
 * and tags), and how changes to the collection are applied to it. stats-reads.ts keeps it up to
 * date from the change log; stats-cache-store.ts saves and loads it.
 *
 * Why a copy: IndexedDB hands back whole rows, and a review row carries two schedule snapshots;
 * reading 100,000 of them takes seconds, a million half a minute. Typed arrays holding only the
 * fields statistics need come back in milliseconds, and make no garbage to collect.
 *
 * Answers are kept in chunks of up to `chunkRows` rows in id order, so an answer rewrites one
 * chunk, not the whole copy. Card and deck ids are stored once, in a dictionary; rows hold
 * positions in it.
 */
import type { CardRow, ReviewRow, StateRow } from './rows.ts';
import type { Phase, Rating } from '../domain/scheduling/types.ts';

export const CHUNK_ROWS = 65_536;

export const PHASES: readonly Phase[] = ['new', 'learning', 'review', 'relearning'];
const PHASE_CODE: Record<Phase, number> = { new: 0, learning: 1, review: 2, relearning: 3 };

/** One answer as the cache holds it; `code` packs the rating (low 3 bits) and the phase before. */
export interface CompactReview {
  id: number;
  at: number;
  card: number;
  durationMs: number;
  lastInterval: number;
  code: number;
}

export const ratingOf = (code: number): Rating => (code & 7) as Rating;
export const phaseOf = (code: number): Phase => PHASES[code >> 3] ?? 'new';

/** The rows of one chunk of answers, in id order. */
export interface ReviewChunk {
  key: string;
  ids: Float64Array;
  at: Float64Array;
  card: Uint32Array;
  durationMs: Float64Array;
  lastInterval: Float64Array;
  code: Uint8Array;
}

/**
 * Where a chunk sits, known without its rows: ids `first`..`last`, answer times
 * `minAt`..`maxAt`. `rows` is null until loaded; a visit that only adds today's answers to
 * stored totals loads the last chunk or two, not all of them.
 */
export interface ChunkSlot {
  key: string;
  first: number;
  last: number;
  minAt: number;
  maxAt: number;
  count: number;
  rows: ReviewChunk | null;
}

/** A card's schedule in numbers: NaN stands for a null date; flags are 1 suspended, 2 hidden. */
export interface CompactState {
  card: number;
  phase: number;
  flags: number;
  due: number;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  lastReview: number;
  buriedUntil: number;
}

export const STATE_FIELDS = ['card', 'phase', 'flags', 'due', 'stability', 'difficulty', 'elapsedDays', 'scheduledDays', 'learningSteps', 'reps', 'lapses', 'lastReview', 'buriedUntil'] as const;

/** Every card's schedule, one typed array per field, row i of each belonging together. */
export type StateColumns = Record<(typeof STATE_FIELDS)[number], Float64Array>;

/**
 * Topics and tags: each distinct list stored once in `lists` (lists[0] is the empty list) and
 * each card pointing at its two lists, so loading makes a few hundred arrays, not one per card.
 */
export interface GroupColumns {
  lists: string[][];
  card: Uint32Array;
  topics: Uint32Array;
  tags: Uint32Array;
}

export interface StatsCache {
  /** Change-log epoch and position this copy reflects. */
  epoch: string;
  seq: number;
  /** Highest review id ever copied: answers added later have higher ids. */
  maxReviewId: number;
  /** Card ids and deck ids are stored once; rows refer to them by position. */
  cardIds: string[];
  cardDecks: number[];
  deckIds: string[];
  cardIndex: Map<string, number>;
  deckIndex: Map<string, number>;
  chunks: ChunkSlot[];
  states: StateColumns;
  groups: GroupColumns;
  /** Records changed since the last save: chunk keys, 'states', 'groups', 'dict'. */
  dirty: Set<string>;
  /** Most answers per chunk (CHUNK_ROWS; tests use small chunks). */
  chunkRows: number;
  nextChunk: number;
  /** Each record's token as last saved or loaded. */
  tokens: Map<string, string>;
  /** Counts changes applied in memory: data built from the copy is current while it stays the same. */
  revision: number;
  /**
   * Figures a reader derived from the answers with ids up to `upTo` (the stats worker's running
   * totals), by a key of its choosing. Dropped when an answer at or below `upTo` changes or the
   * topics and tags do; answers added later have higher ids and are the reader's to add.
   */
  totals: Map<string, { upTo: number; value: unknown }>;
}

export function emptyCache(epoch: string, seq: number, chunkRows = CHUNK_ROWS): StatsCache {
  return {
    chunkRows,
    epoch,
    seq,
    maxReviewId: 0,
    cardIds: [],
    cardDecks: [],
    deckIds: [],
    cardIndex: new Map(),
    deckIndex: new Map(),
    chunks: [],
    states: stateColumns(0),
    groups: { lists: [[]], card: new Uint32Array(0), topics: new Uint32Array(0), tags: new Uint32Array(0) },
    dirty: new Set(['states', 'groups', 'dict']),
    nextChunk: 0,
    tokens: new Map(),
    revision: 0,
    totals: new Map(),
  };
}

/** Position of a card in the dictionary, added on first sight. */
export function cardNumber(cache: StatsCache, cardId: string, deckId: string): number {
  let n = cache.cardIndex.get(cardId);
  if (n !== undefined) return n;
  let deck = cache.deckIndex.get(deckId);
  if (deck === undefined) {
    deck = cache.deckIds.length;
    cache.deckIds.push(deckId);
    cache.deckIndex.set(deckId, deck);
  }
  n = cache.cardIds.length;
  cache.cardIds.push(cardId);
  cache.cardDecks.push(deck);
  cache.cardIndex.set(cardId, n);
  cache.dirty.add('dict');
  return n;
}

export function compactReview(cache: StatsCache, row: ReviewRow & { id: number }): CompactReview {
  return {
    id: row.id,
    at: row.reviewedAt,
    card: cardNumber(cache, row.cardId, row.deckId),
    durationMs: row.durationMs,
    lastInterval: row.before.scheduledDays,
    code: (row.rating & 7) | (PHASE_CODE[row.before.phase] << 3),
  };
}

export function compactState(cache: StatsCache, row: StateRow): CompactState {
  return {
    card: cardNumber(cache, row.cardId, row.deckId),
    phase: PHASE_CODE[row.phase],
    flags: (row.suspended === 1 ? 1 : 0) | (row.hidden === 1 ? 2 : 0),
    due: row.due,
    stability: row.stability,
    difficulty: row.difficulty,
    elapsedDays: row.elapsedDays,
    scheduledDays: row.scheduledDays,
    learningSteps: row.learningSteps,
    reps: row.reps,
    lapses: row.lapses,
    lastReview: row.lastReview ?? NaN,
    buriedUntil: row.buriedUntil ?? NaN,
  };
}

function chunkFrom(key: string, rows: readonly CompactReview[]): ReviewChunk {
  const n = rows.length;
  const chunk: ReviewChunk = {
    key,
    ids: new Float64Array(n),
    at: new Float64Array(n),
    card: new Uint32Array(n),
    durationMs: new Float64Array(n),
    lastInterval: new Float64Array(n),
    code: new Uint8Array(n),
  };
  rows.forEach((r, i) => {
    chunk.ids[i] = r.id;
    chunk.at[i] = r.at;
    chunk.card[i] = r.card;
    chunk.durationMs[i] = r.durationMs;
    chunk.lastInterval[i] = r.lastInterval;
    chunk.code[i] = r.code;
  });
  return chunk;
}

function slotOf(rows: ReviewChunk): ChunkSlot {
  let minAt = Infinity;
  let maxAt = -Infinity;
  for (const at of rows.at) {
    if (at < minAt) minAt = at;
    if (at > maxAt) maxAt = at;
  }
  const count = rows.ids.length;
  return { key: rows.key, first: rows.ids[0] ?? 0, last: rows.ids[count - 1] ?? 0, minAt, maxAt, count, rows };
}

function rowsOf(chunk: ReviewChunk): CompactReview[] {
  return Array.from(chunk.ids, (id, i) => ({
    id,
    at: chunk.at[i] ?? 0,
    card: chunk.card[i] ?? 0,
    durationMs: chunk.durationMs[i] ?? 0,
    lastInterval: chunk.lastInterval[i] ?? 0,
    code: chunk.code[i] ?? 0,
  }));
}

const newChunkKey = (cache: StatsCache): string => `reviews:${cache.nextChunk++}`;

/** Index of the chunk a review id belongs in: the last one starting at or below it (0 if none). */
function chunkFor(chunks: readonly ChunkSlot[], id: number): number {
  let lo = 0;
  let hi = chunks.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((chunks[mid]?.first ?? Infinity) <= id) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Answers above every id go to the last chunk, unless it is not in memory and not small: then
 * they start a new chunk, so that a visit after a few answers need not read a full chunk back.
 */
export const TAIL_ROWS = 8192;

function startsNewChunk(cache: StatsCache, id: number): boolean {
  const last = cache.chunks[cache.chunks.length - 1];
  return last === undefined || (id > last.last && last.rows === null && last.count >= TAIL_ROWS);
}

/** Indexes of the chunks that changes to these ids (removals, additions) would rewrite. */
export function chunksFor(cache: StatsCache, ids: Iterable<number>): Set<number> {
  const indexes = new Set<number>();
  for (const id of ids) if (!startsNewChunk(cache, id)) indexes.add(chunkFor(cache.chunks, id));
  return indexes;
}

/**
 * Removes the answers with ids in `removed` and adds (or replaces) `added`, rewriting only the
 * chunks they fall in. New answers above every id go to the last chunk, which splits when full.
 */
export function applyReviewChanges(cache: StatsCache, removed: ReadonlySet<number>, added: readonly CompactReview[]): void {
  cache.revision++;
  const touched = new Map<number, { drop: Set<number>; add: CompactReview[] }>();
  const entry = (i: number) => {
    let t = touched.get(i);
    if (t === undefined) touched.set(i, (t = { drop: new Set(), add: [] }));
    return t;
  };
  let lowest = Infinity;
  for (const id of removed) lowest = Math.min(lowest, id);
  for (const row of added) if (row.id <= cache.maxReviewId) lowest = Math.min(lowest, row.id);
  dropTotals(cache, (upTo) => upTo >= lowest);
  const fresh = added.filter((row) => startsNewChunk(cache, row.id)).sort((a, b) => a.id - b.id);
  // An id above every chunk is in none of them: nothing to drop (and nothing to load for it).
  for (const id of removed) if (!startsNewChunk(cache, id)) entry(chunkFor(cache.chunks, id)).drop.add(id);
  for (const row of added) {
    if (row.id > cache.maxReviewId) cache.maxReviewId = row.id;
    if (startsNewChunk(cache, row.id)) continue;
    const t = entry(chunkFor(cache.chunks, row.id));
    t.drop.add(row.id);
    t.add.push(row);
  }
  // From the last chunk back, so that splitting one does not move the indexes still to do.
  for (const i of [...touched.keys()].sort((a, b) => b - a)) {
    const slot = cache.chunks[i];
    const t = touched.get(i);
    if (slot === undefined || t === undefined) continue;
    const chunk = slot.rows;
    if (chunk === null) throw new Error(`Statistics chunk ${slot.key} must be loaded before it is changed.`);
    // concat, not push(...): a catch-up can add hundreds of thousands of rows at once.
    const rows = rowsOf(chunk)
      .filter((r) => !t.drop.has(r.id))
      .concat(t.add)
      .sort((a, b) => a.id - b.id);
    const pieces: ChunkSlot[] = [];
    for (let start = 0; start < rows.length; start += cache.chunkRows) {
      pieces.push(slotOf(chunkFrom(start === 0 ? chunk.key : newChunkKey(cache), rows.slice(start, start + cache.chunkRows))));
    }
    for (const piece of pieces) cache.dirty.add(piece.key);
    if (pieces.length === 0) cache.dirty.add(chunk.key); // saved as a deletion
    cache.chunks.splice(i, 1, ...pieces);
  }
  for (let start = 0; start < fresh.length; start += cache.chunkRows) {
    const slot = slotOf(chunkFrom(newChunkKey(cache), fresh.slice(start, start + cache.chunkRows)));
    cache.chunks.push(slot);
    cache.dirty.add(slot.key);
  }
}

export function stateColumns(length: number): StateColumns {
  return Object.fromEntries(STATE_FIELDS.map((field) => [field, new Float64Array(length)])) as StateColumns;
}

/** Empties one table's part of the copy before it is read again in full. */
export function resetTable(cache: StatsCache, table: 'reviews' | 'states' | 'cards'): void {
  cache.revision++;
  if (table !== 'states') dropTotals(cache, () => true);
  if (table === 'reviews') {
    // Saved as deletions: a chunk key that is dirty but no longer in `chunks` is removed.
    for (const chunk of cache.chunks) cache.dirty.add(chunk.key);
    cache.chunks = [];
  } else if (table === 'states') {
    cache.states = stateColumns(0);
    cache.dirty.add('states');
  } else {
    cache.groups = { lists: [[]], card: new Uint32Array(0), topics: new Uint32Array(0), tags: new Uint32Array(0) };
    cache.dirty.add('groups');
  }
}

function dropTotals(cache: StatsCache, stale: (upTo: number) => boolean): void {
  for (const [key, entry] of cache.totals) {
    if (!stale(entry.upTo)) continue;
    cache.totals.delete(key);
    cache.dirty.add('totals');
  }
}

/** Keeps a reader's totals of the answers up to `upTo`, replacing those under `key`; `keep` says which other keys stay. */
export function storeTotals(cache: StatsCache, key: string, upTo: number, value: unknown, keep: (key: string) => boolean = () => true): void {
  for (const other of cache.totals.keys()) if (other !== key && !keep(other)) cache.totals.delete(other);
  cache.totals.set(key, { upTo, value });
  cache.dirty.add('totals');
}

/** Card numbers of `ids` already in the dictionary. */
function knownCards(cache: StatsCache, ids: Iterable<string>): Set<number> {
  const cards = new Set<number>();
  for (const id of ids) {
    const n = cache.cardIndex.get(id);
    if (n !== undefined) cards.add(n);
  }
  return cards;
}

/** Replaces the schedules of `changed` cards by `rows` (a card without a row is gone). */
export function applyStateChanges(cache: StatsCache, changed: Iterable<string>, rows: readonly StateRow[]): void {
  cache.revision++;
  const drop = knownCards(cache, changed);
  const added = rows.map((row) => compactState(cache, row));
  for (const s of added) drop.add(s.card);
  const old = cache.states;
  const keep: number[] = [];
  old.card.forEach((card, i) => {
    if (!drop.has(card)) keep.push(i);
  });
  const next = stateColumns(keep.length + added.length);
  for (const field of STATE_FIELDS) {
    const from = old[field];
    const to = next[field];
    keep.forEach((i, j) => (to[j] = from[i] ?? NaN));
    added.forEach((s, j) => (to[keep.length + j] = s[field]));
  }
  cache.states = next;
  cache.dirty.add('states');
}

/** Replaces the topics and tags of `changed` cards by those in `rows`. */
export function applyCardChanges(cache: StatsCache, changed: Iterable<string>, rows: readonly CardRow[]): void {
  cache.revision++;
  const drop = knownCards(cache, changed);
  const added = rows.filter((row) => row.topics.length > 0 || row.tags.length > 0).map((row) => ({ row, card: cardNumber(cache, row.id, row.deckId) }));
  for (const a of added) drop.add(a.card);
  const old = cache.groups;
  const lists: string[][] = [[]];
  const listIndex = new Map<string, number>([['[]', 0]]);
  const listOf = (list: readonly string[]): number => {
    const key = JSON.stringify(list);
    let n = listIndex.get(key);
    if (n === undefined) listIndex.set(key, (n = lists.push([...list]) - 1));
    return n;
  };
  const cards: number[] = [];
  const topics: number[] = [];
  const tags: number[] = [];
  old.card.forEach((card, i) => {
    if (drop.has(card)) return;
    cards.push(card);
    topics.push(listOf(old.lists[old.topics[i] ?? 0] ?? []));
    tags.push(listOf(old.lists[old.tags[i] ?? 0] ?? []));
  });
  for (const { row, card } of added) {
    cards.push(card);
    topics.push(listOf(row.topics));
    tags.push(listOf(row.tags));
  }
  const before = new Map<number, string>();
  old.card.forEach((card, i) => {
    if (drop.has(card)) before.set(card, JSON.stringify([old.lists[old.topics[i] ?? 0], old.lists[old.tags[i] ?? 0]]));
  });
  const changedGroups =
    before.size !== added.length || added.some(({ row, card }) => before.get(card) !== JSON.stringify([row.topics, row.tags]));
  if (changedGroups) dropTotals(cache, () => true);
  cache.groups = { lists, card: Uint32Array.from(cards), topics: Uint32Array.from(topics), tags: Uint32Array.from(tags) };
  cache.dirty.add('groups');
}
