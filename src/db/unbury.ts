/**
 * Buried cards come back at the start of the study day they were buried until. Run at
 * start-up, when a session starts and when home notices the time moved on.
 */
import { db } from './database.ts';
import { queueOf, stateRowToSchedule } from './mappers.ts';

/** Brings back every card buried until `now` or earlier; returns how many. */
export async function unburyExpired(now: Date): Promise<number> {
  const until = now.getTime();
  // Nearly always nothing is due back. Asking first in a read-only transaction keeps this off
  // the critical path: a read-write transaction on `states` (widened to `settings` by the change
  // log) makes every count and study read queued after it wait for its commit, and writing an
  // empty change would still rewrite the change-log row.
  const anyDueBack = (await db.states.where('buriedUntil').belowOrEqual(until).limit(1).count()) > 0;
  if (!anyDueBack) return 0;
  return db.transaction('rw', db.states, async () => {
    const rows = await db.states.where('buriedUntil').belowOrEqual(until).toArray();
    if (rows.length === 0) return 0;
    const updates = rows.map((row) => {
      const schedule = { ...stateRowToSchedule(row), buriedUntil: null };
      return { ...row, buriedUntil: null, queue: queueOf(schedule, row.hidden === 1) };
    });
    await db.states.bulkPut(updates);
    return updates.length;
  });
}
