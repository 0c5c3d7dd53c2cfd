/**
 * The deck settings form's draft: every field as the text the person typed, so a half-typed
 * "0.9" or "1m 1" is kept as typed, and its reading back into DeckSettings with every
 * problem found (validateDeckSettings's messages, plus steps ts-fsrs would refuse).
 */
import {
  parseSteps,
  validateDeckSettings,
  type DeckSettings,
  type SettingsProblem,
} from '../../domain/settings/deck-settings.ts';

export interface SettingsDraft {
  desiredRetention: string;
  newPerDay: string;
  reviewsPerDay: string;
  learningSteps: string;
  relearningSteps: string;
  maximumIntervalDays: string;
  dayStartHour: string;
  leechThreshold: string;
  burySiblings: boolean;
}

export type DraftField = keyof SettingsDraft;

export function toDraft(settings: DeckSettings): SettingsDraft {
  return {
    desiredRetention: settings.desiredRetention.toFixed(2),
    newPerDay: String(settings.newPerDay),
    reviewsPerDay: String(settings.reviewsPerDay),
    learningSteps: settings.learningSteps.join(' '),
    relearningSteps: settings.relearningSteps.join(' '),
    maximumIntervalDays: String(settings.maximumIntervalDays),
    dayStartHour: String(settings.dayStartHour),
    leechThreshold: String(settings.leechThreshold),
    burySiblings: settings.burySiblings,
  };
}

/** A number typed into a field; blank is NaN (Number('') would read it as 0). */
function numberIn(text: string): number {
  return text.trim() === '' ? Number.NaN : Number(text.trim());
}

const words = (text: string): string[] => text.trim().split(/\s+/).filter((word) => word.length > 0);

/**
 * The settings the draft describes (other settings, such as FSRS weights, kept from `base`)
 * and everything wrong with them, one message per field at most.
 *
 * @example
 * readDraft({ ...toDraft(DEFAULT_DECK_SETTINGS), desiredRetention: '0.5' }, DEFAULT_DECK_SETTINGS).problems;
 * // [{ field: 'desiredRetention', message: 'Desired retention must be between 0.70 and 0.99.' }]
 */
export function readDraft(draft: SettingsDraft, base: DeckSettings): { settings: DeckSettings; problems: SettingsProblem[] } {
  const settings: DeckSettings = {
    ...base,
    desiredRetention: numberIn(draft.desiredRetention),
    newPerDay: numberIn(draft.newPerDay),
    reviewsPerDay: numberIn(draft.reviewsPerDay),
    learningSteps: words(draft.learningSteps),
    relearningSteps: words(draft.relearningSteps),
    maximumIntervalDays: numberIn(draft.maximumIntervalDays),
    dayStartHour: numberIn(draft.dayStartHour),
    leechThreshold: numberIn(draft.leechThreshold),
    burySiblings: draft.burySiblings,
  };
  const problems = validateDeckSettings(settings);
  const flagged = new Set(problems.map((problem) => problem.field));
  // validateDeckSettings lets a zero step ("0m") through; the scheduler would throw on it.
  if (!flagged.has('learningSteps') && parseSteps(draft.learningSteps) === null) {
    problems.push({ field: 'learningSteps', message: 'Learning steps must each be longer than zero, like "1m 10m".' });
  }
  if (!flagged.has('relearningSteps') && parseSteps(draft.relearningSteps) === null) {
    problems.push({ field: 'relearningSteps', message: 'Relearning steps must each be longer than zero, like "10m".' });
  }
  return { settings, problems };
}
