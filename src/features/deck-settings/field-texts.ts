/** The deck settings form's words: each text field's label and help, and the hours offered. */
import type { DraftField } from './settings-draft.ts';

export type TextField = Exclude<DraftField, 'burySiblings' | 'dayStartHour'>;

export const TEXT_FIELDS: Record<TextField, { label: string; help: string; inputMode: 'decimal' | 'numeric' | 'text' }> = {
  desiredRetention: {
    label: 'Desired retention',
    help: 'The share of cards you want to still remember when they come due, from 0.70 to 0.99. Higher means shorter intervals and more reviews; 0.90 suits most people.',
    inputMode: 'decimal',
  },
  newPerDay: { label: 'New cards per day', help: 'How many cards you see for the first time each day.', inputMode: 'numeric' },
  reviewsPerDay: { label: 'Maximum reviews per day', help: 'Reviews beyond this wait for another day. Learning cards are never held back.', inputMode: 'numeric' },
  learningSteps: {
    label: 'Learning steps',
    help: 'Waits between the first answers to a new card, separated by spaces: m for minutes, h hours, d days (e.g. 1m 10m).',
    inputMode: 'text',
  },
  relearningSteps: {
    label: 'Relearning steps',
    help: 'Waits after you forget a card, before it goes back to review (e.g. 10m). Leave empty to go straight back.',
    inputMode: 'text',
  },
  maximumIntervalDays: { label: 'Maximum interval (days)', help: 'The longest a card may wait between two reviews, from 1 to 36500 days.', inputMode: 'numeric' },
  leechThreshold: {
    label: 'Leech threshold (lapses)',
    help: 'A card forgotten this many times is tagged “leech” and suspended, and you are told during study.',
    inputMode: 'numeric',
  },
};

export const HOURS = Array.from({ length: 24 }, (_, hour) => hour);
