/**
 * Reading a queue: which card to show next, the three counts on the study screen, and when
 * the next learning card falls due. All O(1) amortised: the queue keeps its main sequence's
 * cursor past answered cards, and its learning list sorted.
 *
 * Order, as in Anki: a (re)learning card that is due comes first; otherwise the next review
 * or new card; when those run out, a learning card due within the learn-ahead window.
 */
import type { QueueCounts, QueueItem, StudyQueue } from './types.ts';

/** Index of the first main item not yet answered (main.length when none is left). */
export function firstOpenIndex(queue: StudyQueue): number {
  let index = queue.cursor;
  while (queue.skipped.has(index)) index += 1;
  return index;
}

/**
 * The card to show at `now`, or null when nothing is left to show yet (see nextLearningDue
 * for when a waiting learning card will be).
 *
 * @example
 * nextCard(queue, now); // { cardId: 'c7', kind: 'learning' }
 */
export function nextCard(queue: StudyQueue, now: Date): QueueItem | null {
  const time = now.getTime();
  const learning = queue.learning[0];
  if (learning !== undefined && learning.due <= time) return { cardId: learning.cardId, kind: 'learning' };
  const main = queue.main[firstOpenIndex(queue)];
  if (main !== undefined) return main;
  if (learning !== undefined && learning.due <= time + queue.learnAheadMs) return { cardId: learning.cardId, kind: 'learning' };
  return null;
}

/**
 * The cards `nextCard` would show at `now`, this one and then the ones after it while no
 * answer changes the queue, at most `limit`: what a screen can prepare ahead of time. An
 * answer can still change the order (a learning card coming back), so this is a forecast.
 *
 * @example
 * upcomingCards(queue, now, 3); // ['c7', 'c8', 'c9']: c7 is on screen
 */
export function upcomingCards(queue: StudyQueue, now: Date, limit: number): string[] {
  const ids: string[] = [];
  let learning = 0;
  const learningDueBy = (time: number) => {
    for (let item = queue.learning[learning]; ids.length < limit && item !== undefined && item.due <= time; item = queue.learning[++learning]) {
      ids.push(item.cardId);
    }
  };
  learningDueBy(now.getTime());
  for (let index = firstOpenIndex(queue); ids.length < limit && index < queue.main.length; index++) {
    const item = queue.main[index];
    if (item !== undefined && !queue.skipped.has(index)) ids.push(item.cardId);
  }
  learningDueBy(now.getTime() + queue.learnAheadMs);
  return ids;
}

/**
 * What the study screen shows: new and review cards left, and (re)learning cards due today.
 *
 * @example
 * counts(queue); // { new: 12, learning: 3, review: 80 }
 */
export function counts(queue: StudyQueue): QueueCounts {
  return {
    new: queue.mainLeft.new,
    learning: queue.mainLeft.learning + queue.learning.length,
    review: queue.mainLeft.review,
  };
}

/**
 * When the earliest waiting (re)learning card falls due, or null when none waits.
 * Lets the screen say "next card in 6 minutes" when nextCard returns null.
 *
 * @example
 * nextLearningDue(queue); // 2025-03-01T10:16:00.000Z
 */
export function nextLearningDue(queue: StudyQueue): Date | null {
  const first = queue.learning[0];
  return first === undefined ? null : new Date(first.due);
}

/**
 * Whether the study day the queue was built for has ended: rebuild it then (limits reset,
 * new reviews fall due).
 *
 * @example
 * isQueueStale(queue, new Date(queue.dayEnd.getTime())); // true
 */
export function isQueueStale(queue: StudyQueue, now: Date): boolean {
  return now.getTime() >= queue.dayEnd.getTime();
}

/**
 * Whether nothing at all is left in the queue today (no card now, none waiting).
 *
 * @example
 * isQueueFinished(queue); // false while any card is left
 */
export function isQueueFinished(queue: StudyQueue): boolean {
  return queue.learning.length === 0 && firstOpenIndex(queue) >= queue.main.length;
}
