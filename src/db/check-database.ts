/**
 * "Check database": every card's stored state is compared with the one its review log
 * implies (domain/integrity: the answers replayed through FSRS with the deck's options), and
 * the rows the study queue relies on are checked for bookkeeping (queue name, order, hidden
 * flag, deck); states and log rows whose card is gone are found too. With `repair`, what is
 * found is fixed in the same transaction that found it: one transaction per deck, so a repair
 * never works from a state another tab changed in between, and a deck is repaired wholly or
 * not at all. A second check after a repair finds nothing.
 */
import { checkCard } from '../domain/integrity/expected-schedule.ts';
import type { FieldDifference } from '../domain/integrity/compare-schedules.ts';
import { replayCardLog } from '../domain/integrity/replay-card-log.ts';
import { createScheduler } from '../domain/scheduling/scheduler.ts';
import { db } from './database.ts';
import { reviewRowToEntry, scheduleToStateRow, stateRowToSchedule } from './mappers.ts';
import type { CardRow, ReviewRow, StateRow } from './rows.ts';

export interface CardMismatch {
  cardId: string;
  deckId: string;
  question: string;
  /** Every field that differs: schedule fields, then row bookkeeping (queue, ord, hidden, deckId). */
  fields: string[];
  /** The schedule fields with both values. */
  differences: FieldDifference[];
}

export interface CheckReport {
  decks: number;
  /** Cards checked. */
  checked: number;
  mismatched: CardMismatch[];
  /** Cards without a state row: invisible to study until one is rebuilt from their log. */
  missingStates: string[];
  /** State rows whose card is gone. */
  orphanStates: string[];
  /** Review-log row ids whose card is gone. */
  orphanReviews: number[];
  /** Rows written or deleted by the repair (0 when only checking). */
  repaired: number;
}

export interface CheckOptions {
  now: Date;
  repair: boolean;
  /** Called after each step (one per deck, then the orphan search) with steps done and total. */
  onProgress?: (done: number, total: number) => void;
}

export const problemCount = (report: CheckReport): number =>
  report.mismatched.length + report.missingStates.length + report.orphanStates.length + report.orphanReviews.length;

const ROW_FIELDS = ['queue', 'ord', 'hidden', 'deckId', 'suspended'] as const;

const emptyReport = (): CheckReport => ({
  decks: 0,
  checked: 0,
  mismatched: [],
  missingStates: [],
  orphanStates: [],
  orphanReviews: [],
  repaired: 0,
});

function groupByCard(reviews: readonly ReviewRow[]): Map<string, ReviewRow[]> {
  const byCard = new Map<string, ReviewRow[]>();
  for (const review of reviews) {
    const log = byCard.get(review.cardId);
    if (log) log.push(review);
    else byCard.set(review.cardId, [review]);
  }
  return byCard;
}

async function checkDeck(deckId: string, options: CheckOptions, report: CheckReport): Promise<void> {
  // One transaction for the reads and the writes: an answer in another tab cannot land between
  // reading a card's state and its log (a false mismatch) or between checking and repairing.
  await db.transaction(options.repair ? 'rw' : 'r', [db.decks, db.cards, db.states, db.reviews], async () => {
    const deck = await db.decks.get(deckId);
    if (!deck) return; // deleted since the list of decks was read
    const cards = await db.cards.where('deckId').equals(deckId).toArray();
    const ids = cards.map((card) => card.id);
    const [states, reviews] = await Promise.all([db.states.bulkGet(ids), db.reviews.where('cardId').anyOf(ids).toArray()]);
    const logs = groupByCard(reviews);
    const scheduler = createScheduler(deck.settings);
    const writes: StateRow[] = [];
    cards.forEach((card: CardRow, i) => {
      const log = (logs.get(card.id) ?? []).map(reviewRowToEntry);
      const state = states[i];
      const hidden = card.hidden === 1;
      if (!state) {
        report.missingStates.push(card.id);
        const rebuilt = replayCardLog(log, scheduler) ?? scheduler.newSchedule(card.id, deckId, options.now);
        writes.push(scheduleToStateRow(rebuilt, card.ord, hidden));
        return;
      }
      const { expected, differences } = checkCard(stateRowToSchedule(state), log, scheduler, options.now);
      const row = scheduleToStateRow({ ...expected, deckId }, card.ord, hidden);
      const named = new Set<string>(differences.map((d) => d.field));
      const rowFields = ROW_FIELDS.filter((field) => state[field] !== row[field] && !named.has(field));
      if (differences.length === 0 && rowFields.length === 0) return;
      report.mismatched.push({ cardId: card.id, deckId, question: card.question, fields: [...named, ...rowFields], differences });
      writes.push(row);
    });
    report.checked += cards.length;
    report.decks++;
    if (options.repair && writes.length > 0) {
      await db.states.bulkPut(writes);
      report.repaired += writes.length;
    }
  });
}

async function findOrphans(options: CheckOptions, report: CheckReport): Promise<void> {
  // Keys only: the orphan search never loads the collection's rows.
  await db.transaction(options.repair ? 'rw' : 'r', [db.cards, db.states, db.reviews], async () => {
    const cardIds = new Set<string>(await db.cards.toCollection().primaryKeys());
    const stateIds = await db.states.toCollection().primaryKeys();
    const orphanStates = stateIds.filter((id) => !cardIds.has(id));
    const loggedCards = await db.reviews.orderBy('cardId').uniqueKeys();
    const goneCards = loggedCards.filter((id): id is string => typeof id === 'string' && !cardIds.has(id));
    const reviewKeys = goneCards.length === 0 ? [] : await db.reviews.where('cardId').anyOf(goneCards).primaryKeys();
    const orphanReviews = reviewKeys.filter((id): id is number => typeof id === 'number');
    report.orphanStates.push(...orphanStates);
    report.orphanReviews.push(...orphanReviews);
    if (options.repair) {
      await db.states.bulkDelete(orphanStates);
      await db.reviews.bulkDelete(orphanReviews);
      report.repaired += orphanStates.length + orphanReviews.length;
    }
  });
}

/**
 * Checks the whole collection, deck by deck; with `repair`, fixes what it finds.
 *
 * @example
 * const report = await checkDatabase({ now: new Date(), repair: false });
 * if (problemCount(report) > 0) await checkDatabase({ now: new Date(), repair: true });
 */
export async function checkDatabase(options: CheckOptions): Promise<CheckReport> {
  // After a failed open (Safari's lost IndexedDB connection) Dexie refuses everything until
  // open() is called again; a check is started by a click, often a Retry, so reopen first.
  // A database closed on purpose (another tab's upgrade) stays closed: that page is reloading.
  if (db.hasFailed() && !db.hasBeenClosed()) await db.open();
  const report = emptyReport();
  const deckIds = await db.decks.toCollection().primaryKeys();
  const total = deckIds.length + 1;
  for (const [i, deckId] of deckIds.entries()) {
    await checkDeck(deckId, options, report);
    options.onProgress?.(i + 1, total);
  }
  await findOrphans(options, report);
  options.onProgress?.(total, total);
  return report;
}
