/**
 * A simulated learner's review log, for testing and benchmarking the optimiser on data
 * whose answer is known. Cards are scheduled exactly as the app schedules them (our
 * scheduler, FSRS-6 defaults, learning steps and fuzz), but whether the learner remembers
 * is drawn from a different, "true" memory: FSRS-6 with TRUE_LEARNER_WEIGHTS. An optimiser
 * fitted to the log should therefore move away from the defaults and predict it better.
 *
 * Deterministic: the same seed and options give the same log, everywhere. Time is
 * simulated in UTC with the study day starting at 4 am; sessions begin at `start`'s time
 * of day on each day (pick one well clear of 4 am).
 */
import { fsrs } from 'ts-fsrs';
import type { FSRSState } from 'ts-fsrs';
import { DEFAULT_SCHEDULING, createScheduler } from '../scheduling/scheduler.ts';
import { DAY_MS, fixedUtcOffset } from '../scheduling/day.ts';
import type { CardSchedule, Rating, ReviewEntry } from '../scheduling/types.ts';
import { pickWeighted, seededRandom } from './prng.ts';
import { studyDayNumber } from './training-set.ts';

/**
 * The simulated learner's real memory: FSRS-6 weights that differ clearly from the
 * defaults (first-day stabilities, difficulty and the recall and lapse terms), within
 * the ranges fsrs-rs allows.
 */
export const TRUE_LEARNER_WEIGHTS: readonly number[] = [
  0.9, 3.2, 6.5, 18.0, 5.6, 1.1, 1.2, 0.02, 2.2, 0.12, 1.2, 1.1, 0.08, 0.35, 1.6, 0.4, 2.2, 0.35, 0.3, 0.1, 0.25,
];

/** The study day of generated logs starts at 4 am UTC. */
export const GENERATED_DAY_START_HOUR = 4;

export interface GenerateOptions {
  /** How many distinct cards the learner meets (introduced `newPerDay` a day, in order). */
  cards: number;
  /** How many answers to produce; the simulation stops there. */
  reviews: number;
  /** The first session; every later session starts at the same time of day. */
  start: Date;
  /** New cards introduced per day (default 20). */
  newPerDay?: number;
  /** Deck id of every card (default 'generated'). Card ids are `<deckId>-<n>`. */
  deckId?: string;
  /** The learner's true memory (default TRUE_LEARNER_WEIGHTS). */
  trueWeights?: readonly number[];
}

/** First answers of new cards: Again, Hard, Good, Easy. */
const FIRST_RATING_WEIGHTS = [0.2, 0.1, 0.55, 0.15];
/** Answers when the card is remembered: Hard, Good, Easy. */
const RECALL_RATING_WEIGHTS = [0.15, 0.75, 0.1];
const SESSION_SPREAD_MS = 3 * 60 * 60_000;
const utc = fixedUtcOffset(0);

interface SimCard {
  index: number;
  schedule: CardSchedule;
  memory: FSRSState | null;
  lastReview: Date | null;
  nextAt: number;
}

/** A binary min-heap of cards by next review time (ties: lower card index first). */
class CardQueue {
  private readonly items: SimCard[] = [];
  private before(a: SimCard, b: SimCard): boolean {
    return a.nextAt < b.nextAt || (a.nextAt === b.nextAt && a.index < b.index);
  }
  push(card: SimCard): void {
    const items = this.items;
    items.push(card);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = items[parent] as SimCard;
      if (!this.before(card, p)) break;
      items[i] = p;
      i = parent;
    }
    items[i] = card;
  }
  pop(): SimCard | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (top === undefined || last === undefined || items.length === 0) return top;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= items.length) break;
      const right = left + 1;
      const l = items[left] as SimCard;
      const r = items[right];
      const child = r !== undefined && this.before(r, l) ? right : left;
      const c = items[child] as SimCard;
      if (!this.before(c, last)) break;
      items[i] = c;
      i = child;
    }
    items[i] = last;
    return top;
  }
}

/**
 * A deterministic simulated review log, oldest first.
 *
 * @example
 * const log = generateReviewLog(7, { cards: 200, reviews: 1500, start: new Date('2025-01-06T10:00:00Z') });
 * log.length; // 1500
 * log[0].before.phase; // 'new'
 */
export function generateReviewLog(seed: number, options: GenerateOptions): ReviewEntry[] {
  const { cards, reviews, start } = options;
  const newPerDay = options.newPerDay ?? 20;
  const deckId = options.deckId ?? 'generated';
  if (!(cards > 0 && reviews >= 0 && newPerDay > 0)) throw new RangeError('cards and newPerDay must be positive');
  const random = seededRandom(seed);
  const scheduler = createScheduler(DEFAULT_SCHEDULING);
  const truth = fsrs({ w: options.trueWeights ?? TRUE_LEARNER_WEIGHTS, enable_short_term: true });
  const day = (at: Date) => studyDayNumber(at, GENERATED_DAY_START_HOUR, utc);
  const sessionStart = (dayIndex: number) => start.getTime() + dayIndex * DAY_MS + random() * SESSION_SPREAD_MS;

  const queue = new CardQueue();
  for (let index = 0; index < cards; index += 1) {
    const introducedAt = start.getTime() + Math.floor(index / newPerDay) * DAY_MS;
    const schedule = scheduler.newSchedule(`${deckId}-${index + 1}`, deckId, new Date(introducedAt));
    queue.push({ index, schedule, memory: null, lastReview: null, nextAt: introducedAt + index * 1000 });
  }

  const log: ReviewEntry[] = [];
  while (log.length < reviews) {
    const card = queue.pop();
    if (card === undefined) break;
    const now = new Date(card.nextAt);
    let rating: Rating;
    let deltaT = 0;
    if (card.memory === null || card.lastReview === null) {
      rating = (pickWeighted(random, FIRST_RATING_WEIGHTS) + 1) as Rating;
    } else {
      deltaT = day(now) - day(card.lastReview);
      // Same-day steps: recall after minutes, from the true stability (R is near 1 but not 1).
      const elapsed = deltaT > 0 ? deltaT : (now.getTime() - card.lastReview.getTime()) / DAY_MS;
      const recalled = random() < truth.forgetting_curve(elapsed, card.memory.stability);
      rating = recalled ? ((pickWeighted(random, RECALL_RATING_WEIGHTS) + 2) as Rating) : 1;
    }
    const entry = scheduler.answer(card.schedule, rating, now, 3000 + random() * 12_000);
    log.push(entry);
    card.memory = truth.next_state(card.memory, deltaT, rating);
    card.lastReview = now;
    card.schedule = entry.after;
    const due = entry.after.due.getTime();
    // Steps within the day are answered as they fall due; longer intervals wait for that day's session.
    const sameDay = day(entry.after.due) === day(now);
    card.nextAt = sameDay
      ? due + Math.floor(random() * 60_000)
      : Math.max(due, sessionStart(Math.floor((due - start.getTime()) / DAY_MS)));
    queue.push(card);
  }
  return log;
}
