/**
 * Writing answers. An answer writes the card's new state and its review-log row in one
 * transaction, so an answer is either wholly kept or not at all; undo restores the exact
 * pre-answer snapshot (ts-fsrs rollback() would not restore the old due date) and removes
 * the log row, also in one transaction.
 */
import type { ReviewEntry } from '../domain/scheduling/types.ts';
import { db } from './database.ts';
import { queueOf, reviewEntryToRow, scheduleToSnapshot } from './mappers.ts';

export class CardMissingError extends Error {
  constructor(cardId: string) {
    super(`The card ${cardId} is no longer in the collection.`);
    this.name = 'CardMissingError';
  }
}

/** Stores one answer; resolves with the review row's id once the transaction has committed. */
export async function recordAnswer(entry: ReviewEntry): Promise<number> {
  const row = reviewEntryToRow(entry);
  return db.transaction('rw', db.states, db.reviews, async () => {
    const state = await db.states.get(entry.cardId);
    if (!state) throw new CardMissingError(entry.cardId);
    await db.states.put({
      ...state,
      ...scheduleToSnapshot(entry.after),
      queue: queueOf(entry.after, state.hidden === 1),
    });
    return db.reviews.add(row);
  });
}

/** Takes an answer back: the card returns to its exact state before it, the log row goes. */
export async function undoAnswer(reviewId: number, entry: ReviewEntry): Promise<void> {
  await db.transaction('rw', db.states, db.reviews, async () => {
    const state = await db.states.get(entry.cardId);
    if (!state) throw new CardMissingError(entry.cardId);
    await db.states.put({
      ...state,
      ...scheduleToSnapshot(entry.before),
      queue: queueOf(entry.before, state.hidden === 1),
    });
    await db.reviews.delete(reviewId);
  });
}
