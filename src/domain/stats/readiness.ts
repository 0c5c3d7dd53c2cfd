/**
 * Exam readiness: the share of cards the person is predicted to recall on the exam date,
 * overall, per deck and per topic, and how many reviews a day would bring each group to the
 * desired retention by then. Per-card figures come from readiness-simulation.ts; this module
 * adds them up in one pass and says plainly what the prediction assumes.
 */
import type { CardSchedule } from '../scheduling/types.ts';
import { DAY_MS } from './day-grid.ts';
import { cardOutlook, readinessModel, type ReadinessModelOptions } from './readiness-simulation.ts';

/** What the prediction assumes, in words the statistics screen shows next to it. */
export const READINESS_ASSUMPTIONS: readonly string[] = [
  'The prediction uses the FSRS memory model: for each card, the chance of recalling it falls over time at a rate set by its stability, counted from its last review.',
  'It assumes you do no more reviews between now and the exam.',
  'Cards you have never studied count as not recalled. Suspended cards are left out.',
  'The figure is an average over cards: the share you can expect to recall, not a promise about any one card.',
  'The suggested reviews assume each review comes when FSRS would schedule it for your desired retention and that you answer Good every time; each new card is learned at once, with one answer per learning step.',
  'Cards in (re)learning are treated as reviewed just now at their current stability; their remaining same-day steps are not counted.',
  'The suggestion aims for every card to reach the desired retention on exam day, which is more than the average needs. Reviews per day spread the total evenly over the days left, but overdue cards are due right away.',
  'FSRS predictions are only as good as its parameters: with the defaults, or with a short review history, they can be off by several percentage points.',
];

export interface ExamReadinessInput extends ReadinessModelOptions {
  schedules: readonly CardSchedule[];
  /** cardId → topics (or tags); omit to get only the overall and per-deck figures. */
  groupsByCard?: ReadonlyMap<string, readonly string[]>;
  /** Must be after `now`. */
  examDate: Date;
  now: Date;
}

export interface ReadinessFigures {
  /** Cards counted (suspended cards are left out). */
  cards: number;
  /** Of those, cards never studied. */
  newCards: number;
  /** Mean probability of recall on exam day with no more reviews, new cards as 0; null without cards. */
  predictedRecall: number | null;
  /** The same over studied cards only; null when there are none. */
  predictedRecallStudied: number | null;
  /** Mean recall on exam day if the suggested reviews are done; null without cards. */
  predictedRecallWithPlan: number | null;
  /** Cards whose recall on exam day, with no more reviews, is below the desired retention. */
  cardsBelowTarget: number;
  /** Answers the plan asks for before the exam. */
  reviewsNeeded: number;
  /** reviewsNeeded spread over the days left, rounded up. */
  reviewsPerDay: number;
  /** Cards whose first planned review is due already. */
  dueNow: number;
  /** predictedRecall is at least the desired retention. */
  meetsTarget: boolean;
}

export interface GroupReadiness extends ReadinessFigures {
  /** Deck id, topic or tag. */
  group: string;
}

export interface ExamReadiness {
  desiredRetention: number;
  /** Whole days from now to the exam, rounded up. */
  daysLeft: number;
  overall: ReadinessFigures;
  /** Sorted by deck id. */
  byDeck: GroupReadiness[];
  /** Sorted by group name; empty without `groupsByCard`. */
  byGroup: GroupReadiness[];
}

interface Tally {
  cards: number;
  newCards: number;
  recallSum: number;
  planSum: number;
  below: number;
  reviews: number;
  dueNow: number;
}

const newTally = (): Tally => ({ cards: 0, newCards: 0, recallSum: 0, planSum: 0, below: 0, reviews: 0, dueNow: 0 });

function tallyIn(map: Map<string, Tally>, key: string): Tally {
  let t = map.get(key);
  if (t === undefined) {
    t = newTally();
    map.set(key, t);
  }
  return t;
}

/**
 * Predicts recall on the exam date and suggests a daily review load, in one pass over the
 * cards (each card's plan is a short simulation: a few steps, as intervals grow).
 *
 * @example
 * const r = examReadiness({ schedules, groupsByCard: topicsOf, examDate, now, desiredRetention: 0.9 });
 * r.overall.predictedRecall // → 0.68  (68 % of the cards recalled if you stop now)
 * r.byGroup[0]              // → { group: 'iam', reviewsPerDay: 3, … }
 */
export function examReadiness(input: ExamReadinessInput): ExamReadiness {
  const nowMs = input.now.getTime();
  const examMs = input.examDate.getTime();
  if (!(examMs > nowMs)) throw new RangeError('examDate must be after now');
  const model = readinessModel(input);
  const daysLeft = Math.ceil((examMs - nowMs) / DAY_MS);

  const overall = newTally();
  const decks = new Map<string, Tally>();
  const groups = new Map<string, Tally>();
  for (const s of input.schedules) {
    if (s.suspended) continue;
    const outlook = cardOutlook(s, nowMs, examMs, model);
    const below = outlook.recallAtExam < model.desiredRetention;
    const targets = [overall, tallyIn(decks, s.deckId)];
    for (const g of input.groupsByCard?.get(s.cardId) ?? []) targets.push(tallyIn(groups, g));
    for (const t of targets) {
      t.cards++;
      if (outlook.isNew) t.newCards++;
      t.recallSum += outlook.recallAtExam;
      t.planSum += outlook.recallWithPlan;
      if (below) t.below++;
      t.reviews += outlook.reviewsNeeded;
      if (outlook.dueNow) t.dueNow++;
    }
  }

  const figures = (t: Tally): ReadinessFigures => {
    const predictedRecall = t.cards === 0 ? null : t.recallSum / t.cards;
    const studied = t.cards - t.newCards;
    return {
      cards: t.cards,
      newCards: t.newCards,
      predictedRecall,
      // New cards add 0 to recallSum, so the studied mean is the same sum over fewer cards.
      predictedRecallStudied: studied === 0 ? null : t.recallSum / studied,
      predictedRecallWithPlan: t.cards === 0 ? null : t.planSum / t.cards,
      cardsBelowTarget: t.below,
      reviewsNeeded: t.reviews,
      reviewsPerDay: Math.ceil(t.reviews / daysLeft),
      dueNow: t.dueNow,
      meetsTarget: predictedRecall !== null && predictedRecall >= model.desiredRetention,
    };
  };
  const named = (map: Map<string, Tally>): GroupReadiness[] =>
    // Default sort is code-unit order: the same on every machine, unlike localeCompare.
    [...map.keys()].sort().map((group) => ({ group, ...figures(tallyIn(map, group)) }));

  return {
    desiredRetention: model.desiredRetention,
    daysLeft,
    overall: figures(overall),
    byDeck: named(decks),
    byGroup: named(groups),
  };
}
