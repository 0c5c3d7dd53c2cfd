/**
 * The figures of the statistics screen that add up over answers: true retention, answer
 * buttons, the calendar's daily counts and retention per topic and tag. Each is a count of
 * answers by some class, so the figures of two separate sets of answers add up to the figures
 * of both. The stats worker keeps the totals of the log up to some answer (per deck and study
 * day) and adds only the answers recorded since, instead of passing a million answers through
 * every statistic on each visit.
 *
 * Every count comes from the domain functions themselves, run on the answers given; this module
 * only adds their outputs and recomputes the rates, so it cannot drift from how they count.
 */
import type { StatReview } from '../domain/stats/stat-review.ts';
import { answerButtons, type AnswerButtons, type ButtonCounts } from '../domain/stats/answer-buttons.ts';
import { dayGrid } from '../domain/stats/day-grid.ts';
import { reviewHeatmap, type Heatmap } from '../domain/stats/heatmap.ts';
import { retentionByGroup, type GroupRetention } from '../domain/stats/retention-by-group.ts';
import { trueRetention, type RetentionCell, type RetentionRow, type TrueRetentionTable } from '../domain/stats/true-retention.ts';

export interface GroupAnswers {
  group: string;
  answers: number;
  passed: number;
}

export interface ReviewTotals {
  reviewCount: number;
  trueRetention: TrueRetentionTable;
  answerButtons: AnswerButtons;
  /** Answers per study day of the calendar's window, oldest first. */
  dayCounts: number[];
  byTopic: GroupAnswers[];
  byTag: GroupAnswers[];
}

export interface TotalsContext {
  now: Date;
  dayStartHour: number;
  topicsByCard: ReadonlyMap<string, readonly string[]>;
  tagsByCard: ReadonlyMap<string, readonly string[]>;
}

const answersOnly = (groups: readonly GroupRetention[]): GroupAnswers[] =>
  groups.filter((g) => g.answers > 0).map(({ group, answers, passed }) => ({ group, answers, passed }));

/** The totals of `reviews`, all counted by the domain functions. */
export function reviewTotals(reviews: readonly StatReview[], ctx: TotalsContext): ReviewTotals {
  const { now, dayStartHour } = ctx;
  // No schedules: only the answer counts are wanted here; the cards' part is added per visit.
  const byGroup = (groupsByCard: ReadonlyMap<string, readonly string[]>) => answersOnly(retentionByGroup({ reviews, schedules: [], groupsByCard, now }));
  return {
    reviewCount: reviews.length,
    trueRetention: trueRetention(reviews, { now, dayStartHour }),
    answerButtons: answerButtons(reviews),
    dayCounts: reviewHeatmap(reviews, { now, dayStartHour }).days.map((d) => d.count),
    byTopic: byGroup(ctx.topicsByCard),
    byTag: byGroup(ctx.tagsByCard),
  };
}

function addCell(a: RetentionCell, b: RetentionCell): RetentionCell {
  const passed = a.passed + b.passed;
  const failed = a.failed + b.failed;
  const total = passed + failed;
  return { passed, failed, total, retention: total === 0 ? null : passed / total };
}

const addRow = (a: RetentionRow, b: RetentionRow): RetentionRow => ({
  young: addCell(a.young, b.young),
  mature: addCell(a.mature, b.mature),
  all: addCell(a.all, b.all),
});

function addButtons(a: ButtonCounts, b: ButtonCounts): ButtonCounts {
  const counts = { 1: a.counts[1] + b.counts[1], 2: a.counts[2] + b.counts[2], 3: a.counts[3] + b.counts[3], 4: a.counts[4] + b.counts[4] };
  const total = a.total + b.total;
  return { counts, total, correctRate: total === 0 ? null : (total - counts[1]) / total };
}

function addGroups(a: readonly GroupAnswers[], b: readonly GroupAnswers[]): GroupAnswers[] {
  const sums = new Map<string, GroupAnswers>();
  for (const g of [...a, ...b]) {
    const s = sums.get(g.group);
    sums.set(g.group, s ? { group: g.group, answers: s.answers + g.answers, passed: s.passed + g.passed } : { ...g });
  }
  return [...sums.values()].sort((x, y) => (x.group < y.group ? -1 : x.group > y.group ? 1 : 0));
}

/** The totals of two separate sets of answers counted for the same study day. */
export function addTotals(a: ReviewTotals, b: ReviewTotals): ReviewTotals {
  const ta = a.trueRetention;
  const tb = b.trueRetention;
  return {
    reviewCount: a.reviewCount + b.reviewCount,
    trueRetention: {
      today: addRow(ta.today, tb.today),
      yesterday: addRow(ta.yesterday, tb.yesterday),
      week: addRow(ta.week, tb.week),
      month: addRow(ta.month, tb.month),
      year: addRow(ta.year, tb.year),
      allTime: addRow(ta.allTime, tb.allTime),
      periodStarts: ta.periodStarts,
      periodEnd: ta.periodEnd,
    },
    answerButtons: {
      learning: addButtons(a.answerButtons.learning, b.answerButtons.learning),
      young: addButtons(a.answerButtons.young, b.answerButtons.young),
      mature: addButtons(a.answerButtons.mature, b.answerButtons.mature),
    },
    dayCounts: a.dayCounts.map((n, i) => n + (b.dayCounts[i] ?? 0)),
    byTopic: addGroups(a.byTopic, b.byTopic),
    byTag: addGroups(a.byTag, b.byTag),
  };
}

/**
 * The calendar from daily counts. The domain function works out active days and streaks from
 * one stand-in answer per active day; the counts are then the real ones.
 */
export function heatmapOf(dayCounts: readonly number[], now: Date, dayStartHour: number): Heatmap {
  const starts = dayGrid(now, dayStartHour, 1 - dayCounts.length, dayCounts.length);
  const standIns: StatReview[] = [];
  dayCounts.forEach((count, i) => {
    if (count > 0) standIns.push({ cardId: '', deckId: '', reviewedAt: starts[i] ?? 0, rating: 3, durationMs: 0, phaseBefore: 'review', lastIntervalDays: 0 });
  });
  const shape = reviewHeatmap(standIns, { now, dayStartHour, days: dayCounts.length });
  const days = shape.days.map((d, i) => ({ day: d.day, count: dayCounts[i] ?? 0 }));
  return { ...shape, days, total: dayCounts.reduce((sum, n) => sum + n, 0), maxCount: Math.max(0, ...dayCounts) };
}

/** Retention per group: answer counts from the totals, card counts and recall now from `cards`. */
export function groupRetention(answers: readonly GroupAnswers[], cards: readonly GroupRetention[]): GroupRetention[] {
  const byName = new Map(cards.map((g) => [g.group, g]));
  for (const a of answers) {
    const g = byName.get(a.group);
    byName.set(a.group, {
      group: a.group,
      answers: a.answers,
      passed: a.passed,
      retention: a.answers === 0 ? null : a.passed / a.answers,
      cards: g?.cards ?? 0,
      studiedCards: g?.studiedCards ?? 0,
      meanRetrievability: g?.meanRetrievability ?? null,
    });
  }
  return [...byName.values()].sort((x, y) => (x.group < y.group ? -1 : x.group > y.group ? 1 : 0));
}
