/**
 * Buried cards come back at the start of the study day they were buried until. Run at
 * start-up, when a session starts and when home notices the time moved on.
 */
import { db } from './database.ts';
import { queueOf, stateRowToSchedule } from './mappers.ts';

/** Brings back every card buried until `now` or earlier; returns how many. */
export async function unburyExpired(now: Date): Promise<number> {
  return db.transaction('rw', db.states, async () => {
    const rows = await db.states.where('buriedUntil').belowOrEqual(now.getTime()).toArray();
    const updates = rows.map((row) => {
      const schedule = { ...stateRowToSchedule(row), buriedUntil: null };
      return { ...row, buriedUntil: null, queue: queueOf(schedule, row.hidden === 1) };
    });
    await db.states.bulkPut(updates);
    return updates.length;
  });
}
