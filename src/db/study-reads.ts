/**
 * Reads for the home screen and the study session. Every query goes through a compound
 * index, so counting or loading today's cards never reads the whole collection.
 */
import type { Collection } from 'dexie';
import type { DeckCard } from '../domain/deck/types.ts';
import { nextStudyDayStart, studyDayStart } from '../domain/scheduling/day.ts';
import type { CardSchedule } from '../domain/scheduling/types.ts';
import type { DeckSettings } from '../domain/settings/deck-settings.ts';
import { db } from './database.ts';
import { rememberSessionStates } from './known-states.ts';
import { cardRowToDeckCard, stateRowToSchedule } from './mappers.ts';
import type { QueueName } from './rows.ts';

export interface StudiedToday {
  newCount: number;
  reviewCount: number;
  total: number;
  timeMs: number;
}

export interface DeckCounts {
  new: number;
  learning: number;
  due: number;
}

const queueRange = (deckId: string, queue: QueueName, until: number) =>
  db.states.where('[deckId+queue+due]').between([deckId, queue, -Infinity], [deckId, queue, until], true, false);

const newRange = (deckId: string) =>
  db.states.where('[deckId+queue+ord]').between([deckId, 'new', -Infinity], [deckId, 'new', Infinity]);

export async function studiedToday(deckId: string, now: Date, dayStartHour: number): Promise<StudiedToday> {
  const since = studyDayStart(now, dayStartHour).getTime();
  const rows = await db.reviews.where('[deckId+reviewedAt]').between([deckId, since], [deckId, Infinity]).toArray();
  let newCount = 0;
  let reviewCount = 0;
  let timeMs = 0;
  for (const row of rows) {
    if (row.wasNew === 1) newCount++;
    else if (row.before.phase === 'review') reviewCount++;
    timeMs += row.durationMs;
  }
  return { newCount, reviewCount, total: rows.length, timeMs };
}

/**
 * Up to how many keys a count reads instead of walking the whole range. Measured in Chromium:
 * a count costs ~0.15 µs per index entry walked, reading keys ~7 µs per key returned. A
 * 100,000-card deck holds ~40,000 new cards of which the daily limit shows 20 to a few hundred:
 * reading that many keys beats walking 40,000 entries; a limit in the thousands does not.
 */
const MAX_KEYS_INSTEAD_OF_COUNT = 500;

/** min(entries in `range`, `ceiling`). */
function countUpTo(range: Collection, ceiling: number): Promise<number> {
  if (ceiling <= 0) return Promise.resolve(0);
  if (ceiling > MAX_KEYS_INSTEAD_OF_COUNT) return range.count();
  return range.limit(ceiling).primaryKeys().then((keys) => keys.length);
}

/** New / Learning / Due for today, honouring the deck's daily limits. */
export async function deckCounts(deckId: string, settings: DeckSettings, now: Date): Promise<DeckCounts> {
  const until = nextStudyDayStart(now, settings.dayStartHour).getTime();
  // New cards are counted up to the full daily limit, alongside today's answers, which only lower it.
  const [newAvailable, learning, dueReviews, studied] = await Promise.all([
    countUpTo(newRange(deckId), Math.ceil(settings.newPerDay)),
    queueRange(deckId, 'learn', until).count(),
    queueRange(deckId, 'review', until).count(),
    studiedToday(deckId, now, settings.dayStartHour),
  ]);
  return {
    new: Math.min(newAvailable, Math.max(0, settings.newPerDay - studied.newCount)),
    learning,
    due: Math.min(dueReviews, Math.max(0, settings.reviewsPerDay - studied.reviewCount)),
  };
}

export interface StudyBatch {
  learning: CardSchedule[];
  reviews: CardSchedule[];
  /** New cards within today's remaining limit, in deck order. */
  newCards: CardSchedule[];
  studied: StudiedToday;
  cards: Map<string, DeckCard>;
}

export interface BatchOptions {
  mode?: 'normal' | 'due-only' | 'cram';
  /** Only cards with this topic or tag (custom study). */
  filter?: string | null;
}

const matches = (card: DeckCard | undefined, filter: string | null | undefined): card is DeckCard =>
  card !== undefined && (!filter || card.topics.includes(filter) || card.tags.includes(filter));

/**
 * Everything a study session over one deck needs today, and nothing more. Cram reads every
 * studyable card of the deck (it ignores due dates); a topic/tag filter is applied to the
 * cards' content before the new-card limit is taken, so the limit counts matching cards.
 */
export async function loadStudyBatch(
  deckId: string,
  settings: DeckSettings,
  now: Date,
  options: BatchOptions = {},
): Promise<StudyBatch> {
  const mode = options.mode ?? 'normal';
  const filter = options.filter ?? null;
  const until = mode === 'cram' ? Infinity : nextStudyDayStart(now, settings.dayStartHour).getTime();
  // Today's answers only lower the limits, so the queues are read at the deck's full daily
  // limits alongside them (one round trip instead of two) and cut to what is left below.
  const newCeiling = mode === 'due-only' ? 0 : mode === 'cram' ? Infinity : Math.max(0, settings.newPerDay);
  const reviewCeiling = mode === 'cram' ? Infinity : Math.max(0, settings.reviewsPerDay);
  const limited = <T>(collection: { limit(n: number): T }, n: number, apply: boolean): T | typeof collection =>
    apply && Number.isFinite(n) ? collection.limit(n) : collection;
  const unfiltered = filter === null;
  const [studied, learnRows, reviewsRead, newRead] = await Promise.all([
    studiedToday(deckId, now, settings.dayStartHour),
    queueRange(deckId, 'learn', until).toArray(),
    (limited(queueRange(deckId, 'review', until), reviewCeiling, unfiltered) as ReturnType<typeof queueRange>).toArray(),
    newCeiling === 0 ? Promise.resolve([]) : (limited(newRange(deckId), newCeiling, unfiltered) as ReturnType<typeof newRange>).toArray(),
  ]);
  const newLimit = Math.max(0, newCeiling - studied.newCount);
  const reviewLimit = Math.max(0, reviewCeiling - studied.reviewCount);
  // Without a filter every row read counts towards the limit: fetch cards for those within it only.
  const reviewRows = unfiltered ? reviewsRead.slice(0, reviewLimit) : reviewsRead;
  const newRows = unfiltered ? newRead.slice(0, newLimit) : newRead;
  const all = [...learnRows, ...reviewRows, ...newRows];
  const cardRows = await db.cards.bulkGet(all.map((row) => row.cardId));
  const cards = new Map<string, DeckCard>();
  for (const row of cardRows) {
    const card = row ? cardRowToDeckCard(row) : undefined;
    if (matches(card, filter)) cards.set(card.id, card);
  }
  const keep = (rows: typeof all, limit: number) => rows.filter((row) => cards.has(row.cardId)).slice(0, limit);
  const [learning, reviews, fresh] = [keep(learnRows, Infinity), keep(reviewRows, reviewLimit), keep(newRows, newLimit)];
  // The session's answers can then write without reading each row first (study-writes.ts).
  // Cram answers write nothing, and its batch can be a whole deck: not worth keeping.
  rememberSessionStates(mode === 'cram' ? [] : [...learning, ...reviews, ...fresh]);
  return {
    learning: learning.map(stateRowToSchedule),
    reviews: reviews.map(stateRowToSchedule),
    newCards: fresh.map(stateRowToSchedule),
    studied,
    cards,
  };
}

/** When the next card of the deck falls due after today's work, or null when none is scheduled. */
export async function nextDueAfter(deckId: string, after: Date): Promise<Date | null> {
  const ms = after.getTime();
  const [learn, review] = await Promise.all([
    db.states.where('[deckId+queue+due]').between([deckId, 'learn', ms], [deckId, 'learn', Infinity]).first(),
    db.states.where('[deckId+queue+due]').between([deckId, 'review', ms], [deckId, 'review', Infinity]).first(),
  ]);
  const times = [learn?.due, review?.due].filter((t): t is number => t !== undefined);
  return times.length === 0 ? null : new Date(Math.min(...times));
}
