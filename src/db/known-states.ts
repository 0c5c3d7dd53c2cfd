/**
 * The card-state rows of the current study session as this tab last read or wrote them. With
 * one at hand, an answer can send its writes in the same batch as the read that checks them
 * (study-writes.ts) instead of waiting for that read: one round trip to the database instead of
 * two. Only a hint: such a write is kept only if the stored row is still exactly this one, which
 * the same transaction checks; any other tab or screen may change rows meanwhile.
 */
import type { StateRow } from './rows.ts';

const known = new Map<string, StateRow>();

/** Replaces what is known by the rows a new study session read. */
export function rememberSessionStates(rows: readonly StateRow[]): void {
  known.clear();
  for (const row of rows) known.set(row.cardId, row);
}

/** Notes a row this tab has just written (the transaction committed). */
export function rememberState(row: StateRow): void {
  known.set(row.cardId, row);
}

export function knownState(cardId: string): StateRow | undefined {
  return known.get(cardId);
}

/** Whether two state rows hold the same values (rows are flat: every field is a primitive). */
export function sameStateRow(a: StateRow, b: StateRow): boolean {
  const keys = Object.keys(a) as Array<keyof StateRow>;
  return keys.length === Object.keys(b).length && keys.every((key) => Object.is(a[key], b[key]));
}
