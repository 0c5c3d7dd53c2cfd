/**
 * Writing answers. An answer writes the card's new state and its review-log row in one
 * transaction, so an answer is either wholly kept or not at all; undo restores the exact
 * pre-answer snapshot (ts-fsrs rollback() would not restore the old due date) and removes
 * the log row, also in one transaction.
 *
 * An answer is on the path from key press to the next card, so it costs as few round trips to
 * the database as it can: when this tab knows the card's stored row (known-states.ts), the
 * writes go out in the same batch as the read that checks the row is still that one, and the
 * transaction is aborted if it is not. Otherwise, or then, the row is read first.
 */
import Dexie from 'dexie';
import type { ReviewEntry } from '../domain/scheduling/types.ts';
import { LEECH_TAG } from '../domain/search/card-filter.ts';
import { db, reopenIfFailed } from './database.ts';
import { knownState, rememberState, sameStateRow } from './known-states.ts';
import { queueOf, reviewEntryToRow, scheduleToSnapshot } from './mappers.ts';
import type { ReviewRow, StateRow } from './rows.ts';

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


/** The stored row was not the one this tab knew: the answer is decided again after reading it. */
class RowMovedError extends Error {
  constructor() {
    super('The stored card state is not the one this tab last saw.');
    this.name = 'RowMovedError';
  }
}

const answeredRow = (state: StateRow, entry: ReviewEntry): StateRow => ({
  ...state,
  ...scheduleToSnapshot(entry.after),
  queue: queueOf(entry.after, state.hidden === 1),
});

function newReviewId(id: number | undefined): number {
  if (id === undefined) throw new Error('The review log did not return an id for the new row.');
  return id;
}

const ignore = () => undefined;

/**
 * Asks IndexedDB to commit the current transaction as soon as the requests already sent are
 * done. Left to auto-commit, it commits only after this page has run every success callback and
 * gone back to its event loop, which on a busy page adds milliseconds to each answer. Call it
 * only once nothing can still abort the transaction and no further request will be sent.
 */
function commitNow(): void {
  // Optional: engines before Safari 15 have no commit(), and there the transaction auto-commits as before.
  Dexie.currentTransaction?.idbtrans.commit?.();
}

/**
 * Writes the answer over `known` without waiting for the read that checks it: the read is sent
 * first and IndexedDB runs requests in order, so it sees the row before the writes. Resolves
 * with null (nothing written) when the stored row is not `known`.
 */
function writeOverKnownRow(entry: ReviewEntry, row: ReviewRow, known: StateRow): Promise<number | null> {
  const next = answeredRow(known, entry);
  // Dexie's promises chained with then(), not async/await: Dexie keeps its transaction zone
  // across native awaits by echoing it through extra microtasks, which delays every write.
  return db
    .transaction('rw', db.states, db.reviews, () => {
      const stored = db.states.get(entry.cardId);
      // The review row first: then it stands for the state change in the change log (change-log.ts).
      const logged = db.reviews.add(row);
      const saved = db.states.put(next);
      // Both fail when the check below aborts the transaction; that failure is handled there.
      saved.catch(ignore);
      logged.catch(ignore);
      return stored.then((current) => {
        if (!current || !sameStateRow(current, known)) throw new RowMovedError();
        commitNow();
        return saved.then(() => logged);
      });
    })
    .then(
      (id) => {
        rememberState(next);
        return newReviewId(id);
      },
      (error: unknown) => {
        if (error instanceof RowMovedError) return null;
        throw error;
      },
    );
}

/** Reads the card's row, checks the answer still applies to it, then writes. */
function writeAfterReading(entry: ReviewEntry, row: ReviewRow, leech: boolean): Promise<number> {
  let next: StateRow | undefined;
  return db
    .transaction('rw', db.states, db.reviews, db.cards, () =>
      db.states.get(entry.cardId).then((state) => {
        if (!state) throw new CardMissingError(entry.cardId);
        // Optimistic concurrency: the stored state must still be the one this answer started from.
        if (state.reps !== entry.before.reps || state.due !== entry.before.due.getTime()) throw new StaleCardError(entry.cardId);
        next = answeredRow(state, entry);
        // The writes go out together: IndexedDB applies them in order anyway, and waiting for each
        // before sending the next would add a round trip per write.
        const tagged = leech
          ? db.cards.where('id').equals(entry.cardId).modify((card) => {
              if (!card.tags.includes(LEECH_TAG)) card.tags = [...card.tags, LEECH_TAG];
            })
          : null;
        const logged = db.reviews.add(row);
        const saved = db.states.put(next);
        // A leech tag is read, then written: its write is not sent yet.
        if (!tagged) commitNow();
        return saved.then(() => tagged).then(() => logged);
      }),
    )
    .then((id) => {
      if (next) rememberState(next);
      return newReviewId(id);
    });
}

/**
 * Stores one answer; resolves with the review row's id once the transaction has committed.
 * With `leech`, the same transaction tags the card "leech" (entry.after is already suspended).
 */
export async function recordAnswer(entry: ReviewEntry, options: { leech?: boolean } = {}): Promise<number> {
  const row = reviewEntryToRow(entry);
  await reopenIfFailed();
  const known = options.leech ? undefined : knownState(entry.cardId);
  if (known && known.reps === entry.before.reps && known.due === entry.before.due.getTime()) {
    const id = await writeOverKnownRow(entry, row, known);
    if (id !== null) return id;
  }
  return writeAfterReading(entry, row, options.leech ?? false);
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
    const restored: StateRow = { ...state, ...scheduleToSnapshot(entry.before), queue: queueOf(entry.before, state.hidden === 1) };
    await db.states.put(restored);
    await db.reviews.delete(reviewId);
    return restored;
  }).then(rememberState);
}
