/**
 * Scheduling vocabulary shared by the scheduler, the queue, statistics and the database
 * mappers. Dates are `Date` here; the database stores epoch milliseconds and converts
 * at its boundary (src/db/mappers.ts).
 */

/** The four answer buttons, numbered as ts-fsrs and Anki number them. */
export type Rating = 1 | 2 | 3 | 4;
export const RATINGS: readonly Rating[] = [1, 2, 3, 4];
export const RATING_LABELS: Record<Rating, string> = { 1: 'Again', 2: 'Hard', 3: 'Good', 4: 'Easy' };

export type Phase = 'new' | 'learning' | 'review' | 'relearning';

/** FSRS memory state and schedule of one card, plus the flags that keep it out of the queue. */
export interface CardSchedule {
  cardId: string;
  deckId: string;
  phase: Phase;
  due: Date;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  lastReview: Date | null;
  suspended: boolean;
  /** Buried until this moment (start of the next study day), or null. */
  buriedUntil: Date | null;
}

/** One answer, as kept in the append-only review log. */
export interface ReviewEntry {
  cardId: string;
  deckId: string;
  rating: Rating;
  reviewedAt: Date;
  /** How long the person took to answer, from question shown to button pressed. */
  durationMs: number;
  /** The card's schedule just before this answer: undo restores it exactly. */
  before: CardSchedule;
  /** The schedule the answer produced. */
  after: CardSchedule;
}

/** Per-deck scheduling options (defaults in scheduler.ts). */
export interface SchedulingOptions {
  desiredRetention: number;
  learningSteps: string[];
  relearningSteps: string[];
  maximumIntervalDays: number;
  enableFuzz: boolean;
  /** FSRS weights; omit for the FSRS-6 defaults. */
  weights?: number[];
}

export interface DailyLimits {
  newPerDay: number;
  reviewsPerDay: number;
  /** Local hour at which a new study day starts (Anki: 4). */
  dayStartHour: number;
}
