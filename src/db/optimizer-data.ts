/**
 * What the FSRS optimiser reads and writes: the review log of one deck or of all decks
 * (with each deck's day-start hour and current weights), and the fitted weights saved into
 * deck settings. Saving touches every deck in scope in one transaction, so a deck never
 * keeps old weights while its siblings have new ones.
 */
import type { OptimizerReview } from '../domain/optimizer/training-set.ts';
import { toFsrsParameters } from '../domain/scheduling/fsrs-card.ts';
import { DEFAULT_DECK_SETTINGS } from '../domain/settings/deck-settings.ts';
import { db } from './database.ts';
import { DeckMissingError } from './deck-settings-writes.ts';
import type { DeckRow, ReviewRow } from './rows.ts';

export interface OptimizerInput {
  reviews: OptimizerReview[];
  /** Each deck's weights in use now; null for the FSRS-6 defaults. */
  currentWeights: Record<string, number[] | null>;
}

function reviewRows(deckId: string | null): Promise<ReviewRow[]> {
  if (deckId === null) return db.reviews.toArray();
  return db.reviews.where('[deckId+reviewedAt]').between([deckId, -Infinity], [deckId, Infinity]).toArray();
}

/** How many answers the log holds for a deck (or all decks, for null). */
export function optimizerReviewCount(deckId: string | null): Promise<number> {
  if (deckId === null) return db.reviews.count();
  return db.reviews.where('[deckId+reviewedAt]').between([deckId, -Infinity], [deckId, Infinity]).count();
}

/** The review log the optimiser fits, in domain terms, read in one transaction. */
export async function readOptimizerInput(deckId: string | null): Promise<OptimizerInput> {
  const [rows, decks] = await db.transaction('r', db.reviews, db.decks, () =>
    Promise.all([reviewRows(deckId), db.decks.toArray()]),
  );
  const deckById = new Map<string, DeckRow>(decks.map((deck) => [deck.id, deck]));
  // A review of a deck since deleted keeps the default day boundary.
  const dayStartHour = (id: string) => deckById.get(id)?.settings.dayStartHour ?? DEFAULT_DECK_SETTINGS.dayStartHour;
  const reviews = rows.map(
    (row): OptimizerReview => ({
      cardId: row.cardId,
      deckId: row.deckId,
      rating: row.rating,
      reviewedAt: new Date(row.reviewedAt),
      wasNew: row.wasNew === 1,
      dayStartHour: dayStartHour(row.deckId),
    }),
  );
  const currentWeights: Record<string, number[] | null> = {};
  for (const row of rows) {
    if (row.deckId in currentWeights) continue;
    currentWeights[row.deckId] = deckById.get(row.deckId)?.settings.weights ?? null;
  }
  return { reviews, currentWeights };
}

/**
 * Saves fitted weights into the settings of one deck, or of every deck for null, leaving
 * the other settings as they are. Throws a RangeError (writing nothing) for weights the
 * scheduler would reject, and a DeckMissingError for a deck that no longer exists.
 */
export async function saveOptimizedWeights(deckId: string | null, weights: readonly number[], now: Date): Promise<void> {
  toFsrsParameters({ ...DEFAULT_DECK_SETTINGS, weights: [...weights] });
  const changed = await db.transaction('rw', db.decks, () => {
    const decks = deckId === null ? db.decks.toCollection() : db.decks.where('id').equals(deckId);
    return decks.modify((deck) => {
      deck.settings = { ...deck.settings, weights: [...weights] };
      deck.updatedAt = now.getTime();
    });
  });
  if (deckId !== null && changed === 0) throw new DeckMissingError(deckId);
}
