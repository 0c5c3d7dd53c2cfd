/**
 * The one place where our scheduling vocabulary meets ts-fsrs': CardSchedule <-> Card,
 * Phase <-> State, Rating <-> Grade, and SchedulingOptions -> FSRSParameters. Everything
 * else in the app speaks only our types, so a ts-fsrs upgrade touches this file alone.
 */
import { Rating as FsrsRating, State, checkParameters, generatorParameters } from 'ts-fsrs';
import type { Card, FSRSParameters, Grade, StepUnit } from 'ts-fsrs';
import type { CardSchedule, Phase, Rating, SchedulingOptions } from './types.ts';

/** A ts-fsrs card that also carries our card id, which seeds the fuzz (see scheduler.ts). */
export type SeededCard = Card & { card_id: string };

const PHASE_OF_STATE: Record<State, Phase> = {
  [State.New]: 'new',
  [State.Learning]: 'learning',
  [State.Review]: 'review',
  [State.Relearning]: 'relearning',
};

const STATE_OF_PHASE: Record<Phase, State> = {
  new: State.New,
  learning: State.Learning,
  review: State.Review,
  relearning: State.Relearning,
};

const GRADE_OF_RATING: Record<Rating, Grade> = {
  1: FsrsRating.Again,
  2: FsrsRating.Hard,
  3: FsrsRating.Good,
  4: FsrsRating.Easy,
};

const STEP_PATTERN = /^(?:\d+(?:\.\d+)?|\.\d+)[mhd]$/;

/**
 * Whether `text` is a learning step ts-fsrs understands: a positive number then m, h or d.
 *
 * @example
 * isStep('10m'); // true
 * isStep('1.5h'); // true
 * isStep('10 min'); // false
 */
export function isStep(text: string): text is StepUnit {
  return STEP_PATTERN.test(text) && Number.parseFloat(text) > 0;
}

function toSteps(steps: readonly string[], label: string): StepUnit[] {
  return steps.map((step) => {
    if (!isStep(step)) throw new RangeError(`Invalid ${label} step "${step}": expected e.g. 1m, 10m, 1h, 1d`);
    return step;
  });
}

/**
 * Our options as ts-fsrs parameters, validated. Throws a RangeError on a value ts-fsrs would
 * reject or silently replace (it falls back to defaults on bad weights; we would rather know).
 *
 * @example
 * toFsrsParameters({ desiredRetention: 0.9, learningSteps: ['1m', '10m'], relearningSteps: ['10m'],
 *   maximumIntervalDays: 36500, enableFuzz: true }).request_retention; // 0.9
 */
export function toFsrsParameters(options: SchedulingOptions): FSRSParameters {
  const { desiredRetention, maximumIntervalDays } = options;
  if (!(desiredRetention > 0 && desiredRetention < 1)) {
    throw new RangeError(`Desired retention must be between 0 and 1 (exclusive), got ${desiredRetention}`);
  }
  if (!Number.isInteger(maximumIntervalDays) || maximumIntervalDays < 1) {
    throw new RangeError(`Maximum interval must be a whole number of days >= 1, got ${maximumIntervalDays}`);
  }
  const base = {
    request_retention: desiredRetention,
    maximum_interval: maximumIntervalDays,
    enable_fuzz: options.enableFuzz,
    enable_short_term: true,
    learning_steps: toSteps(options.learningSteps, 'learning'),
    relearning_steps: toSteps(options.relearningSteps, 'relearning'),
  } satisfies Partial<FSRSParameters>;
  if (options.weights === undefined) return generatorParameters(base);
  try {
    return generatorParameters({ ...base, w: checkParameters(options.weights) });
  } catch (error) {
    throw new RangeError(`Invalid FSRS weights: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Our rating as the ts-fsrs grade of the same number. */
export function toGrade(rating: Rating): Grade {
  return GRADE_OF_RATING[rating];
}

/** Our phase as a ts-fsrs state. */
export function toState(phase: Phase): State {
  return STATE_OF_PHASE[phase];
}

/**
 * A CardSchedule as the card ts-fsrs schedules. Dates are copied so ts-fsrs can never
 * alias (and so never mutate) the snapshot we keep for undo.
 *
 * @example
 * toFsrsCard(schedule).state; // State.Review for a schedule in phase 'review'
 */
export function toFsrsCard(schedule: CardSchedule): SeededCard {
  const card: SeededCard = {
    card_id: schedule.cardId,
    due: new Date(schedule.due.getTime()),
    stability: schedule.stability,
    difficulty: schedule.difficulty,
    elapsed_days: schedule.elapsedDays,
    scheduled_days: schedule.scheduledDays,
    learning_steps: schedule.learningSteps,
    reps: schedule.reps,
    lapses: schedule.lapses,
    state: toState(schedule.phase),
  };
  // exactOptionalPropertyTypes: a never-reviewed card has no last_review key at all.
  if (schedule.lastReview !== null) card.last_review = new Date(schedule.lastReview.getTime());
  return card;
}

/**
 * The memory state and schedule of a ts-fsrs card, with our identity and queue flags
 * taken from `base` (ts-fsrs knows nothing of decks, suspension or burying).
 *
 * @example
 * fromFsrsCard(createEmptyCard(now), { cardId: 'c1', deckId: 'd1', suspended: false, buriedUntil: null }).phase; // 'new'
 */
export function fromFsrsCard(
  card: Card,
  base: Pick<CardSchedule, 'cardId' | 'deckId' | 'suspended' | 'buriedUntil'>,
): CardSchedule {
  return {
    cardId: base.cardId,
    deckId: base.deckId,
    phase: PHASE_OF_STATE[card.state],
    due: new Date(card.due.getTime()),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsedDays: card.elapsed_days,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    lastReview: card.last_review ? new Date(card.last_review.getTime()) : null,
    suspended: base.suspended,
    buriedUntil: base.buriedUntil === null ? null : new Date(base.buriedUntil.getTime()),
  };
}

/**
 * A deep copy of a schedule: the Date fields are new objects, so changing the copy (or the
 * original) never changes the other. Undo snapshots are taken with this.
 *
 * @example
 * const copy = cloneSchedule(s); copy.due.setTime(0); // s.due is unchanged
 */
export function cloneSchedule(schedule: CardSchedule): CardSchedule {
  return {
    ...schedule,
    due: new Date(schedule.due.getTime()),
    lastReview: schedule.lastReview === null ? null : new Date(schedule.lastReview.getTime()),
    buriedUntil: schedule.buriedUntil === null ? null : new Date(schedule.buriedUntil.getTime()),
  };
}
