/** Card schedules for queue tests, built directly so each test states exactly what it needs. */
import { fixedUtcOffset } from '../../../../src/domain/scheduling/day.ts';
import type { CardSchedule, DailyLimits, Phase } from '../../../../src/domain/scheduling/types.ts';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
export const UTC = fixedUtcOffset(0);
export const LIMITS: DailyLimits = { newPerDay: 20, reviewsPerDay: 200, dayStartHour: 4 };
export const NONE_STUDIED = { newCount: 0, reviewCount: 0 };

export function card(cardId: string, phase: Phase, due: Date, extra: Partial<CardSchedule> = {}): CardSchedule {
  const seen = phase !== 'new';
  return {
    cardId,
    deckId: 'deck',
    phase,
    due,
    stability: seen ? 5 : 0,
    difficulty: seen ? 5 : 0,
    elapsedDays: 0,
    scheduledDays: phase === 'review' ? 5 : 0,
    learningSteps: 0,
    reps: seen ? 3 : 0,
    lapses: 0,
    lastReview: seen ? new Date(due.getTime() - 5 * DAY) : null,
    suspended: false,
    buriedUntil: null,
    ...extra,
  };
}

export const plus = (date: Date, ms: number) => new Date(date.getTime() + ms);
