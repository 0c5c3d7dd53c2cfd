/**
 * Building today's study queue from card schedules and the daily limits.
 *
 * normal / due-only:
 *  - (re)learning cards due before the day ends (overdue ones from earlier days included),
 *    unlimited, shown as they fall due;
 *  - review cards due before the day ends, most overdue first, at most what the review
 *    limit still allows after `studiedToday.reviewCount`;
 *  - normal only: new cards in deck order (`newCardOrder`), at most what the new limit still
 *    allows after `studiedToday.newCount`; they are spread evenly among the reviews.
 * cram: every card, seen ones by lowest probability of recall first, then new cards in deck
 *  order; no limits. Answers in cram are previews: the caller does not persist them (see
 *  applyAnswer), so the schedule is untouched.
 *
 * Suspended cards and cards buried until after `now` never enter a queue. Other filters
 * (a topic, a tag, a custom study selection) are the caller's: pass only those cards.
 */
import { nextStudyDayStart, studyDayStart } from '../scheduling/day.ts';
import type { UtcOffset } from '../scheduling/day.ts';
import { createScheduler } from '../scheduling/scheduler.ts';
import type { CardSchedule, DailyLimits } from '../scheduling/types.ts';
import { interleave } from './interleave.ts';
import type { LearningItem, QueueCounts, QueueItem, QueueKind, QueueMode, StudiedToday, StudyQueue } from './types.ts';

/** Anki's learn-ahead limit: a learning card may be shown this early when nothing else is left. */
export const DEFAULT_LEARN_AHEAD_MINUTES = 20;

export interface BuildQueueInput {
  /** Schedules of the cards to study (already filtered by deck, topic or tag). */
  schedules: readonly CardSchedule[];
  /**
   * Ids of the new cards in deck order; the only source of new cards. An id may lack a
   * schedule (never studied, no row yet); one whose schedule is not new, or is suspended
   * or buried, is skipped.
   */
  newCardOrder: readonly string[];
  studiedToday: StudiedToday;
  limits: DailyLimits;
  now: Date;
  mode?: QueueMode;
  learnAheadMinutes?: number;
  utcOffset?: UtcOffset;
  /** Cram order; defaults to FSRS-6 with default weights. Pass the deck scheduler's. */
  retrievability?: (schedule: CardSchedule, now: Date) => number;
}

/** Whether the card may enter a queue at `now`: not suspended, not buried past `now`. */
export function isAvailable(schedule: CardSchedule, now: Date): boolean {
  return !schedule.suspended && (schedule.buriedUntil === null || schedule.buriedUntil.getTime() <= now.getTime());
}

/** The queue kind of a card in `phase`. */
export function kindOfPhase(phase: CardSchedule['phase']): QueueKind {
  if (phase === 'new') return 'new';
  return phase === 'review' ? 'review' : 'learning';
}

function byDueThenId(a: { due: number; cardId: string }, b: { due: number; cardId: string }): number {
  return a.due - b.due || (a.cardId < b.cardId ? -1 : a.cardId > b.cardId ? 1 : 0);
}

/** New cards from `newCardOrder`, skipping duplicates and unavailable or already-studied cards. */
function newCards(input: BuildQueueInput, limit: number): QueueItem[] {
  if (limit <= 0) return [];
  const byId = new Map<string, CardSchedule>();
  for (const schedule of input.schedules) byId.set(schedule.cardId, schedule);
  const seen = new Set<string>();
  const picked: QueueItem[] = [];
  for (const cardId of input.newCardOrder) {
    if (picked.length >= limit) break;
    if (seen.has(cardId)) continue;
    seen.add(cardId);
    const schedule = byId.get(cardId);
    if (schedule !== undefined && (schedule.phase !== 'new' || !isAvailable(schedule, input.now))) continue;
    picked.push({ cardId, kind: 'new' });
  }
  return picked;
}

function assemble(
  input: BuildQueueInput,
  mode: QueueMode,
  main: QueueItem[],
  learning: LearningItem[],
  dayStart: Date,
  dayEnd: Date,
): StudyQueue {
  const mainIndex = new Map<string, number>();
  const mainLeft: QueueCounts = { new: 0, learning: 0, review: 0 };
  main.forEach((item, index) => {
    mainIndex.set(item.cardId, index);
    mainLeft[item.kind] += 1;
  });
  const learnAheadMinutes = input.learnAheadMinutes ?? DEFAULT_LEARN_AHEAD_MINUTES;
  return {
    mode,
    dayStart,
    dayEnd,
    learnAheadMs: Math.max(0, learnAheadMinutes) * 60_000,
    main,
    mainIndex,
    cursor: 0,
    skipped: new Set<number>(),
    learning,
    mainLeft,
    history: null,
  };
}

function buildCram(input: BuildQueueInput, dayStart: Date, dayEnd: Date): StudyQueue {
  const recall = input.retrievability ?? createScheduler().retrievability;
  const seen: { cardId: string; kind: QueueKind; recall: number; due: number }[] = [];
  for (const schedule of input.schedules) {
    if (schedule.phase === 'new' || !isAvailable(schedule, input.now)) continue;
    seen.push({
      cardId: schedule.cardId,
      kind: kindOfPhase(schedule.phase),
      recall: recall(schedule, input.now),
      due: schedule.due.getTime(),
    });
  }
  seen.sort((a, b) => a.recall - b.recall || byDueThenId(a, b));
  const main: QueueItem[] = seen.map(({ cardId, kind }) => ({ cardId, kind }));
  main.push(...newCards(input, Number.POSITIVE_INFINITY));
  return assemble(input, 'cram', main, [], dayStart, dayEnd);
}

/**
 * Today's queue. O(n) over the schedules plus sorting the reviews due today; call it once
 * per session (and again when the study day changes: see isQueueStale).
 *
 * @example
 * const queue = buildQueue({ schedules, newCardOrder, studiedToday: { newCount: 0, reviewCount: 0 },
 *   limits: DEFAULT_DAILY_LIMITS, now });
 * nextCard(queue, now); // { cardId: '...', kind: 'review' }
 */
export function buildQueue(input: BuildQueueInput): StudyQueue {
  const mode = input.mode ?? 'normal';
  const { limits, now } = input;
  const dayStart = studyDayStart(now, limits.dayStartHour, input.utcOffset);
  const dayEnd = nextStudyDayStart(now, limits.dayStartHour, input.utcOffset);
  if (mode === 'cram') return buildCram(input, dayStart, dayEnd);

  const end = dayEnd.getTime();
  const learning: LearningItem[] = [];
  const due: LearningItem[] = [];
  for (const schedule of input.schedules) {
    if (schedule.phase === 'new' || !isAvailable(schedule, now)) continue;
    const item = { cardId: schedule.cardId, due: schedule.due.getTime() };
    if (item.due >= end) continue;
    (schedule.phase === 'review' ? due : learning).push(item);
  }
  learning.sort(byDueThenId);
  due.sort(byDueThenId);

  const reviewRoom = Math.max(0, Math.floor(limits.reviewsPerDay) - input.studiedToday.reviewCount);
  const reviews: QueueItem[] = due.slice(0, reviewRoom).map(({ cardId }) => ({ cardId, kind: 'review' }));
  const newRoom = mode === 'normal' ? Math.max(0, Math.floor(limits.newPerDay) - input.studiedToday.newCount) : 0;
  return assemble(input, mode, interleave(reviews, newCards(input, newRoom)), learning, dayStart, dayEnd);
}
