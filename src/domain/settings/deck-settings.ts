/**
 * Per-deck study settings: what the scheduler and the queue need, with defaults and
 * validation. The settings screen and imports validate here before anything is saved.
 */
import type { DailyLimits, SchedulingOptions } from '../scheduling/types.ts';

export interface DeckSettings extends SchedulingOptions, DailyLimits {
  /** Lapses after which a card is tagged leech and suspended. */
  leechThreshold: number;
  burySiblings: boolean;
}

/** FSRS-6 defaults as Anki ships them: 90% retention, 1m 10m learning, 10m relearning. */
export const DEFAULT_DECK_SETTINGS: DeckSettings = {
  desiredRetention: 0.9,
  learningSteps: ['1m', '10m'],
  relearningSteps: ['10m'],
  maximumIntervalDays: 36500,
  enableFuzz: true,
  newPerDay: 20,
  reviewsPerDay: 200,
  dayStartHour: 4,
  leechThreshold: 8,
  burySiblings: false,
};

export interface SettingsProblem {
  field: keyof DeckSettings;
  message: string;
}

const STEP = /^(\d+(?:\.\d+)?)(m|h|d)$/;

/** Parses "1m 10m" into ["1m", "10m"]; returns null when any step is malformed. */
export function parseSteps(text: string): string[] | null {
  const steps = text.trim().split(/\s+/).filter((s) => s.length > 0);
  return steps.every((s) => STEP.test(s) && Number.parseFloat(s) > 0) ? steps : null;
}

function integerIn(value: number, min: number, max: number): boolean {
  return Number.isInteger(value) && value >= min && value <= max;
}

/**
 * Every problem with a settings object, each with a message a person can act on.
 * @example validateDeckSettings({ ...DEFAULT_DECK_SETTINGS, desiredRetention: 1.2 })
 *   // [{ field: 'desiredRetention', message: 'Desired retention must be between 0.70 and 0.99.' }]
 */
export function validateDeckSettings(s: DeckSettings): SettingsProblem[] {
  const problems: SettingsProblem[] = [];
  const add = (field: keyof DeckSettings, message: string) => problems.push({ field, message });
  if (!(s.desiredRetention >= 0.7 && s.desiredRetention <= 0.99)) {
    add('desiredRetention', 'Desired retention must be between 0.70 and 0.99.');
  }
  if (!integerIn(s.newPerDay, 0, 9999)) add('newPerDay', 'New cards per day must be a whole number from 0 to 9999.');
  if (!integerIn(s.reviewsPerDay, 0, 99999)) add('reviewsPerDay', 'Reviews per day must be a whole number from 0 to 99999.');
  if (!integerIn(s.maximumIntervalDays, 1, 36500)) {
    add('maximumIntervalDays', 'Maximum interval must be a whole number of days from 1 to 36500.');
  }
  if (!integerIn(s.dayStartHour, 0, 23)) add('dayStartHour', 'The next day starts at an hour from 0 to 23.');
  if (!integerIn(s.leechThreshold, 1, 99)) add('leechThreshold', 'Leech threshold must be a whole number from 1 to 99.');
  const stepProblem = (steps: readonly string[], name: string, example: string): string | null => {
    if (steps.some((x) => !STEP.test(x))) return `${name} are durations like "${example}" (m, h or d).`;
    if (steps.some((x) => !(Number.parseFloat(x) > 0))) return `${name} must each be longer than zero, like "${example}".`;
    return null;
  };
  const learning = s.learningSteps.length === 0 ? 'Learning steps are durations like "1m 10m" (m, h or d).' : stepProblem(s.learningSteps, 'Learning steps', '1m 10m');
  if (learning) add('learningSteps', learning);
  const relearning = stepProblem(s.relearningSteps, 'Relearning steps', '10m');
  if (relearning) add('relearningSteps', relearning);
  return problems;
}
