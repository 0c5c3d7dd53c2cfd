/**
 * Runs a browser action on a list of cards and says what happened. Writing is the database
 * layer's job (db/card-actions.ts, one transaction per action); this module picks the
 * action, reports the outcome in the browser's status line, and offers a retry on failure.
 */
import { buryCards, resetCards, setCardsDue, suspendCards, unburyCards, type ActionResult } from '../../db/card-actions.ts';
import { describeStorageError } from '../../db/storage-errors.ts';
import { isBuried } from '../../domain/search/card-filter.ts';
import type { CardSchedule } from '../../domain/scheduling/types.ts';
import { reportError, reportStatus, setBusy, useBrowseStore } from './browse-store.ts';
import { plural } from './format.ts';

export type CardAction =
  | { kind: 'suspend' | 'unsuspend' | 'bury' | 'unbury' | 'reset' }
  | { kind: 'set-due'; day: string };

function perform(action: CardAction, ids: readonly string[], now: Date): Promise<ActionResult> {
  switch (action.kind) {
    case 'suspend':
      return suspendCards(ids, true);
    case 'unsuspend':
      return suspendCards(ids, false);
    case 'bury':
      return buryCards(ids, now);
    case 'unbury':
      return unburyCards(ids);
    case 'reset':
      return resetCards(ids, now);
    case 'set-due':
      return setCardsDue(ids, action.day, now);
  }
}

function describe(action: CardAction, result: ActionResult): string {
  const cards = plural(result.changed, 'card');
  switch (action.kind) {
    case 'suspend':
      return `Suspended ${cards}.`;
    case 'unsuspend':
      return `Unsuspended ${cards}.`;
    case 'bury':
      return `Buried ${cards} until the next study day.`;
    case 'unbury':
      return `Unburied ${cards}.`;
    case 'reset':
      return `Reset ${cards} to new. Review history is kept.`;
    case 'set-due': {
      const [year, month, day] = action.day.split('-').map(Number);
      const date = new Date(year ?? 0, (month ?? 1) - 1, day ?? 1).toLocaleDateString(undefined, { dateStyle: 'long' });
      const skipped = result.skipped > 0 ? ` ${plural(result.skipped, 'new card was', 'new cards were')} left alone: new cards have no due date.` : '';
      return `${cards} now due on ${date}.${skipped}`;
    }
  }
}

/**
 * Applies the action to the cards and reports the outcome (never rejects). Ignored while
 * another action is being written: a key held down must not toggle a card back and forth.
 */
export async function runCardAction(action: CardAction, ids: readonly string[]): Promise<void> {
  if (ids.length === 0 || useBrowseStore.getState().busy) return;
  setBusy(true);
  try {
    const result = await perform(action, ids, new Date());
    reportStatus(describe(action, result));
  } catch (error) {
    // A RangeError is a refused value (a date in the past); anything else is storage.
    if (error instanceof RangeError) reportError({ message: error.message, retry: null });
    else reportError({ message: `The cards were not changed. ${describeStorageError(error)}`, retry: () => void runCardAction(action, ids) });
  } finally {
    setBusy(false);
  }
}

/** Suspend, unless every card is already suspended: then unsuspend (the `@` key toggles). */
export function suspendToggle(ids: readonly string[], schedules: ReadonlyMap<string, CardSchedule>): CardAction {
  const all = ids.length > 0 && ids.every((id) => schedules.get(id)?.suspended === true);
  return { kind: all ? 'unsuspend' : 'suspend' };
}

/** Bury, unless every card is already buried: then unbury (the `-` key toggles). */
export function buryToggle(ids: readonly string[], schedules: ReadonlyMap<string, CardSchedule>, now: Date): CardAction {
  const all = ids.length > 0 && ids.every((id) => {
    const schedule = schedules.get(id);
    return schedule !== undefined && isBuried(schedule, now);
  });
  return { kind: all ? 'unbury' : 'bury' };
}
