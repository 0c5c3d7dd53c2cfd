/**
 * Spreading new cards through a session. With R reviews and N new cards, the new cards go
 * at evenly spaced positions of the combined sequence (spacing (R+N+1)/(N+1)), so the runs
 * of reviews before, between and after them differ in length by at most one: a session
 * never front-loads or bunches its new cards.
 */
import type { QueueItem } from './types.ts';

/**
 * Reviews and new cards merged, each list keeping its own order.
 *
 * @example
 * interleave(reviews10, news4).map((item) => item.kind[0]).join('');
 * // 'rrnrrnrrnrrnrr'
 */
export function interleave(reviews: readonly QueueItem[], news: readonly QueueItem[]): QueueItem[] {
  const total = reviews.length + news.length;
  const spacing = (total + 1) / (news.length + 1);
  const merged: QueueItem[] = [];
  let r = 0;
  let n = 0;
  for (let position = 0; position < total; position++) {
    const newHere = n < news.length && position === Math.round((n + 1) * spacing) - 1;
    const item = newHere ? news[n++] : reviews[r++];
    // The positions are strictly increasing and end before `total`, so neither list runs dry
    // early; the guard only satisfies noUncheckedIndexedAccess.
    if (item !== undefined) merged.push(item);
  }
  return merged;
}
