/**
 * The card browser's filters and sort orders over cards joined with their schedules, and
 * the tag and topic counts its filter menus offer. Sorting is separate from filtering so a
 * browser can sort once per change of data or order and then filter the sorted list on
 * every key press: one linear pass, no sort, per search.
 */
import type { DeckCard } from '../deck/types.ts';
import type { CardSchedule, Phase } from '../scheduling/types.ts';

/** The tag the study screen gives a card when it becomes a leech (db/study-writes.ts). */
export const LEECH_TAG = 'leech';

/** One card as the browser lists it. */
export interface BrowseCard {
  card: DeckCard;
  deckId: string;
  addedAt: Date;
  /** Position in its deck. */
  ord: number;
  schedule: CardSchedule;
}

export interface CardFilters {
  tag: string | null;
  topic: string | null;
  phase: Phase | null;
  /** Due in the current study day (learning or review), and not suspended or buried. */
  dueToday: boolean;
  suspended: boolean;
  leech: boolean;
}

export const NO_FILTERS: CardFilters = { tag: null, topic: null, phase: null, dueToday: false, suspended: false, leech: false };

export type SortKey = 'due' | 'added' | 'lapses' | 'difficulty';
export type SortDirection = 'asc' | 'desc';

export interface FilterContext {
  /** Cards matching the search box, or null when it is empty. */
  matches: { has(id: string): boolean } | null;
  filters: CardFilters;
  now: Date;
  /** Epoch ms at which the deck's next study day starts (decks choose their own hour). */
  dayEnd: (deckId: string) => number;
}

export interface Facet {
  name: string;
  count: number;
}

/** Buried and not yet back: bury lasts until the start of the next study day. */
export function isBuried(schedule: CardSchedule, now: Date): boolean {
  return schedule.buriedUntil !== null && schedule.buriedUntil.getTime() > now.getTime();
}

export function isLeechCard(card: DeckCard): boolean {
  return card.tags.includes(LEECH_TAG);
}

/**
 * Whether the card waits in today's study: learning or review, due before the next study
 * day starts, not suspended and not buried.
 *
 * @example
 * isDueToday(reviewDueYesterday, now, tomorrowStart); // true: overdue cards are due today
 */
export function isDueToday(schedule: CardSchedule, now: Date, dayEndMs: number): boolean {
  return schedule.phase !== 'new' && !schedule.suspended && !isBuried(schedule, now) && schedule.due.getTime() < dayEndMs;
}

/** The value a card sorts by; null sorts last in both directions (a new card has no due date). */
function sortValue(row: BrowseCard, key: SortKey): number | null {
  switch (key) {
    case 'due':
      return row.schedule.phase === 'new' ? null : row.schedule.due.getTime();
    case 'added':
      return row.addedAt.getTime();
    case 'lapses':
      return row.schedule.lapses;
    case 'difficulty':
      return row.schedule.phase === 'new' ? null : row.schedule.difficulty;
  }
}

/**
 * The cards in a new array, ordered by `key`. Ties (and every new card, under due and
 * difficulty) keep deck order, so the list never reshuffles between renders.
 *
 * @example
 * sortCards(cards, 'lapses', 'desc')[0]; // the most-forgotten card
 */
export function sortCards(cards: readonly BrowseCard[], key: SortKey, direction: SortDirection): BrowseCard[] {
  const sign = direction === 'asc' ? 1 : -1;
  const keyed = cards.map((row) => ({ row, value: sortValue(row, key) }));
  keyed.sort((a, b) => {
    if (a.value !== b.value) {
      if (a.value === null) return 1;
      if (b.value === null) return -1;
      return (a.value - b.value) * sign;
    }
    if (a.row.deckId !== b.row.deckId) return a.row.deckId < b.row.deckId ? -1 : 1;
    return a.row.ord - b.row.ord;
  });
  return keyed.map((entry) => entry.row);
}

/** Whether one card passes the search and every filter. */
export function passes(row: BrowseCard, context: FilterContext): boolean {
  const { filters, matches, now } = context;
  const { card, schedule } = row;
  if (matches !== null && !matches.has(card.id)) return false;
  if (filters.phase !== null && schedule.phase !== filters.phase) return false;
  if (filters.suspended && !schedule.suspended) return false;
  if (filters.leech && !isLeechCard(card)) return false;
  if (filters.tag !== null && !card.tags.includes(filters.tag)) return false;
  if (filters.topic !== null && !card.topics.includes(filters.topic)) return false;
  if (filters.dueToday && !isDueToday(schedule, now, context.dayEnd(row.deckId))) return false;
  return true;
}

/**
 * The cards of `sorted` that pass, in the same order.
 *
 * @example
 * filterCards(sorted, { matches: index.search('lambda'), filters: { ...NO_FILTERS, suspended: true }, now, dayEnd });
 */
export function filterCards(sorted: readonly BrowseCard[], context: FilterContext): BrowseCard[] {
  return sorted.filter((row) => passes(row, context));
}

function countNames(lists: Iterable<readonly string[]>): Facet[] {
  const counts = new Map<string, number>();
  for (const names of lists) for (const name of names) counts.set(name, (counts.get(name) ?? 0) + 1);
  return [...counts].map(([name, count]) => ({ name, count })).sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * Every tag and topic of the cards with how many cards have it, by name.
 *
 * @example
 * cardFacets([{ tags: ['exam'], topics: ['SQS', 'SNS'] }, { tags: [], topics: ['SQS'] }]).topics;
 * // [{ name: 'SNS', count: 1 }, { name: 'SQS', count: 2 }]
 */
export function cardFacets(cards: Iterable<Pick<DeckCard, 'tags' | 'topics'>>): { tags: Facet[]; topics: Facet[] } {
  const all = [...cards];
  return { tags: countNames(all.map((card) => card.tags)), topics: countNames(all.map((card) => card.topics)) };
}
