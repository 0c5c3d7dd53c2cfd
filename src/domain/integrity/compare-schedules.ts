/**
 * Field-by-field comparison of two schedules of one card, for the database check: which
 * fields differ, with both values. Memory-state floats get a relative tolerance so that a
 * value that went through another float path (a JSON backup, a future ts-fsrs) is not
 * reported; counts, phases and instants must match exactly. A value that is not a number
 * (NaN from a corrupted row) never matches anything.
 */
import type { CardSchedule } from '../scheduling/types.ts';

export type ScheduleField = Exclude<keyof CardSchedule, 'cardId' | 'deckId'>;

export type FieldValue = string | number | boolean | null;

export interface FieldDifference {
  field: ScheduleField;
  /** Instants as epoch milliseconds. */
  stored: FieldValue;
  expected: FieldValue;
}

/** Relative tolerance for stability and difficulty (FSRS itself rounds them to 8 decimals). */
export const FLOAT_TOLERANCE = 1e-9;

const FLOAT_FIELDS: ReadonlySet<ScheduleField> = new Set(['stability', 'difficulty']);

/** Every field compared, in the order differences are reported. */
export const SCHEDULE_FIELDS: readonly ScheduleField[] = [
  'phase',
  'due',
  'stability',
  'difficulty',
  'elapsedDays',
  'scheduledDays',
  'learningSteps',
  'reps',
  'lapses',
  'lastReview',
  'suspended',
  'buriedUntil',
];

function valueOf(schedule: CardSchedule, field: ScheduleField): FieldValue {
  const value = schedule[field];
  return value instanceof Date ? value.getTime() : value;
}

function closeEnough(a: number, b: number, tolerance: number): boolean {
  return Math.abs(a - b) <= tolerance * Math.max(1, Math.abs(a), Math.abs(b));
}

function same(field: ScheduleField, a: FieldValue, b: FieldValue, tolerance: number): boolean {
  if (typeof a === 'number' && typeof b === 'number') {
    // NaN compares unequal to itself, so a corrupted value is always reported.
    return FLOAT_FIELDS.has(field) ? closeEnough(a, b, tolerance) : a === b;
  }
  return a === b;
}

/**
 * The fields in which `stored` differs from `expected` (empty when they agree).
 *
 * @example
 * compareSchedules({ ...s, reps: 4 }, { ...s, reps: 5 }); // [{ field: 'reps', stored: 4, expected: 5 }]
 * compareSchedules({ ...s, stability: 3.2 }, { ...s, stability: 3.2 + 1e-12 }); // []
 */
export function compareSchedules(stored: CardSchedule, expected: CardSchedule, tolerance: number = FLOAT_TOLERANCE): FieldDifference[] {
  const differences: FieldDifference[] = [];
  for (const field of SCHEDULE_FIELDS) {
    const a = valueOf(stored, field);
    const b = valueOf(expected, field);
    if (!same(field, a, b, tolerance)) differences.push({ field, stored: a, expected: b });
  }
  return differences;
}
