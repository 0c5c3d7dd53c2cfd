/**
 * Leeches: cards forgotten so often that reviewing them wastes time until they are
 * rewritten. As in Anki, a card becomes a leech at its 8th lapse and the warning repeats
 * every half-threshold lapses after that (12th, 16th...), so the app can tag or suspend it
 * and tell the person once per threshold rather than on every lapse.
 */
import type { CardSchedule } from './types.ts';

export const DEFAULT_LEECH_THRESHOLD = 8;

function checkThreshold(threshold: number): void {
  if (!Number.isInteger(threshold) || threshold < 1) {
    throw new RangeError(`Leech threshold must be a whole number >= 1, got ${threshold}`);
  }
}

/**
 * Whether the card has lapsed at least `threshold` times.
 *
 * @example
 * isLeech({ ...schedule, lapses: 8 }); // true
 * isLeech({ ...schedule, lapses: 7 }); // false
 */
export function isLeech(schedule: Pick<CardSchedule, 'lapses'>, threshold: number = DEFAULT_LEECH_THRESHOLD): boolean {
  checkThreshold(threshold);
  return schedule.lapses >= threshold;
}

/**
 * Whether this answer is the lapse that makes (or re-flags) the card a leech: the lapse
 * count just rose to the threshold, or to the threshold plus a multiple of half of it.
 *
 * @example
 * leechTriggered({ before: { lapses: 7 }, after: { lapses: 8 } }); // true
 * leechTriggered({ before: { lapses: 8 }, after: { lapses: 9 } }); // false
 * leechTriggered({ before: { lapses: 11 }, after: { lapses: 12 } }); // true (8 + 4)
 */
export function leechTriggered(
  entry: { before: Pick<CardSchedule, 'lapses'>; after: Pick<CardSchedule, 'lapses'> },
  threshold: number = DEFAULT_LEECH_THRESHOLD,
): boolean {
  checkThreshold(threshold);
  const lapses = entry.after.lapses;
  if (lapses <= entry.before.lapses || lapses < threshold) return false;
  const repeatEvery = Math.max(1, Math.floor(threshold / 2));
  return (lapses - threshold) % repeatEvery === 0;
}
