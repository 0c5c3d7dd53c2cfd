/** How the browser writes dates, states and card text in its list and detail panel. */
import type { CardSchedule, Phase } from '../../domain/scheduling/types.ts';

export const PHASE_LABELS: Record<Phase, string> = { new: 'New', learning: 'Learning', review: 'Review', relearning: 'Relearning' };

// One formatter each: toLocaleDateString() builds a new one per call, which a page of 100
// rows pays for 100 times on every key press.
const DATE = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
const DATE_TIME = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const TIME = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });

export function formatDate(date: Date): string {
  return DATE.format(date);
}

export function formatDateTime(date: Date): string {
  return DATE_TIME.format(date);
}

/** "Due 3 Mar 2026", "Due 14:05" for later today, or "Not yet studied" for a new card. */
export function dueLabel(schedule: CardSchedule, now: Date): string {
  if (schedule.phase === 'new') return 'Not yet studied';
  const due = schedule.due;
  const sameDay = due.getFullYear() === now.getFullYear() && due.getMonth() === now.getMonth() && due.getDate() === now.getDate();
  return sameDay ? `Due ${TIME.format(due)}` : `Due ${formatDate(due)}`;
}

/**
 * A card's Markdown as one line of plain text for the list: emphasis, code and link
 * syntax removed, line breaks as spaces.
 */
export function plainText(markdown: string): string {
  return markdown
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`~#>]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export const plural = (count: number, one: string, many = `${one}s`): string => `${count.toLocaleString()} ${count === 1 ? one : many}`;
