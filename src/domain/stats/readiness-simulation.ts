/**
 * One card's outlook for an exam: its recall on exam day if nothing more is done, and the
 * answers FSRS would ask for between now and then to keep it at the desired retention.
 *
 * The plan is simulated with ts-fsrs's own memory model (`FSRSAlgorithm.next_state`,
 * `next_interval`, no fuzz): each review comes when the card's retrievability falls to the
 * desired retention (at once if that moment has passed) and is answered Good, which raises
 * stability; reviews stop once the next one would fall on or after the exam. A new card is
 * learned now with one Good per learning step. Intervals are at least a day, so a card takes
 * at most one review per day left and usually far fewer: intervals grow each time.
 */
import { FSRSAlgorithm, S_MIN, default_learning_steps, forgetting_curve } from 'ts-fsrs';
import type { CardSchedule } from '../scheduling/types.ts';
import { DAY_MS } from './day-grid.ts';
import { isStudied } from './retrievability.ts';

/** ts-fsrs grade for Good. */
const GOOD = 3;

export interface ReadinessModelOptions {
  /** Retention to reach on exam day, strictly between 0 and 1 (e.g. 0.9). */
  desiredRetention: number;
  /** FSRS weights in use; omit for the FSRS-6 defaults. */
  weights?: readonly number[];
  /** Learning steps of the deck (only their number matters); default ts-fsrs's ['1m', '10m']. */
  learningSteps?: readonly string[];
  /** Longest interval FSRS may give, in days; default 36500. */
  maximumIntervalDays?: number;
}

export interface ReadinessModel {
  readonly algorithm: FSRSAlgorithm;
  readonly decay: number;
  readonly desiredRetention: number;
  /** Good answers that take a new card through its learning steps. */
  readonly learningAnswers: number;
}

/**
 * Checks the options and prepares the FSRS model shared by every card.
 *
 * @example
 * const model = readinessModel({ desiredRetention: 0.9 });
 */
export function readinessModel(options: ReadinessModelOptions): ReadinessModel {
  const { desiredRetention } = options;
  if (!(desiredRetention > 0 && desiredRetention < 1)) {
    throw new RangeError(`desiredRetention must be between 0 and 1, got ${desiredRetention}`);
  }
  const maximumInterval = options.maximumIntervalDays ?? 36500;
  if (!(maximumInterval >= 1)) throw new RangeError(`maximumIntervalDays must be at least 1, got ${maximumInterval}`);
  const algorithm = new FSRSAlgorithm({
    request_retention: desiredRetention,
    maximum_interval: maximumInterval,
    enable_fuzz: false,
    ...(options.weights === undefined ? {} : { w: options.weights }),
  });
  return {
    algorithm,
    decay: algorithm.parameters.w[20] ?? 0.5,
    desiredRetention,
    // With steps [1m, 10m] a Good moves a new card to the 10-minute step and a second Good
    // graduates it; with no steps or one step, one Good graduates it.
    learningAnswers: Math.max(1, (options.learningSteps ?? default_learning_steps).length),
  };
}

export interface CardOutlook {
  /** Probability of recall on exam day with no more reviews; 0 for a card never studied. */
  recallAtExam: number;
  /** Probability of recall on exam day after the planned answers. */
  recallWithPlan: number;
  /** Answers the plan asks for before the exam (a new card's learning answers included). */
  reviewsNeeded: number;
  /** The plan's first review is due already (studied cards only). */
  dueNow: boolean;
  isNew: boolean;
}

/**
 * Simulates one card from `nowMs` to `examMs` (both epoch ms, exam later than now).
 *
 * @example
 * // review card, stability 5 d, last review 5 days ago, exam in 10 days, target 0.9:
 * cardOutlook(card, now, now + 10 * DAY_MS, readinessModel({ desiredRetention: 0.9 }))
 * // → { recallAtExam: 0.809, reviewsNeeded: 1, recallWithPlan: 0.933, dueNow: true, isNew: false }
 */
export function cardOutlook(s: CardSchedule, nowMs: number, examMs: number, model: ReadinessModel): CardOutlook {
  const { algorithm, decay } = model;
  const studied = isStudied(s) && s.lastReview !== null;
  let stability: number;
  let difficulty: number;
  let last: number;
  let answers: number;
  let recallAtExam: number;
  if (studied && s.lastReview !== null) {
    // Guard against odd stored values that ts-fsrs would reject.
    stability = Math.max(S_MIN, s.stability);
    difficulty = Math.min(10, Math.max(1, s.difficulty));
    last = s.lastReview.getTime();
    answers = 0;
    recallAtExam = forgetting_curve(decay, Math.max(0, (examMs - last) / DAY_MS), stability);
  } else {
    // Learned now: same-day steps are FSRS short-term updates (elapsed 0 days).
    let state = algorithm.next_state(null, 0, GOOD);
    for (let step = 1; step < model.learningAnswers; step++) state = algorithm.next_state(state, 0, GOOD);
    stability = state.stability;
    difficulty = state.difficulty;
    last = nowMs;
    answers = model.learningAnswers;
    recallAtExam = 0;
  }

  let dueNow = false;
  for (;;) {
    let next = last + algorithm.next_interval(stability, 0) * DAY_MS;
    if (next <= nowMs) {
      // Overdue: reviewed right away, at a lower retrievability than planned.
      next = nowMs;
      if (studied && answers === 0) dueNow = true;
    }
    // Written this way round so a NaN from corrupt data also ends the loop.
    if (!(next < examMs)) break;
    const state = algorithm.next_state({ difficulty, stability }, (next - last) / DAY_MS, GOOD);
    stability = state.stability;
    difficulty = state.difficulty;
    last = next;
    answers++;
  }
  const recallWithPlan = forgetting_curve(decay, Math.max(0, (examMs - last) / DAY_MS), stability);
  return { recallAtExam, recallWithPlan, reviewsNeeded: answers, dueNow, isNew: !studied };
}
