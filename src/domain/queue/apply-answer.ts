/**
 * Changing a queue: an answer takes the card out (and brings it back later today if it is
 * still in (re)learning), undo puts it back exactly where it was, and removeCard drops a
 * card that was suspended or buried mid-session. Each returns a new queue.
 *
 * Cram: the caller still gets a ReviewEntry from scheduler.answer (so the session code is the
 * same) but persists nothing (no schedule write, no log row). Here the entry's rating alone
 * decides: Again brings the card back in 1 minute, Hard in 10, Good and Easy are done,
 * mirroring Anki's preview mode.
 */
import type { Rating, ReviewEntry } from '../scheduling/types.ts';
import { insertLearning, removeLearning } from './learning-list.ts';
import type { AnswerHistory, AnswerRecord, LearningItem, QueueCounts, QueueOrigin, StudyQueue } from './types.ts';

/** In cram mode: how long until an answered card is shown again (null: not again today). */
export const CRAM_REPEAT_DELAY_MS: Readonly<Record<Rating, number | null>> = {
  1: 60_000,
  2: 10 * 60_000,
  3: null,
  4: null,
};

/** Whether answers in this queue are real (persist the schedule and log) or cram previews. */
export function persistsAnswers(queue: StudyQueue): boolean {
  return queue.mode !== 'cram';
}

function withCount(counts: Readonly<QueueCounts>, kind: keyof QueueCounts, delta: number): QueueCounts {
  return { ...counts, [kind]: counts[kind] + delta };
}

/** Marks main item `index` answered, moving the cursor past any run of answered items. */
function consumeMain(queue: StudyQueue, index: number): StudyQueue {
  const item = queue.main[index];
  if (item === undefined) return queue;
  const mainLeft = withCount(queue.mainLeft, item.kind, -1);
  if (index !== queue.cursor) return { ...queue, skipped: new Set(queue.skipped).add(index), mainLeft };
  let cursor = index + 1;
  if (!queue.skipped.has(cursor)) return { ...queue, cursor, mainLeft };
  const skipped = new Set(queue.skipped);
  while (skipped.delete(cursor)) cursor += 1;
  return { ...queue, cursor, skipped, mainLeft };
}

/** Makes main item `index` open again (the inverse of consumeMain). */
function reopenMain(queue: StudyQueue, index: number): StudyQueue {
  const item = queue.main[index];
  if (item === undefined) return queue;
  const mainLeft = withCount(queue.mainLeft, item.kind, 1);
  if (index >= queue.cursor) {
    const skipped = new Set(queue.skipped);
    skipped.delete(index);
    return { ...queue, skipped, mainLeft };
  }
  // Everything before the cursor was answered; moving the cursor back to `index` must keep
  // the ones after it answered.
  const skipped = new Set(queue.skipped);
  for (let later = index + 1; later < queue.cursor; later++) skipped.add(later);
  return { ...queue, cursor: index, skipped, mainLeft };
}

/** The queue without the card, and where it was (null if it was not waiting in the queue). */
function take(queue: StudyQueue, cardId: string): { queue: StudyQueue; origin: QueueOrigin | null } {
  const fromLearning = removeLearning(queue.learning, cardId);
  if (fromLearning.item !== null) {
    return { queue: { ...queue, learning: fromLearning.list }, origin: { from: 'learning', item: fromLearning.item } };
  }
  const index = queue.mainIndex.get(cardId);
  if (index === undefined || index < queue.cursor || queue.skipped.has(index)) return { queue, origin: null };
  return { queue: consumeMain(queue, index), origin: { from: 'main', index } };
}

/** When the answered card should be shown again today, or null. */
function requeueItem(queue: StudyQueue, entry: ReviewEntry): LearningItem | null {
  let due: number;
  if (queue.mode === 'cram') {
    const delay = CRAM_REPEAT_DELAY_MS[entry.rating];
    if (delay === null) return null;
    due = entry.reviewedAt.getTime() + delay;
  } else {
    const { phase } = entry.after;
    if (phase !== 'learning' && phase !== 'relearning') return null;
    due = entry.after.due.getTime();
  }
  return due < queue.dayEnd.getTime() ? { cardId: entry.cardId, due } : null;
}

/**
 * The queue after `entry`'s answer: the card is out, and back in the learning list if it is
 * due again today. O(1) for the main sequence, O(learning cards) for the learning list.
 *
 * @example
 * const entry = scheduler.answer(schedule, 1, now, 3000); // Again on a new card: due in 1m
 * queue = applyAnswer(queue, entry); // the card returns once due (or with learn-ahead)
 */
export function applyAnswer(queue: StudyQueue, entry: ReviewEntry): StudyQueue {
  const taken = take(queue, entry.cardId);
  const requeued = requeueItem(queue, entry);
  const record: AnswerRecord = { cardId: entry.cardId, origin: taken.origin, requeued };
  const learning = requeued === null ? taken.queue.learning : insertLearning(taken.queue.learning, requeued);
  return { ...taken.queue, learning, history: { top: record, rest: queue.history } };
}

/** The history without the newest record for `cardId`, and that record. */
function pullRecord(history: AnswerHistory, cardId: string): { history: AnswerHistory; record: AnswerRecord } | null {
  const above: AnswerRecord[] = [];
  for (let node = history; node !== null; node = node.rest) {
    if (node.top.cardId === cardId) {
      let rest = node.rest;
      for (let i = above.length - 1; i >= 0; i--) {
        const top = above[i];
        if (top !== undefined) rest = { top, rest };
      }
      return { history: rest, record: node.top };
    }
    above.push(node.top);
  }
  return null;
}

/**
 * The queue as it was before `entry`'s answer: the card is back where it was taken from
 * and its re-queued learning item is gone. Undo answers newest first (as the undo stack
 * does). If the queue has no record of the answer (it was rebuilt since), it is returned
 * unchanged: rebuild it from the restored schedules instead.
 *
 * @example
 * queue = applyUndo(queue, popped.entry); // nextCard(queue, now) shows that card again
 */
export function applyUndo(queue: StudyQueue, entry: ReviewEntry): StudyQueue {
  const pulled = pullRecord(queue.history, entry.cardId);
  if (pulled === null) return queue;
  const { record } = pulled;
  let restored: StudyQueue = { ...queue, history: pulled.history };
  if (record.requeued !== null) restored = { ...restored, learning: removeLearning(restored.learning, record.cardId).list };
  if (record.origin?.from === 'main') restored = reopenMain(restored, record.origin.index);
  if (record.origin?.from === 'learning') restored = { ...restored, learning: insertLearning(restored.learning, record.origin.item) };
  return restored;
}

/**
 * The queue without the card (suspended or buried during the session). Not recorded for
 * undo: un-suspending is a schedule change, after which the caller rebuilds the queue.
 *
 * @example
 * queue = removeCard(queue, 'c7');
 */
export function removeCard(queue: StudyQueue, cardId: string): StudyQueue {
  return take(queue, cardId).queue;
}
