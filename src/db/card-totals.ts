/**
 * How many visible cards each deck has, which home shows. IndexedDB counts by walking the
 * index, so a 100,000-card deck costs ~10 ms on every visit to home, for a number that only
 * changes when the deck's cards are written (an import, an update, a deletion). The totals are
 * therefore remembered in this page and counted again only when the change log (change-log.ts)
 * shows a write to the cards table since: every writer, in any tab or worker, notes its card
 * writes there in the same transaction.
 */
import { changedAfter, readChangeLog } from './change-log.ts';
import { db } from './database.ts';

interface Remembered {
  epoch: string;
  seq: number;
  totals: Map<string, number>;
}

let remembered: Remembered | null = null;

const countVisible = (deckId: string) => db.cards.where('[deckId+hidden]').equals([deckId, 0]).count();

/**
 * Visible cards per deck. Call it inside a read transaction over `changes` and `cards`, so
 * that the log position remembered belongs to the same snapshot as the counts.
 */
export async function visibleCardTotals(deckIds: readonly string[]): Promise<Map<string, number>> {
  const known = remembered;
  // Only the changes since the remembered position are read; with nothing remembered, none.
  const log = await readChangeLog(db.changes, known?.seq ?? Number.MAX_SAFE_INTEGER);
  const unchanged = log !== null && known !== null && known.epoch === log.epoch && known.seq <= log.seq && changedAfter(log, 'cards', known.seq)?.size === 0;
  const reusable = unchanged && known ? known.totals : new Map<string, number>();
  const totals = new Map(await Promise.all(deckIds.map(async (id) => [id, reusable.get(id) ?? (await countVisible(id))] as const)));
  // Without a log (nothing written through this app yet) there is nothing to compare with later.
  remembered = log === null ? null : { epoch: log.epoch, seq: log.seq, totals };
  return totals;
}
