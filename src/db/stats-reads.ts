/**
 * Reads for the statistics screen: every answer as a compact `StatReview`, the visible cards'
 * schedules and their topics and tags, for one deck or all; and the exam date setting (the
 * `settings` row EXAM_DATE_KEY).
 *
 * The data comes from the statistics cache (stats-cache.ts), brought up to date from the change
 * log before each read: normally that means reading the few rows changed since the last visit.
 * The first visit (or one after the log lost track, e.g. a deck of thousands of answers was
 * deleted) reads the tables in full, in pages of PAGE_ROWS rows so that no transaction holds up
 * studying for long. Without the change log installed nothing is cached and every read is full.
 * Syncs run one at a time; the copy is kept in memory between them (the worker keeps it).
 */
import { HEAD_SEQ, TRACKED_TABLES, asChangeLogHead, changedAfter, ensureChangeLogHead, keepsChangeLog, readChangeLog, type TrackedTable } from './change-log.ts';
import { db } from './database.ts';
import type { CardRow, ReviewRow, StateRow } from './rows.ts';
import {
  applyCardChanges,
  applyReviewChanges,
  applyStateChanges,
  chunksFor,
  compactReview,
  emptyCache,
  phaseOf,
  resetTable,
  ratingOf,
  PHASES,
  type ChunkSlot,
  type StatsCache,
} from './stats-cache.ts';
import { StaleCopyError, loadCache, loadChunkRows, saveCache } from './stats-cache-store.ts';
import type { CardSchedule } from '../domain/scheduling/types.ts';
import type { StatReview } from '../domain/stats/stat-review.ts';

export const PAGE_ROWS = 20_000;
export const EXAM_DATE_KEY = 'examDate';

export interface StatsData {
  /** Answers in review-log order (by id, which is the order they were recorded in). */
  reviews: StatReview[];
  /** Schedules of the cards still in their decks (hidden cards keep only their history). */
  schedules: CardSchedule[];
  topicsByCard: Map<string, readonly string[]>;
  tagsByCard: Map<string, readonly string[]>;
}

export interface SyncProgress {
  table: TrackedTable;
  rowsRead: number;
  /** About how many rows there are: the highest review id for answers (ids are dense); null for cards. */
  rowsExpected: number | null;
}

type OnProgress = (progress: SyncProgress) => void;

let current: StatsCache | null = null;
let queue: Promise<unknown> = Promise.resolve();

/** The change log's epoch and newest position; its head is written now when there is none. */
async function readLogPosition(): Promise<{ epoch: string; seq: number }> {
  const read = () =>
    db.transaction('r', db.changes, async () => {
      const [head, last] = await Promise.all([db.changes.get(HEAD_SEQ), db.changes.orderBy(':id').lastKey()]);
      return { head: asChangeLogHead(head), seq: Number(last ?? HEAD_SEQ) };
    });
  // Read first: a read-write transaction would wait for any write in progress.
  const { head, seq } = await read();
  if (head) return { epoch: head.epoch, seq };
  await db.transaction('rw', db.changes, () => ensureChangeLogHead(db.changes));
  const created = await read();
  if (!created.head) throw new Error('The change log could not be created.');
  return { epoch: created.head.epoch, seq: created.seq };
}

async function readAllReviews(cache: StatsCache, onProgress: OnProgress): Promise<void> {
  const expected = Number((await db.reviews.orderBy(':id').lastKey()) ?? 0);
  let read = 0;
  onProgress({ table: 'reviews', rowsRead: 0, rowsExpected: expected });
  for (let after = 0; ; ) {
    const rows = (await db.reviews.where(':id').above(after).limit(PAGE_ROWS).toArray()) as Array<ReviewRow & { id: number }>;
    if (rows.length === 0) break;
    applyReviewChanges(cache, new Set(), rows.map((row) => compactReview(cache, row)));
    after = rows[rows.length - 1]?.id ?? after;
    read += rows.length;
    onProgress({ table: 'reviews', rowsRead: read, rowsExpected: expected });
  }
}

async function readAllByKey<Row>(table: 'states' | 'cards', keyOf: (row: Row) => string, onRows: (rows: Row[]) => void, onProgress: OnProgress) {
  const store = table === 'states' ? db.states : db.cards;
  let read = 0;
  onProgress({ table, rowsRead: 0, rowsExpected: null });
  for (let after = ''; ; ) {
    // Card ids are non-empty strings, so everything sorts above ''.
    const rows = (await store.where(':id').above(after).limit(PAGE_ROWS).toArray()) as Row[];
    if (rows.length === 0) break;
    onRows(rows);
    after = keyOf(rows[rows.length - 1] as Row);
    read += rows.length;
    onProgress({ table, rowsRead: read, rowsExpected: null });
  }
}

async function readTableInFull(cache: StatsCache, table: TrackedTable, onProgress: OnProgress): Promise<void> {
  resetTable(cache, table);
  if (table === 'reviews') return readAllReviews(cache, onProgress);
  if (table === 'states') {
    return readAllByKey<StateRow>('states', (r) => r.cardId, (rows) => applyStateChanges(cache, [], rows), onProgress);
  }
  return readAllByKey<CardRow>('cards', (r) => r.id, (rows) => applyCardChanges(cache, [], rows), onProgress);
}

interface Changes {
  seq: number;
  removedReviews: Set<number>;
  reviews: Array<ReviewRow & { id: number }>;
  stateIds: string[];
  states: StateRow[];
  cardIds: string[];
  cards: CardRow[];
}

/** The tables the log lost track of since their positions, to read in full as of position `seq`. */
interface LostTrack {
  seq: number;
  lost: TrackedTable[];
}

/**
 * Reads the changes listed after each table's position in one read transaction: the log and the
 * rows it names are read together, so they agree. Null when the log moved on to a new epoch
 * (the caller starts over); the tables it no longer lists changes of, when there are any.
 */
async function readChanges(cache: StatsCache, positions: Record<TrackedTable, number>): Promise<Changes | LostTrack | null> {
  return db.transaction('r', [db.changes, db.reviews, db.states, db.cards], async () => {
    const log = await readChangeLog(db.changes, Math.min(...Object.values(positions)));
    if (!log || log.epoch !== cache.epoch) return null;
    const [reviewKeys, stateKeys, cardKeys] = TRACKED_TABLES.map((t) => changedAfter(log, t, positions[t]));
    if (!reviewKeys || !stateKeys || !cardKeys) {
      return { seq: log.seq, lost: TRACKED_TABLES.filter((_, i) => ![reviewKeys, stateKeys, cardKeys][i]) };
    }
    const reviewIds = [...reviewKeys].filter((k): k is number => typeof k === 'number');
    const appended = await db.reviews.where(':id').above(cache.maxReviewId).toArray();
    // An appended review row stands for a change of its card's state, which the log leaves out.
    const stateIds = [...new Set([...[...stateKeys].map(String), ...appended.map((row) => row.cardId)])];
    const cardIds = [...cardKeys].map(String);
    const [listed, states, cards] = await Promise.all([db.reviews.bulkGet(reviewIds), db.states.bulkGet(stateIds), db.cards.bulkGet(cardIds)]);
    const reviews = new Map<number, ReviewRow & { id: number }>();
    for (const row of [...listed, ...appended]) if (row?.id !== undefined) reviews.set(row.id, row as ReviewRow & { id: number });
    return {
      seq: log.seq,
      removedReviews: new Set(reviewIds),
      reviews: [...reviews.values()],
      stateIds,
      states: states.filter((s): s is StateRow => s !== undefined),
      cardIds,
      cards: cards.filter((c): c is CardRow => c !== undefined),
    };
  });
}

/** Applies changes read by readChanges, loading the answer chunks they rewrite first. */
async function applyChanges(cache: StatsCache, changes: Changes): Promise<void> {
  const ids = [...changes.removedReviews, ...changes.reviews.map((r) => r.id)];
  await loadChunkRows(cache, chunksFor(cache, ids));
  applyReviewChanges(cache, changes.removedReviews, changes.reviews.map((row) => compactReview(cache, row)));
  if (changes.stateIds.length > 0) applyStateChanges(cache, changes.stateIds, changes.states);
  if (changes.cardIds.length > 0) applyCardChanges(cache, changes.cardIds, changes.cards);
  cache.seq = changes.seq;
}

async function fullCopy(onProgress: OnProgress): Promise<StatsCache> {
  const cache = emptyCache('', 0);
  for (const table of TRACKED_TABLES) await readTableInFull(cache, table, onProgress);
  return cache;
}

async function sync(onProgress: OnProgress): Promise<StatsCache> {
  if (!keepsChangeLog(db)) return fullCopy(onProgress);
  // Taken out while it is being changed: a failure half-way must not leave a half-updated copy.
  const kept = current;
  current = null;
  for (let attempt = 0; attempt < 3; attempt++) {
    // Both databases open at once: in a new worker each open takes a while.
    const [log, loaded] = await Promise.all([readLogPosition(), attempt === 0 && kept ? kept : loadCache()]);
    const fresh = !loaded || loaded.epoch !== log.epoch || loaded.seq > log.seq;
    const base = fresh ? emptyCache(log.epoch, log.seq) : loaded;
    const positions = { reviews: base.seq, states: base.seq, cards: base.seq };
    // Read in full as of `seq`; changes from then on are caught up below.
    const readInFull = async (tables: readonly TrackedTable[], seq: number) => {
      for (const table of tables) {
        await readTableInFull(base, table, onProgress);
        positions[table] = seq;
      }
    };
    if (fresh) await readInFull(TRACKED_TABLES, log.seq);
    let changes = await readChanges(base, positions);
    if (changes !== null && 'lost' in changes) {
      await readInFull(changes.lost, changes.seq);
      changes = await readChanges(base, positions);
    }
    if (changes === null || 'lost' in changes) continue;
    try {
      await applyChanges(base, changes);
    } catch (error) {
      // Another tab rewrote part of the saved copy: start again from what it saved.
      if (error instanceof StaleCopyError) continue;
      throw error;
    }
    current = base;
    return base;
  }
  throw new Error('Statistics could not catch up with changes to your collection; try again.');
}

/**
 * Brings the statistics copy up to date in memory (see the module comment). Calls run one after
 * another. Saving is left to saveStatsCache, so that a caller can answer first and save after.
 */
export function syncStatsCache(onProgress: OnProgress = () => {}): Promise<StatsCache> {
  const run = queue.then(() => sync(onProgress));
  queue = run.catch(() => undefined);
  return run;
}

/** Frees the in-memory copy (the saved one stays): for when the statistics screen closes. */
export function releaseStatsCopy(): void {
  current = null;
}

export interface ReviewFilter {
  /** Only answers with a higher id (recorded after that one). */
  afterId?: number;
  /** Only answers given at or after this moment (epoch ms). */
  since?: number;
  /** Only answers in the chunks with these keys. */
  chunks?: ReadonlySet<string>;
}

/** Whether a chunk can hold answers the filter lets through. */
const needed = (slot: ChunkSlot, filter: ReviewFilter): boolean =>
  slot.last > (filter.afterId ?? -Infinity) && slot.maxAt >= (filter.since ?? -Infinity) && (filter.chunks?.has(slot.key) ?? true);

/** Reads the rows of the chunks `filter` needs (all for no filter) into the copy, for scopeReviews. */
export async function loadReviews(cache: StatsCache, filter: ReviewFilter = {}): Promise<void> {
  const indexes = cache.chunks.flatMap((slot, i) => (needed(slot, filter) ? [i] : []));
  await loadChunkRows(cache, indexes);
}

/** The answers of one deck (or all, for null) from an up-to-date copy, in log order; loadReviews first. */
export function scopeReviews(cache: StatsCache, deckId: string | null, filter: ReviewFilter = {}): StatReview[] {
  const deck = deckId === null ? -1 : (cache.deckIndex.get(deckId) ?? -2);
  const afterId = filter.afterId ?? -Infinity;
  const since = filter.since ?? -Infinity;
  const reviews: StatReview[] = [];
  for (const slot of cache.chunks) {
    if (!needed(slot, filter)) continue;
    const chunk = slot.rows;
    if (chunk === null) throw new Error('loadReviews() must load the answers before scopeReviews() reads them.');
    for (let i = 0; i < chunk.ids.length; i++) {
      const card = chunk.card[i] ?? 0;
      const at = chunk.at[i] ?? 0;
      if ((deck !== -1 && cache.cardDecks[card] !== deck) || at < since || (chunk.ids[i] ?? 0) <= afterId) continue;
      const code = chunk.code[i] ?? 0;
      reviews.push({
        cardId: cache.cardIds[card] ?? '',
        deckId: cache.deckIds[cache.cardDecks[card] ?? 0] ?? '',
        reviewedAt: at,
        rating: ratingOf(code),
        durationMs: chunk.durationMs[i] ?? 0,
        phaseBefore: phaseOf(code),
        lastIntervalDays: chunk.lastInterval[i] ?? 0,
      });
    }
  }
  return reviews;
}

export type CardData = Omit<StatsData, 'reviews'>;

/** The schedules, topics and tags of one deck's cards (or all, for null) from an up-to-date copy. */
export function scopeCards(cache: StatsCache, deckId: string | null): CardData {
  const deck = deckId === null ? -1 : (cache.deckIndex.get(deckId) ?? -2);
  const inScope = (card: number) => deck === -1 || cache.cardDecks[card] === deck;
  const cardId = (card: number) => cache.cardIds[card] ?? '';
  const date = (ms: number) => (Number.isNaN(ms) ? null : new Date(ms));
  const st = cache.states;
  const schedules: CardSchedule[] = [];
  for (let i = 0; i < st.card.length; i++) {
    const card = st.card[i] ?? 0;
    const flags = st.flags[i] ?? 0;
    if ((flags & 2) !== 0 || !inScope(card)) continue;
    schedules.push({
      cardId: cardId(card),
      deckId: cache.deckIds[cache.cardDecks[card] ?? 0] ?? '',
      phase: PHASES[st.phase[i] ?? 0] ?? 'new',
      due: new Date(st.due[i] ?? 0),
      stability: st.stability[i] ?? 0,
      difficulty: st.difficulty[i] ?? 0,
      elapsedDays: st.elapsedDays[i] ?? 0,
      scheduledDays: st.scheduledDays[i] ?? 0,
      learningSteps: st.learningSteps[i] ?? 0,
      reps: st.reps[i] ?? 0,
      lapses: st.lapses[i] ?? 0,
      lastReview: date(st.lastReview[i] ?? NaN),
      suspended: (flags & 1) !== 0,
      buriedUntil: date(st.buriedUntil[i] ?? NaN),
    });
  }
  const topicsByCard = new Map<string, readonly string[]>();
  const tagsByCard = new Map<string, readonly string[]>();
  const g = cache.groups;
  g.card.forEach((card, i) => {
    if (!inScope(card)) return;
    const topics = g.lists[g.topics[i] ?? 0] ?? [];
    const tags = g.lists[g.tags[i] ?? 0] ?? [];
    if (topics.length > 0) topicsByCard.set(cardId(card), topics);
    if (tags.length > 0) tagsByCard.set(cardId(card), tags);
  });
  return { schedules, topicsByCard, tagsByCard };
}

/** Everything about one deck (or all, for null) from an up-to-date copy. */
export function statsDataFor(cache: StatsCache, deckId: string | null): StatsData {
  return { reviews: scopeReviews(cache, deckId), ...scopeCards(cache, deckId) };
}

/** Saves what changed in the copy since the last save (catch-ups, totals a reader stored), after any sync running. */
export function saveStatsCache(cache: StatsCache): Promise<void> {
  const run = queue.then(() => (keepsChangeLog(db) && current === cache && cache.dirty.size > 0 ? saveCache(cache) : undefined));
  queue = run.catch(() => undefined);
  return run;
}

/** Everything the statistics screen computes from, for one deck or all (null), brought up to date. */
export async function loadStatsData(deckId: string | null, onProgress?: OnProgress): Promise<StatsData> {
  const cache = await syncStatsCache(onProgress);
  await loadReviews(cache);
  return statsDataFor(cache, deckId);
}

/**
 * A value that changes whenever statistics may have: the change log's position (and the
 * newest answer's id, which also covers a database without the change log). For `useLiveQuery`.
 */
export async function statsDataVersion(): Promise<string> {
  const [head, seq, lastId] = await Promise.all([db.changes.get(HEAD_SEQ), db.changes.orderBy(':id').lastKey(), db.reviews.orderBy(':id').lastKey()]);
  return `${asChangeLogHead(head)?.epoch ?? ''}:${String(seq ?? 0)}:${String(lastId ?? 0)}`;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The exam date as 'YYYY-MM-DD', or null when none is set (or what is stored is not a date). */
export async function readExamDate(): Promise<string | null> {
  const value = (await db.settings.get(EXAM_DATE_KEY))?.value;
  return typeof value === 'string' && ISO_DATE.test(value) ? value : null;
}

/** Sets the exam date ('YYYY-MM-DD'), or clears it with null. */
export async function saveExamDate(date: string | null): Promise<void> {
  if (date === null) {
    await db.settings.delete(EXAM_DATE_KEY);
    return;
  }
  if (!ISO_DATE.test(date)) throw new RangeError(`An exam date is written YYYY-MM-DD, got "${date}".`);
  await db.settings.put({ key: EXAM_DATE_KEY, value: date });
}
