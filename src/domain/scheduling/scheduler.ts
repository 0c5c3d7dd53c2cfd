/**
 * The scheduler: FSRS-6 through ts-fsrs, behind our own types. It owns the default options,
 * creating a new card's schedule, previewing the four answers, applying one (returning the
 * review-log entry with the exact pre-answer snapshot that undo restores) and a card's
 * current probability of recall.
 *
 * Fuzz is seeded from the card id and its review count (not from the clock), so the
 * interval previewed when the answer is revealed is the interval applied when a button is
 * pressed moments later, and answering again after an undo gives the same result. (ts-fsrs
 * counts elapsed days by UTC calendar date, so a reveal and a press on either side of UTC
 * midnight can differ by that day's worth of memory growth; nothing else moves the interval.)
 */
import { GenSeedStrategyWithCardId, StrategyMode, createEmptyCard, fsrs } from 'ts-fsrs';
import type { FSRS } from 'ts-fsrs';
import { DAY_MS } from './day.ts';
import { formatInterval } from './format-interval.ts';
import { cloneSchedule, fromFsrsCard, toFsrsCard, toFsrsParameters, toGrade } from './fsrs-card.ts';
import type { CardSchedule, DailyLimits, Rating, ReviewEntry, SchedulingOptions } from './types.ts';

/** FSRS-6 defaults, as the issue specifies: 90% retention, steps 1m 10m, relearn 10m, fuzz on. */
export const DEFAULT_SCHEDULING: SchedulingOptions = {
  desiredRetention: 0.9,
  learningSteps: ['1m', '10m'],
  relearningSteps: ['10m'],
  maximumIntervalDays: 36_500,
  enableFuzz: true,
};

/** Per-deck daily limits by default: 20 new cards and 200 reviews; the day starts at 4 am. */
export const DEFAULT_DAILY_LIMITS: DailyLimits = {
  newPerDay: 20,
  reviewsPerDay: 200,
  dayStartHour: 4,
};

/** What one answer button would do: the resulting schedule and its label ("10m", "3d"). */
export interface AnswerPreview {
  schedule: CardSchedule;
  /** From the moment of the preview to the new due date. */
  intervalMs: number;
  intervalLabel: string;
}

export interface Scheduler {
  readonly options: SchedulingOptions;
  /** The schedule of a card never studied: phase 'new', due `now`. */
  newSchedule(cardId: string, deckId: string, now: Date): CardSchedule;
  /** The outcome of each of the four answers at `now`, without changing anything. */
  preview(schedule: CardSchedule, now: Date): Record<Rating, AnswerPreview>;
  /** Applies one answer: `before` is an exact copy of `schedule`, `after` the new schedule. */
  answer(schedule: CardSchedule, rating: Rating, now: Date, durationMs: number): ReviewEntry;
  /** Probability of recall at `now` (0 for a card never studied). */
  retrievability(schedule: CardSchedule, now: Date): number;
}

/**
 * The ts-fsrs instance for `options`, fuzz seeded by card id + review count. For domain
 * code that needs FSRS itself (the workload simulation); the app uses createScheduler.
 *
 * @example
 * createFsrs({ ...DEFAULT_SCHEDULING, enableFuzz: false }).next_interval(10, 0); // 10 (days at 90%)
 */
export function createFsrs(options: SchedulingOptions): FSRS {
  // GenSeedStrategyWithCardId reads the card_id field toFsrsCard adds, plus reps.
  return fsrs(toFsrsParameters(options)).useStrategy(StrategyMode.SEED, GenSeedStrategyWithCardId('card_id'));
}

/**
 * ts-fsrs keeps Hard < Good < Easy by adding a day each, which can push Good and Easy past
 * the maximum interval; the setting is a promise to the person, so hold it.
 */
function capInterval(schedule: CardSchedule, now: Date, maximumIntervalDays: number): CardSchedule {
  if (schedule.phase !== 'review' || schedule.scheduledDays <= maximumIntervalDays) return schedule;
  return { ...schedule, scheduledDays: maximumIntervalDays, due: new Date(now.getTime() + maximumIntervalDays * DAY_MS) };
}

function flagsOf(schedule: CardSchedule): Pick<CardSchedule, 'cardId' | 'deckId' | 'suspended' | 'buriedUntil'> {
  return {
    cardId: schedule.cardId,
    deckId: schedule.deckId,
    suspended: schedule.suspended,
    buriedUntil: schedule.buriedUntil,
  };
}

/**
 * A scheduler for one deck's options. Options are validated here (RangeError on a bad
 * retention, step or weight list), once, rather than on every answer.
 *
 * @example
 * const scheduler = createScheduler(DEFAULT_SCHEDULING);
 * const card = scheduler.newSchedule('c1', 'd1', now);
 * scheduler.preview(card, now)[3].intervalLabel; // '10m' (Good on a new card)
 * const entry = scheduler.answer(card, 3, now, 4200); // entry.after.phase === 'learning'
 */
export function createScheduler(options: SchedulingOptions = DEFAULT_SCHEDULING): Scheduler {
  const f = createFsrs(options);
  const frozen: SchedulingOptions = {
    ...options,
    learningSteps: [...options.learningSteps],
    relearningSteps: [...options.relearningSteps],
  };
  if (options.weights !== undefined) frozen.weights = [...options.weights];

  return {
    options: frozen,

    newSchedule(cardId, deckId, now) {
      return fromFsrsCard(createEmptyCard(now), { cardId, deckId, suspended: false, buriedUntil: null });
    },

    preview(schedule, now) {
      const outcomes = f.repeat(toFsrsCard(schedule), now);
      const base = flagsOf(schedule);
      const one = (rating: Rating): AnswerPreview => {
        const after = capInterval(fromFsrsCard(outcomes[toGrade(rating)].card, base), now, frozen.maximumIntervalDays);
        const intervalMs = after.due.getTime() - now.getTime();
        return { schedule: after, intervalMs, intervalLabel: formatInterval(intervalMs) };
      };
      return { 1: one(1), 2: one(2), 3: one(3), 4: one(4) };
    },

    answer(schedule, rating, now, durationMs) {
      // Keep our own pre-answer snapshot: ts-fsrs rollback() does not restore the old due date.
      const before = cloneSchedule(schedule);
      const { card } = f.next(toFsrsCard(schedule), now, toGrade(rating));
      return {
        cardId: schedule.cardId,
        deckId: schedule.deckId,
        rating,
        reviewedAt: new Date(now.getTime()),
        durationMs: Math.max(0, Math.round(durationMs)),
        before,
        after: capInterval(fromFsrsCard(card, flagsOf(schedule)), now, frozen.maximumIntervalDays),
      };
    },

    retrievability(schedule, now) {
      if (schedule.phase === 'new' || schedule.lastReview === null || schedule.stability <= 0) return 0;
      // Fractional days (ts-fsrs's own get_retrievability rounds down to whole days), so cards
      // reviewed on the same day still sort by how long ago they were seen.
      const elapsedDays = Math.max(0, (now.getTime() - schedule.lastReview.getTime()) / DAY_MS);
      return f.forgetting_curve(elapsedDays, schedule.stability);
    },
  };
}
