/**
 * The small fixed review log and card states the statistics tests work out by hand.
 *
 * The machine runs in UTC, but every time here is built with the local-time `Date`
 * constructor, so the tests read the same in any zone without daylight saving.
 * The study day starts at 04:00, so "today" is [15 Mar 04:00, 16 Mar 04:00).
 */
import type { CardSchedule, Phase, Rating } from '../../../../src/domain/scheduling/types.ts';
import type { StatReview } from '../../../../src/domain/stats/stat-review.ts';

export const DAY_START_HOUR = 4;
const DAY_MS = 86_400_000;

/** Local time, months 1-based to read like a calendar. */
export function local(year: number, month: number, day: number, hour = 0, minute = 0): number {
  return new Date(year, month - 1, day, hour, minute).getTime();
}

/** Friday 15 March 2024, 10:00 local. */
export const NOW = new Date(local(2024, 3, 15, 10));

function row(
  cardId: string,
  reviewedAt: number,
  rating: Rating,
  durationMs: number,
  phaseBefore: Phase,
  lastIntervalDays: number,
): StatReview {
  const deckId = cardId === 'd' || cardId === 'e' ? 'd2' : 'd1';
  return { cardId, deckId, reviewedAt, rating, durationMs, phaseBefore, lastIntervalDays };
}

/**
 * Seventeen answers. `#` is the row number the tests refer to; "day" is the study day.
 *
 * | #  | card | local time        | day    | rating | ms    | phase before | last ivl |
 * |----|------|-------------------|--------|--------|-------|--------------|----------|
 * | 1  | a    | 2023-03-10 09:00  | 03-10  | 3 Good | 10000 | new          | 0        |
 * | 1b | a    | 2023-03-12 09:00  | 03-12  | 1 Again| 4000  | review       | 2        |
 * | 2  | a    | 2024-01-10 09:00  | 01-10  | 3 Good | 5000  | review       | 30       |
 * | 3  | b    | 2024-02-20 09:00  | 02-20  | 1 Again| 9000  | review       | 10       |
 * | 4  | b    | 2024-02-20 09:10  | 02-20  | 3 Good | 4000  | relearning   | 0        |
 * | 5  | d    | 2024-03-09 03:00  | 03-08  | 1 Again| 6000  | review       | 21       |
 * | 6  | c    | 2024-03-09 09:00  | 03-09  | 2 Hard | 5000  | review       | 25       |
 * | 7  | b    | 2024-03-10 12:00  | 03-10  | 3 Good | 3000  | review       | 15       |
 * | 8  | d    | 2024-03-14 05:00  | 03-14  | 4 Easy | 2000  | review       | 5        |
 * | 9  | e    | 2024-03-15 03:59  | 03-14  | 3 Good | 7000  | new          | 0        |
 * | 10 | a    | 2024-03-15 04:00  | 03-15  | 1 Again| 8000  | review       | 40       |
 * | 11 | a    | 2024-03-15 04:10  | 03-15  | 3 Good | 4000  | relearning   | 0        |
 * | 12 | b    | 2024-03-15 08:00  | 03-15  | 2 Hard | 6000  | review       | 20       |
 * | 13 | c    | 2024-03-15 09:00  | 03-15  | 3 Good | 5000  | review       | 21       |
 * | 14 | e    | 2024-03-15 09:30  | 03-15  | 1 Again| 12000 | learning     | 0        |
 * | 15 | e    | 2024-03-15 09:31  | 03-15  | 3 Good | 3000  | learning     | 0        |
 * | 16 | d    | 2024-03-15 09:45  | 03-15  | 1 Again| 7000  | review       | 8        |
 */
export const REVIEWS: readonly StatReview[] = [
  row('a', local(2023, 3, 10, 9), 3, 10000, 'new', 0), // 1
  row('a', local(2023, 3, 12, 9), 1, 4000, 'review', 2), // 1b
  row('a', local(2024, 1, 10, 9), 3, 5000, 'review', 30), // 2
  row('b', local(2024, 2, 20, 9), 1, 9000, 'review', 10), // 3
  row('b', local(2024, 2, 20, 9, 10), 3, 4000, 'relearning', 0), // 4
  row('d', local(2024, 3, 9, 3), 1, 6000, 'review', 21), // 5
  row('c', local(2024, 3, 9, 9), 2, 5000, 'review', 25), // 6
  row('b', local(2024, 3, 10, 12), 3, 3000, 'review', 15), // 7
  row('d', local(2024, 3, 14, 5), 4, 2000, 'review', 5), // 8
  row('e', local(2024, 3, 15, 3, 59), 3, 7000, 'new', 0), // 9
  row('a', local(2024, 3, 15, 4), 1, 8000, 'review', 40), // 10
  row('a', local(2024, 3, 15, 4, 10), 3, 4000, 'relearning', 0), // 11
  row('b', local(2024, 3, 15, 8), 2, 6000, 'review', 20), // 12
  row('c', local(2024, 3, 15, 9), 3, 5000, 'review', 21), // 13
  row('e', local(2024, 3, 15, 9, 30), 1, 12000, 'learning', 0), // 14
  row('e', local(2024, 3, 15, 9, 31), 3, 3000, 'learning', 0), // 15
  row('d', local(2024, 3, 15, 9, 45), 1, 7000, 'review', 8), // 16
];

interface CardSpec {
  deckId?: string;
  phase: Phase;
  due: number;
  stability?: number;
  difficulty?: number;
  scheduledDays?: number;
  lastReview?: number | null;
  suspended?: boolean;
  buriedUntil?: number | null;
}

export function card(cardId: string, spec: CardSpec): CardSchedule {
  return {
    cardId,
    deckId: spec.deckId ?? 'd1',
    phase: spec.phase,
    due: new Date(spec.due),
    stability: spec.stability ?? 0,
    difficulty: spec.difficulty ?? 0,
    elapsedDays: 0,
    scheduledDays: spec.scheduledDays ?? 0,
    learningSteps: 0,
    reps: spec.phase === 'new' ? 0 : 3,
    lapses: 0,
    lastReview: spec.lastReview == null ? null : new Date(spec.lastReview),
    suspended: spec.suspended ?? false,
    buriedUntil: spec.buriedUntil == null ? null : new Date(spec.buriedUntil),
  };
}

const now = NOW.getTime();
const daysBefore = (days: number): number => now - days * DAY_MS;
const daysAfter = (days: number): number => now + days * DAY_MS;
const tomorrow4am = local(2024, 3, 16, 4);

/**
 * Ten card states at NOW. Elapsed time since the last review is chosen as 0, S, 2S or 10S
 * so retrievability comes out round: R(0) = 1, R(S) = 0.9, and see `R_2S` / `R_10S`.
 *
 * | card | phase      | S   | D   | ivl | last review | due              | flags              |
 * |------|------------|-----|-----|-----|-------------|------------------|--------------------|
 * | a    | review     | 2   | 5.5 | 2   | now − 2 d   | now              |                    |
 * | b    | review     | 10  | 7.2 | 10  | now − 20 d  | 5 Mar (overdue)  |                    |
 * | c    | review     | 30  | 3   | 30  | now         | now + 30 d       |                    |
 * | d    | review     | 1.5 | 4   | 2   | now − 15 d  | 2 Mar            | suspended          |
 * | e    | learning   | 0.5 | 6   | 0   | now         | now + 10 min     |                    |
 * | f    | new        | –   | –   | –   | –           | now              |                    |
 * | g    | new        | –   | –   | –   | –           | now              | buried to 16 Mar 4h|
 * | h    | review     | 100 | 2   | 90  | now         | now + 90 d       |                    |
 * | i    | review     | 5   | 9.5 | 5   | now − 5 d   | now              | buried to 16 Mar 4h|
 * | j    | relearning | 0.8 | 10  | 0   | now         | now + 10 min     |                    |
 */
export const SCHEDULES: readonly CardSchedule[] = [
  card('a', { phase: 'review', stability: 2, difficulty: 5.5, scheduledDays: 2, lastReview: daysBefore(2), due: now }),
  card('b', { phase: 'review', stability: 10, difficulty: 7.2, scheduledDays: 10, lastReview: daysBefore(20), due: local(2024, 3, 5, 10) }),
  card('c', { phase: 'review', stability: 30, difficulty: 3, scheduledDays: 30, lastReview: now, due: daysAfter(30) }),
  card('d', { deckId: 'd2', phase: 'review', stability: 1.5, difficulty: 4, scheduledDays: 2, lastReview: daysBefore(15), due: local(2024, 3, 2, 10), suspended: true }),
  card('e', { deckId: 'd2', phase: 'learning', stability: 0.5, difficulty: 6, lastReview: now, due: now + 10 * 60_000 }),
  card('f', { deckId: 'd2', phase: 'new', due: now }),
  card('g', { deckId: 'd2', phase: 'new', due: now, buriedUntil: tomorrow4am }),
  card('h', { deckId: 'd2', phase: 'review', stability: 100, difficulty: 2, scheduledDays: 90, lastReview: now, due: daysAfter(90) }),
  card('i', { phase: 'review', stability: 5, difficulty: 9.5, scheduledDays: 5, lastReview: daysBefore(5), due: now, buriedUntil: tomorrow4am }),
  card('j', { phase: 'relearning', stability: 0.8, difficulty: 10, lastReview: now, due: now + 10 * 60_000 }),
];

/**
 * FSRS-6 forgetting curve with the default decay w20 = 0.1542:
 *   R(t, S) = (1 + F·t/S)^(−0.1542), F = 0.9^(−1/0.1542) − 1.
 *   −1/0.1542 = −6.48508; 0.9^(−6.48508) = e^(6.48508 × 0.1053605) = e^0.683268 = 1.98035, so F ≈ 0.98035.
 * At t = 2S: (1 + 2F)^(−0.1542) = 2.96070^(−0.1542) = e^(−0.1542 × 1.085427) = e^(−0.167373) ≈ 0.84588.
 * At t = 10S: (1 + 10F)^(−0.1542) = 10.8035^(−0.1542) = e^(−0.1542 × 2.379870) = e^(−0.366976) ≈ 0.69283.
 */
export const R_2S = 0.84588;
export const R_10S = 0.69283;
