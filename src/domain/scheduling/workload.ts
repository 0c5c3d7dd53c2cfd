/**
 * Workload estimate: about how many reviews a day the collection will ask for over the next
 * `days` study days at a given desired retention, so the settings screen can show what
 * changing retention costs. It is a seeded Monte-Carlo simulation, deterministic for the same
 * input, and it assumes:
 *  - existing due dates stand (changing retention reschedules nothing; only the intervals
 *    given by later answers use the new retention); overdue cards are all reviewed today;
 *  - each review succeeds with the probability FSRS predicts at that moment, and a success
 *    is answered Good (no Hard/Easy); a failure is Again, then one review per relearning step;
 *  - learning steps (of new or part-learned cards) are passed with Good, one review per step;
 *  - `newPerDay` new cards are introduced each day, in order, while any remain;
 *  - demand is not capped by the daily review limit, and fuzz is ignored;
 *  - suspended cards are left out; burying (one day) is ignored.
 */
import { Rating as FsrsRating, State, createEmptyCard } from 'ts-fsrs';
import type { Card, FSRS, FSRSState } from 'ts-fsrs';
import { DAY_MS, localUtcOffset, studyDayStart } from './day.ts';
import type { UtcOffset } from './day.ts';
import { toFsrsCard } from './fsrs-card.ts';
import { DEFAULT_DAILY_LIMITS, createFsrs } from './scheduler.ts';
import type { CardSchedule, SchedulingOptions } from './types.ts';

export interface WorkloadInput {
  schedules: readonly CardSchedule[];
  options: SchedulingOptions;
  /** The retention to estimate for (it replaces options.desiredRetention). */
  desiredRetention: number;
  now: Date;
  /** Study days to simulate, today included. Default 30. */
  days?: number;
  /** New cards introduced per day. Default 20. */
  newPerDay?: number;
  /** New cards waiting. Default: the unsuspended schedules in phase 'new'. */
  newCardsAvailable?: number;
  dayStartHour?: number;
  utcOffset?: UtcOffset;
}

export interface WorkloadEstimate {
  /** Expected reviews on each study day, today first. */
  perDay: number[];
  totalReviews: number;
  averagePerDay: number;
}

/** Simulated paths at least; small decks get several samples per card to smooth noise. */
const MIN_PATHS = 2000;
const MAX_SAMPLES_PER_CARD = 64;
const GRADUATION_GUARD = 50;

/** FNV-1a: a stable 32-bit hash to seed each card's random stream. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: tiny, fast and good enough for a simulation. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Graduated {
  reviews: number;
  memory: FSRSState;
  intervalDays: number;
}

/** Answers Good until the card leaves (re)learning: the reviews it took and where it ends. */
function graduate(sim: FSRS, card: Card, at: Date): Graduated {
  let current = card;
  let time = at;
  let reviews = 0;
  while (reviews < GRADUATION_GUARD && (reviews === 0 || current.state !== State.Review)) {
    current = sim.next(current, time, FsrsRating.Good).card;
    time = current.due;
    reviews += 1;
  }
  return {
    reviews,
    memory: { stability: current.stability, difficulty: current.difficulty },
    intervalDays: Math.max(1, current.scheduled_days),
  };
}

/**
 * Estimated reviews per study day over the next `days` days at `desiredRetention`.
 * See the module header for what the simulation assumes.
 *
 * @example
 * const at90 = estimateDailyWorkload({ schedules, options, desiredRetention: 0.9, now });
 * const at95 = estimateDailyWorkload({ schedules, options, desiredRetention: 0.95, now });
 * at95.averagePerDay > at90.averagePerDay; // true: higher retention means shorter intervals
 */
export function estimateDailyWorkload(input: WorkloadInput): WorkloadEstimate {
  const days = input.days ?? 30;
  if (!Number.isInteger(days) || days < 1) throw new RangeError(`Days must be a whole number >= 1, got ${days}`);
  const newPerDay = Math.max(0, Math.floor(input.newPerDay ?? DEFAULT_DAILY_LIMITS.newPerDay));
  const sim = createFsrs({ ...input.options, desiredRetention: input.desiredRetention, enableFuzz: false });
  const day0 = studyDayStart(input.now, input.dayStartHour ?? DEFAULT_DAILY_LIMITS.dayStartHour, input.utcOffset ?? localUtcOffset).getTime();
  const toDays = (date: Date): number => (date.getTime() - day0) / DAY_MS;
  const nowDays = toDays(input.now);
  const relearnSteps = input.options.relearningSteps.length;
  const perDay = new Array<number>(days).fill(0);

  const studied = input.schedules.filter((s) => !s.suspended && s.phase !== 'new');
  const waiting = input.newCardsAvailable ?? input.schedules.filter((s) => !s.suspended && s.phase === 'new').length;
  const introduced = Math.min(waiting, newPerDay * days);
  const samples = Math.min(MAX_SAMPLES_PER_CARD, Math.max(1, Math.ceil(MIN_PATHS / Math.max(1, studied.length + introduced))));
  const weight = 1 / samples;

  /** Follows one card from a review at `at` (days from today's start) to the horizon. */
  const follow = (start: FSRSState, at: number, lastReview: number, rand: () => number): void => {
    let memory = start;
    let last = lastReview;
    for (let when = at; when < days; ) {
      const day = Math.floor(when);
      perDay[day] = (perDay[day] ?? 0) + weight;
      const elapsed = Math.max(0, Math.round(when - last));
      const recall = sim.forgetting_curve(elapsed, memory.stability);
      if (rand() < recall) {
        memory = sim.next_state(memory, elapsed, FsrsRating.Good, recall);
      } else {
        memory = sim.next_state(memory, elapsed, FsrsRating.Again, recall);
        for (let step = 0; step < relearnSteps; step++) {
          perDay[day] = (perDay[day] ?? 0) + weight;
          memory = sim.next_state(memory, 0, FsrsRating.Good);
        }
      }
      last = when;
      when += Math.max(1, sim.next_interval(memory.stability, elapsed));
    }
  };

  const countOn = (day: number, reviews: number): void => {
    perDay[day] = (perDay[day] ?? 0) + reviews;
  };

  for (const schedule of studied) {
    const due = Math.max(toDays(schedule.due), nowDays);
    if (due >= days) continue;
    if (schedule.phase === 'review' && schedule.lastReview !== null && schedule.stability > 0) {
      const memory = { stability: schedule.stability, difficulty: schedule.difficulty };
      for (let sample = 0; sample < samples; sample++) {
        follow(memory, due, toDays(schedule.lastReview), random(hash(`${schedule.cardId}#${sample}`)));
      }
      continue;
    }
    // A card part-way through (re)learning: finish its steps with Good, then review as usual.
    const at = new Date(day0 + due * DAY_MS);
    const done = graduate(sim, toFsrsCard(schedule), at);
    countOn(Math.floor(due), done.reviews);
    for (let sample = 0; sample < samples; sample++) {
      follow(done.memory, due + done.intervalDays, due, random(hash(`${schedule.cardId}#${sample}`)));
    }
  }

  if (introduced > 0) {
    const fresh = graduate(sim, createEmptyCard(new Date(day0)), new Date(day0));
    for (let index = 0; index < introduced; index++) {
      const day = Math.floor(index / newPerDay);
      countOn(day, fresh.reviews);
      for (let sample = 0; sample < samples; sample++) {
        follow(fresh.memory, day + fresh.intervalDays, day, random(hash(`new:${index}#${sample}`)));
      }
    }
  }

  const totalReviews = perDay.reduce((sum, n) => sum + n, 0);
  return { perDay, totalReviews, averagePerDay: totalReviews / days };
}
