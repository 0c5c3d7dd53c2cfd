/**
 * The New / Learning / Due numbers on the home screen: what a normal session would hold
 * right now, limits applied, computed in one pass without building a queue.
 */
import { nextStudyDayStart } from '../scheduling/day.ts';
import type { UtcOffset } from '../scheduling/day.ts';
import type { CardSchedule, DailyLimits } from '../scheduling/types.ts';
import { isAvailable } from './build-queue.ts';
import type { QueueCounts, StudiedToday } from './types.ts';

export interface DeckCountsInput {
  schedules: readonly CardSchedule[];
  /** New cards waiting (not suspended or buried); schedules in phase 'new' are not counted here. */
  newCardsAvailable: number;
  studiedToday: StudiedToday;
  limits: DailyLimits;
  now: Date;
  utcOffset?: UtcOffset;
}

/**
 * Counts for one deck, equal to counts(buildQueue(...)) for the same cards in normal mode.
 *
 * @example
 * deckCounts({ schedules, newCardsAvailable: 300, studiedToday: { newCount: 5, reviewCount: 0 },
 *   limits: DEFAULT_DAILY_LIMITS, now }); // { new: 15, learning: 2, review: 41 }
 */
export function deckCounts(input: DeckCountsInput): QueueCounts {
  const { limits, now, studiedToday } = input;
  const end = nextStudyDayStart(now, limits.dayStartHour, input.utcOffset).getTime();
  let learning = 0;
  let review = 0;
  for (const schedule of input.schedules) {
    if (schedule.phase === 'new' || schedule.due.getTime() >= end || !isAvailable(schedule, now)) continue;
    if (schedule.phase === 'review') review += 1;
    else learning += 1;
  }
  const newRoom = Math.max(0, Math.floor(limits.newPerDay) - studiedToday.newCount);
  const reviewRoom = Math.max(0, Math.floor(limits.reviewsPerDay) - studiedToday.reviewCount);
  return {
    new: Math.min(Math.max(0, input.newCardsAvailable), newRoom),
    learning,
    review: Math.min(review, reviewRoom),
  };
}
