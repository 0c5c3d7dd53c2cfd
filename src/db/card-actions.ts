/**
 * The card browser's actions on a list of cards: suspend / unsuspend, bury / unbury, reset
 * progress, set a due date. Each runs in one read-write transaction (all the cards change or
 * none do) and recomputes the row's `queue` with `queueOf`, so the study queue's indexes see
 * a suspended card leave and an unsuspended one come back. Cards' contents, tags and the
 * review log are left alone: a reset keeps the history of past answers and logs nothing
 * (see domain/card-actions for why).
 */
import {
  buryUntilNextDay,
  resetProgress,
  setDueDate,
  setSuspended,
  studyDayStartOn,
  unbury,
} from '../domain/card-actions/card-actions.ts';
import type { CardSchedule } from '../domain/scheduling/types.ts';
import { DEFAULT_DECK_SETTINGS } from '../domain/settings/deck-settings.ts';
import { db } from './database.ts';
import { queueOf, scheduleToSnapshot, stateRowToSchedule } from './mappers.ts';
import type { StateRow } from './rows.ts';

export interface ActionResult {
  /** Cards whose schedule changed. */
  changed: number;
  /** Cards the action does not apply to (a new card has no due date) or no longer there. */
  skipped: number;
}

type Change = (schedule: CardSchedule, dayStartHour: number) => CardSchedule | null;

/** Applies `change` to each card's schedule and writes the results, in one transaction. */
async function changeSchedules(cardIds: readonly string[], change: Change): Promise<ActionResult> {
  return db.transaction('rw', db.states, db.decks, async () => {
    const rows = await db.states.bulkGet([...cardIds]);
    const deckIds = [...new Set(rows.flatMap((row) => (row ? [row.deckId] : [])))];
    const decks = await db.decks.bulkGet(deckIds);
    const hourOf = new Map(deckIds.map((id, i) => [id, decks[i]?.settings.dayStartHour ?? DEFAULT_DECK_SETTINGS.dayStartHour]));
    const updates: StateRow[] = [];
    let skipped = 0;
    for (const row of rows) {
      const next = row ? change(stateRowToSchedule(row), hourOf.get(row.deckId) ?? DEFAULT_DECK_SETTINGS.dayStartHour) : null;
      if (!row || !next) {
        skipped++;
        continue;
      }
      updates.push({ ...row, ...scheduleToSnapshot(next), queue: queueOf(next, row.hidden === 1) });
    }
    await db.states.bulkPut(updates);
    return { changed: updates.length, skipped };
  });
}

export function suspendCards(cardIds: readonly string[], suspended: boolean): Promise<ActionResult> {
  return changeSchedules(cardIds, (schedule) => setSuspended(schedule, suspended));
}

/** Buries until the start of each card's deck's next study day (decks set their own hour). */
export function buryCards(cardIds: readonly string[], now: Date): Promise<ActionResult> {
  return changeSchedules(cardIds, (schedule, hour) => buryUntilNextDay(schedule, now, hour));
}

export function unburyCards(cardIds: readonly string[]): Promise<ActionResult> {
  return changeSchedules(cardIds, unbury);
}

/** Makes the cards new again; their review history stays in the log. */
export function resetCards(cardIds: readonly string[], now: Date): Promise<ActionResult> {
  return changeSchedules(cardIds, (schedule) => resetProgress(schedule, now));
}

/**
 * Makes the cards due on the local calendar date `day` (YYYY-MM-DD), at the start of that
 * study day in each card's deck. New cards are skipped. Rejects with a RangeError (and
 * changes nothing) for a malformed date or one before today.
 */
export function setCardsDue(cardIds: readonly string[], day: string, now: Date): Promise<ActionResult> {
  return changeSchedules(cardIds, (schedule, hour) => setDueDate(schedule, studyDayStartOn(day, hour), now, hour));
}
