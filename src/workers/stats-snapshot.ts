/**
 * Every figure of the statistics screen for a deck (or all decks): from the answer totals
 * (review-totals.ts), today's answers, the cards and the decks' settings. Plain data in, plain
 * data out: the stats worker runs it and posts the result, tests run it on fixed data.
 *
 * "All decks" needs one day-start hour, one desired retention and one set of FSRS weights; it
 * uses the values most decks share (`settingsMixed` tells the screen to say so).
 */
import type { CardData, StatsData } from '../db/stats-reads.ts';
import type { StatReview } from '../domain/stats/stat-review.ts';
import type { DeckSettings } from '../domain/settings/deck-settings.ts';
import { DEFAULT_DECK_SETTINGS } from '../domain/settings/deck-settings.ts';
import type { AnswerButtons } from '../domain/stats/answer-buttons.ts';
import { cardCounts, type CardCounts } from '../domain/stats/card-counts.ts';
import { memoryDistributions, type MemoryDistributions } from '../domain/stats/distributions.ts';
import { dueForecast, type DueForecast } from '../domain/stats/forecast.ts';
import type { Heatmap } from '../domain/stats/heatmap.ts';
import { examReadiness, type ExamReadiness } from '../domain/stats/readiness.ts';
import { retentionByGroup, type GroupRetention } from '../domain/stats/retention-by-group.ts';
import { todayStats, type TodayStats } from '../domain/stats/today.ts';
import type { TrueRetentionTable } from '../domain/stats/true-retention.ts';
import { groupRetention, heatmapOf, reviewTotals, type ReviewTotals } from './review-totals.ts';

export interface DeckChoice {
  id: string;
  title: string;
  settings: DeckSettings;
}

export interface ScopeSettings {
  dayStartHour: number;
  desiredRetention: number;
  weights: number[] | null;
  learningSteps: string[];
  maximumIntervalDays: number;
  /** The decks in scope do not all agree; the values shared by most are used. */
  mixed: boolean;
}

export type ReadinessResult =
  | { status: 'no-date' }
  | { status: 'past'; examDate: string }
  | { status: 'ready'; examDate: string; examAtMs: number; readiness: ExamReadiness };

export interface StatsSnapshot {
  deckId: string | null;
  nowMs: number;
  settings: ScopeSettings;
  reviewCount: number;
  /** Cards still in their decks. */
  cardCount: number;
  today: TodayStats;
  heatmap: Heatmap;
  forecast30: DueForecast;
  forecast90: DueForecast;
  trueRetention: TrueRetentionTable;
  cardCounts: CardCounts;
  distributions: MemoryDistributions;
  answerButtons: AnswerButtons;
  byTopic: GroupRetention[];
  byTag: GroupRetention[];
  readiness: ReadinessResult;
}

export interface SnapshotInput {
  /** Totals of every answer in scope, counted for the study day of `now`. */
  totals: ReviewTotals;
  /** The answers in scope given since today's study day began (or more: others are skipped). */
  today: readonly StatReview[];
  cards: CardData;
  decks: readonly DeckChoice[];
  deckId: string | null;
  now: Date;
  /** 'YYYY-MM-DD' or null. */
  examDate: string | null;
}

/** The value most items give (ties: the first seen), and whether they all agree. */
function mostCommon<T>(items: readonly T[], keyOf: (item: T) => string): { value: T | undefined; mixed: boolean } {
  const counts = new Map<string, { item: T; count: number }>();
  for (const item of items) {
    const key = keyOf(item);
    const entry = counts.get(key);
    if (entry) entry.count++;
    else counts.set(key, { item, count: 1 });
  }
  let best: { item: T; count: number } | undefined;
  for (const entry of counts.values()) if (!best || entry.count > best.count) best = entry;
  return { value: best?.item, mixed: counts.size > 1 };
}

export function scopeSettings(decks: readonly DeckChoice[], deckId: string | null): ScopeSettings {
  const inScope = decks.filter((d) => deckId === null || d.id === deckId).map((d) => d.settings);
  const pick = <T>(get: (s: DeckSettings) => T) => mostCommon(inScope.map(get), (v) => JSON.stringify(v) ?? '');
  const hour = pick((s) => s.dayStartHour);
  const retention = pick((s) => s.desiredRetention);
  const weights = pick((s) => s.weights ?? null);
  const steps = pick((s) => s.learningSteps);
  const maxInterval = pick((s) => s.maximumIntervalDays);
  return {
    dayStartHour: hour.value ?? DEFAULT_DECK_SETTINGS.dayStartHour,
    desiredRetention: retention.value ?? DEFAULT_DECK_SETTINGS.desiredRetention,
    weights: weights.value ?? null,
    learningSteps: steps.value ?? DEFAULT_DECK_SETTINGS.learningSteps,
    maximumIntervalDays: maxInterval.value ?? DEFAULT_DECK_SETTINGS.maximumIntervalDays,
    mixed: hour.mixed || retention.mixed || weights.mixed,
  };
}

/** The moment the exam's study day starts, local time; null for a malformed date. */
export function examMoment(examDate: string, dayStartHour: number): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(examDate);
  if (!match) return null;
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]), dayStartHour);
  return Number.isNaN(date.getTime()) ? null : date;
}

function readiness(input: SnapshotInput, settings: ScopeSettings): ReadinessResult {
  if (input.examDate === null) return { status: 'no-date' };
  const exam = examMoment(input.examDate, settings.dayStartHour);
  if (exam === null || exam.getTime() <= input.now.getTime()) return { status: 'past', examDate: input.examDate };
  const result = examReadiness({
    schedules: input.cards.schedules,
    groupsByCard: input.cards.topicsByCard,
    examDate: exam,
    now: input.now,
    desiredRetention: settings.desiredRetention,
    learningSteps: settings.learningSteps,
    maximumIntervalDays: settings.maximumIntervalDays,
    ...(settings.weights === null ? {} : { weights: settings.weights }),
  });
  return { status: 'ready', examDate: input.examDate, examAtMs: exam.getTime(), readiness: result };
}

/**
 * Computes the whole screen's figures.
 *
 * @example
 * computeSnapshot({ totals, today, cards, decks, deckId: null, now: new Date(), examDate: '2026-06-15' }).today.reviews // → 42
 */
export function computeSnapshot(input: SnapshotInput): StatsSnapshot {
  const { totals, cards, now } = input;
  const settings = scopeSettings(input.decks, input.deckId);
  const dayStartHour = settings.dayStartHour;
  const weights = settings.weights === null ? {} : { weights: settings.weights };
  const cardsOf = (groupsByCard: CardData['topicsByCard']) => retentionByGroup({ reviews: [], schedules: cards.schedules, groupsByCard, now, ...weights });
  return {
    deckId: input.deckId,
    nowMs: now.getTime(),
    settings,
    reviewCount: totals.reviewCount,
    cardCount: cards.schedules.length,
    today: todayStats(input.today, { now, dayStartHour }),
    heatmap: heatmapOf(totals.dayCounts, now, dayStartHour),
    forecast30: dueForecast(cards.schedules, { now, dayStartHour, days: 30 }),
    forecast90: dueForecast(cards.schedules, { now, dayStartHour, days: 90 }),
    trueRetention: totals.trueRetention,
    cardCounts: cardCounts(cards.schedules, now),
    distributions: memoryDistributions(cards.schedules, { now, ...weights }),
    answerButtons: totals.answerButtons,
    byTopic: groupRetention(totals.byTopic, cardsOf(cards.topicsByCard)),
    byTag: groupRetention(totals.byTag, cardsOf(cards.tagsByCard)),
    readiness: readiness(input, settings),
  };
}

/**
 * The figures straight from all the data at once, totals included: for tests and small data.
 *
 * @example
 * snapshotOfData({ data, decks, deckId: null, now, examDate: null }).reviewCount // → data.reviews.length
 */
export function snapshotOfData(input: Omit<SnapshotInput, 'totals' | 'today' | 'cards'> & { data: StatsData }): StatsSnapshot {
  const { data, ...rest } = input;
  const { reviews, ...cards } = data;
  const dayStartHour = scopeSettings(input.decks, input.deckId).dayStartHour;
  const totals = reviewTotals(reviews, { now: input.now, dayStartHour, topicsByCard: cards.topicsByCard, tagsByCard: cards.tagsByCard });
  return computeSnapshot({ ...rest, totals, today: reviews, cards });
}
