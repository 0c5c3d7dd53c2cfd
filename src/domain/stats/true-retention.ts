/**
 * True retention, the table Anki shows: of the answers given to cards in the review phase,
 * the share that were not Again, for young (interval < 21 days) and mature cards, over
 * today, yesterday, the past week, month and year, and all time.
 *
 * Only review-phase answers count (learning steps would flatter the figure). Periods are
 * whole study days ending with today: the week is today and the six days before it, and so
 * on, each [start, start of tomorrow's study day). Rates are fractions 0–1, null without answers.
 */
import { DEFAULT_DAY_START_HOUR, studyDayStart } from './day-grid.ts';
import { MATURE_INTERVAL_DAYS, isPass, type StatReview } from './stat-review.ts';

export interface RetentionCell {
  passed: number;
  failed: number;
  total: number;
  /** passed / total, 0–1; null when there were no answers. */
  retention: number | null;
}

export interface RetentionRow {
  young: RetentionCell;
  mature: RetentionCell;
  all: RetentionCell;
}

export type RetentionPeriod = 'today' | 'yesterday' | 'week' | 'month' | 'year';

export interface TrueRetentionTable extends Record<RetentionPeriod, RetentionRow> {
  allTime: RetentionRow;
  /** First epoch ms of each period; every period but yesterday ends at `periodEnd`. */
  periodStarts: Record<RetentionPeriod, number>;
  /** Start of tomorrow's study day. */
  periodEnd: number;
}

export interface TrueRetentionOptions {
  now: Date;
  /** Local hour at which the study day starts; default 4. */
  dayStartHour?: number;
}

interface Tally {
  youngPassed: number;
  youngFailed: number;
  maturePassed: number;
  matureFailed: number;
}

const newTally = (): Tally => ({ youngPassed: 0, youngFailed: 0, maturePassed: 0, matureFailed: 0 });

function cell(passed: number, failed: number): RetentionCell {
  const total = passed + failed;
  return { passed, failed, total, retention: total === 0 ? null : passed / total };
}

function row(t: Tally): RetentionRow {
  return {
    young: cell(t.youngPassed, t.youngFailed),
    mature: cell(t.maturePassed, t.matureFailed),
    all: cell(t.youngPassed + t.maturePassed, t.youngFailed + t.matureFailed),
  };
}

/**
 * Builds the true-retention table in one pass over the log.
 *
 * @example
 * const table = trueRetention(reviews, { now: new Date(2024, 2, 15, 10) });
 * table.month.mature // → { passed: 2, failed: 2, total: 4, retention: 0.5 }
 */
export function trueRetention(reviews: readonly StatReview[], options: TrueRetentionOptions): TrueRetentionTable {
  const hour = options.dayStartHour ?? DEFAULT_DAY_START_HOUR;
  const now = options.now;
  const periodEnd = studyDayStart(now, hour, 1);
  const periodStarts: Record<RetentionPeriod, number> = {
    today: studyDayStart(now, hour),
    yesterday: studyDayStart(now, hour, -1),
    week: studyDayStart(now, hour, -6),
    month: studyDayStart(now, hour, -29),
    year: studyDayStart(now, hour, -364),
  };
  const tallies = { today: newTally(), yesterday: newTally(), week: newTally(), month: newTally(), year: newTally(), allTime: newTally() };
  const todayStart = periodStarts.today;

  for (const r of reviews) {
    const at = r.reviewedAt;
    if (r.phaseBefore !== 'review' || at >= periodEnd) continue;
    const mature = r.lastIntervalDays >= MATURE_INTERVAL_DAYS;
    const passed = isPass(r.rating);
    // The periods nest (today ⊂ week ⊂ month ⊂ year ⊂ all time); yesterday sits beside today.
    add(tallies.allTime, mature, passed);
    if (at < periodStarts.year) continue;
    add(tallies.year, mature, passed);
    if (at < periodStarts.month) continue;
    add(tallies.month, mature, passed);
    if (at < periodStarts.week) continue;
    add(tallies.week, mature, passed);
    if (at >= todayStart) add(tallies.today, mature, passed);
    else if (at >= periodStarts.yesterday) add(tallies.yesterday, mature, passed);
  }

  return {
    today: row(tallies.today),
    yesterday: row(tallies.yesterday),
    week: row(tallies.week),
    month: row(tallies.month),
    year: row(tallies.year),
    allTime: row(tallies.allTime),
    periodStarts,
    periodEnd,
  };
}

function add(t: Tally, mature: boolean, passed: boolean): void {
  if (mature) {
    if (passed) t.maturePassed++;
    else t.matureFailed++;
  } else if (passed) t.youngPassed++;
  else t.youngFailed++;
}
