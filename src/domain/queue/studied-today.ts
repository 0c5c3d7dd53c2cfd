/**
 * How much of today's limits the log has used: answers given since the study day began
 * to cards that were new, and to cards in review. Answers to (re)learning cards use no
 * limit, as in Anki. Cram answers are never logged, so they use none either.
 */
import { nextStudyDayStart, studyDayStart } from '../scheduling/day.ts';
import type { UtcOffset } from '../scheduling/day.ts';
import type { Phase } from '../scheduling/types.ts';
import type { StudiedToday } from './types.ts';

/** The part of a review-log entry this count needs. */
export interface LoggedAnswer {
  reviewedAt: Date;
  before: { phase: Phase };
}

/**
 * Today's counts from the log of one deck (entries in any order; older days are ignored).
 *
 * @example
 * countStudiedToday(todaysLog, now, 4); // { newCount: 20, reviewCount: 143 }
 */
export function countStudiedToday(
  entries: Iterable<LoggedAnswer>,
  now: Date,
  dayStartHour: number,
  utcOffset?: UtcOffset,
): StudiedToday {
  const start = studyDayStart(now, dayStartHour, utcOffset).getTime();
  const end = nextStudyDayStart(now, dayStartHour, utcOffset).getTime();
  const counted: StudiedToday = { newCount: 0, reviewCount: 0 };
  for (const entry of entries) {
    const at = entry.reviewedAt.getTime();
    if (at < start || at >= end) continue;
    if (entry.before.phase === 'new') counted.newCount += 1;
    else if (entry.before.phase === 'review') counted.reviewCount += 1;
  }
  return counted;
}
