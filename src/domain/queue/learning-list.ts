/**
 * The queue's (re)learning cards: a short list sorted by due time. It holds only the cards
 * in learning today (tens, rarely hundreds), so copying it on a change is cheaper and
 * simpler than a heap, and keeps old queue versions valid.
 */
import type { LearningItem } from './types.ts';

/**
 * The list with `item` inserted after every item due at or before it (so ties keep the
 * order in which cards were answered).
 *
 * @example
 * insertLearning([{ cardId: 'a', due: 10 }], { cardId: 'b', due: 5 }).map((i) => i.cardId); // ['b', 'a']
 */
export function insertLearning(list: readonly LearningItem[], item: LearningItem): LearningItem[] {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const probe = list[middle];
    if (probe !== undefined && probe.due <= item.due) low = middle + 1;
    else high = middle;
  }
  return [...list.slice(0, low), item, ...list.slice(low)];
}

/**
 * The list without the card's item, and that item (null when the card was not there).
 *
 * @example
 * removeLearning([{ cardId: 'a', due: 10 }], 'a'); // { list: [], item: { cardId: 'a', due: 10 } }
 */
export function removeLearning(
  list: readonly LearningItem[],
  cardId: string,
): { list: readonly LearningItem[]; item: LearningItem | null } {
  const index = list.findIndex((item) => item.cardId === cardId);
  const item = list[index];
  if (item === undefined) return { list, item: null };
  return { list: [...list.slice(0, index), ...list.slice(index + 1)], item };
}
