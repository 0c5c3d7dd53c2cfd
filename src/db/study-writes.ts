/**
 * Writing answers. An answer writes the card's new state and its review-log row in one
 * transaction, so an answer is either wholly kept or not at all; undo restores the exact
 * pre-answer snapshot (ts-fsrs rollback() would not restore the old due date) and removes
 * the log row, also in one transaction.
 */
import type { ReviewEntry } from '../domain/scheduling/types.ts';
import { LEECH_TAG } from '../domain/search/card-filter.ts';
import { db, reopenIfFailed } from './database.ts';
import { queueOf, reviewEntryToRow, scheduleToSnapshot } from './mappers.ts';

export class CardMissingError extends Error {
  constructor(cardId: string) {
    super(`The card ${cardId} is no longer in the collection.`);
    this.name = 'CardMissingError';
  }
}

/**
 * The card changed since the session read it (answered in another tab, or edited in browse):
 * applying this answer would schedule it twice, so it is refused.
 */
export class StaleCardError extends Error {
  constructor(cardId: string) {
    super(`The card ${cardId} was changed elsewhere (another tab?) since it was shown.`);
    this.name = 'StaleCardError';
  }
}


/**
 * Stores one answer; resolves with the review row's id once the transaction has committed.
 * With `leech`, the same transaction tags the card "leech" (entry.after is already suspended).
 */
export async function recordAnswer(entry: ReviewEntry, options: { leech?: boolean } = {}): Promise<number> {
  const row = reviewEntryToRow(entry);
  await reopenIfFailed();
  return db.transaction('rw', db.states, db.reviews, db.cards, async () => {
    const state = await db.states.get(entry.cardId);
    if (!state) throw new CardMissingError(entry.cardId);
    // Optimistic concurrency: the stored state must still be the one this answer started from.
    if (state.reps !== entry.before.reps || state.due !== entry.before.due.getTime()) throw new StaleCardError(entry.cardId);
    if (options.leech) {
      await db.cards.where('id').equals(entry.cardId).modify((card) => {
        if (!card.tags.includes(LEECH_TAG)) card.tags = [...card.tags, LEECH_TAG];
      });
    }
    await db.states.put({
      ...state,
      ...scheduleToSnapshot(entry.after),
      queue: queueOf(entry.after, state.hidden === 1),
    });
    const id = await db.reviews.add(row);
    if (id === undefined) throw new Error('The review log did not return an id for the new row.');
    return id;
  });
}

/** Takes an answer back: the card returns to its exact state before it, the log row goes. */
export async function undoAnswer(reviewId: number, entry: ReviewEntry): Promise<void> {
  await reopenIfFailed();
  await db.transaction('rw', db.states, db.reviews, db.cards, async () => {
    const state = await db.states.get(entry.cardId);
    if (!state) throw new CardMissingError(entry.cardId);
    if (entry.after.suspended && !entry.before.suspended) {
      // The answer made the card a leech: taking it back takes the tag back too.
      await db.cards.where('id').equals(entry.cardId).modify((card) => {
        card.tags = card.tags.filter((tag) => tag !== LEECH_TAG);
      });
    }
    await db.states.put({
      ...state,
      ...scheduleToSnapshot(entry.before),
      queue: queueOf(entry.before, state.hidden === 1),
    });
    await db.reviews.delete(reviewId);
  });
}
