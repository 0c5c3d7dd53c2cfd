/**
 * What the card browser can do to a card's schedule besides answering it: suspend, bury
 * until the next study day, reset its progress, move its due date. Each takes a schedule and
 * returns a new one (never mutating it); the database layer writes the result and keeps the
 * row's queue in step. None of these is a review, so none adds to the review log: history
 * and statistics keep counting only real answers (ts-fsrs's optimiser would read a logged
 * reset as an answer).
 */
import { localUtcOffset, nextStudyDayStart, studyDayStart, type UtcOffset } from '../scheduling/day.ts';
import { createScheduler } from '../scheduling/scheduler.ts';
import type { CardSchedule } from '../scheduling/types.ts';

// A new card's schedule does not depend on a deck's options.
const fresh = createScheduler();

const HOUR_MS = 3_600_000;
const DAY_KEY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The card suspended (kept out of every queue until unsuspended) or back in play.
 *
 * @example
 * setSuspended(schedule, true).suspended; // true
 */
export function setSuspended(schedule: CardSchedule, suspended: boolean): CardSchedule {
  return { ...schedule, suspended };
}

/**
 * The card buried until the next study day starts: it sits out today only, as in Anki.
 *
 * @example
 * // The day starts at 4:00; buried at 22:00 it comes back at 4:00 the next morning.
 * buryUntilNextDay(schedule, new Date('2026-03-02T22:00:00Z'), 4, fixedUtcOffset(0)).buriedUntil; // 2026-03-03T04:00:00Z
 */
export function buryUntilNextDay(schedule: CardSchedule, now: Date, dayStartHour: number, offset: UtcOffset = localUtcOffset): CardSchedule {
  return { ...schedule, buriedUntil: nextStudyDayStart(now, dayStartHour, offset) };
}

export function unbury(schedule: CardSchedule): CardSchedule {
  return { ...schedule, buriedUntil: null };
}

/**
 * The card as if never studied: a new card again, memory state, repetitions and lapses
 * cleared, unburied. Suspension is kept: it is the person's separate decision (a suspended
 * leech stays out of study until they unsuspend it).
 *
 * @example
 * resetProgress({ ...reviewCard, lapses: 9 }, now); // { phase: 'new', reps: 0, lapses: 0, stability: 0, due: now, ... }
 */
export function resetProgress(schedule: CardSchedule, now: Date): CardSchedule {
  const reset = fresh.newSchedule(schedule.cardId, schedule.deckId, now);
  return { ...reset, suspended: schedule.suspended };
}

/**
 * The start of the study day that begins on the local calendar date `day` (YYYY-MM-DD).
 * Throws a RangeError on a malformed date.
 *
 * @example
 * studyDayStartOn('2026-03-05', 4, fixedUtcOffset(60)); // 2026-03-05T03:00:00Z (4:00 in UTC+1)
 */
export function studyDayStartOn(day: string, dayStartHour: number, offset: UtcOffset = localUtcOffset): Date {
  const match = DAY_KEY.exec(day);
  const [year, month, date] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [NaN, NaN, NaN];
  const check = new Date(Date.UTC(year, month - 1, date));
  if (!match || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== date) {
    throw new RangeError(`Not a calendar date (YYYY-MM-DD): "${day}"`);
  }
  // Twelve hours into that study day, as an instant; the day containing it is the one wanted.
  // Aiming mid-day keeps daylight-saving shifts and an hour that does not exist out of it.
  const middleWall = Date.UTC(year, month - 1, date, dayStartHour + 12);
  const middle = middleWall - offset(new Date(middleWall)) * 60_000;
  return studyDayStart(new Date(middle), dayStartHour, offset);
}

/**
 * The card due at the start of `dayStart`'s study day, or null for a new card: new cards
 * have no due date (they are introduced in deck order, within the daily limit). The memory
 * state and interval stay as they are, so the next answer is scheduled from what the person
 * actually remembers, as Anki's "Set due date" does without "!". Throws a RangeError for a
 * day before today's.
 *
 * @example
 * setDueDate(reviewCard, studyDayStartOn('2026-04-01', 4), now)?.due; // 2026-04-01 at 4:00 local
 * setDueDate(newCard, studyDayStartOn('2026-04-01', 4), now); // null
 */
export function setDueDate(
  schedule: CardSchedule,
  dayStart: Date,
  now: Date,
  dayStartHour: number,
  offset: UtcOffset = localUtcOffset,
): CardSchedule | null {
  const today = studyDayStart(now, dayStartHour, offset).getTime();
  // An hour of slack: a day-start computed in another daylight-saving offset is still "today".
  if (dayStart.getTime() < today - HOUR_MS) throw new RangeError('A due date cannot be in the past.');
  if (schedule.phase === 'new') return null;
  return { ...schedule, due: new Date(dayStart.getTime()) };
}
