import { describe, expect, it } from 'vitest';
import {
  NO_FILTERS,
  cardFacets,
  filterCards,
  isDueToday,
  sortCards,
  type BrowseCard,
  type FilterContext,
} from '../../../../src/domain/search/card-filter.ts';
import { createSearchIndex } from '../../../../src/domain/search/search-index.ts';
import { createScheduler } from '../../../../src/domain/scheduling/scheduler.ts';
import type { CardSchedule } from '../../../../src/domain/scheduling/types.ts';

const NOW = new Date('2026-03-02T10:00:00Z');
const DAY_END = new Date('2026-03-03T04:00:00Z').getTime();
const DAY = 86_400_000;
const fresh = createScheduler();

function row(id: string, ord: number, schedule: Partial<CardSchedule>, extra: { tags?: string[]; topics?: string[]; question?: string; addedAt?: number } = {}): BrowseCard {
  return {
    card: { id, question: extra.question ?? `Question ${id}?`, answer: '- a', tags: extra.tags ?? [], topics: extra.topics ?? [], line: ord + 2 },
    deckId: 'd',
    addedAt: new Date(extra.addedAt ?? NOW.getTime() - ord * DAY),
    ord,
    schedule: { ...fresh.newSchedule(id, 'd', NOW), ...schedule },
  };
}

const studied = (dueInDays: number, more: Partial<CardSchedule> = {}): Partial<CardSchedule> => ({
  phase: 'review',
  due: new Date(NOW.getTime() + dueInDays * DAY),
  stability: 5,
  difficulty: 5,
  lastReview: new Date(NOW.getTime() - DAY),
  reps: 3,
  ...more,
});

const cards: BrowseCard[] = [
  row('new1', 0, {}, { topics: ['SQS'], question: 'What is SQS?' }),
  row('overdue', 1, studied(-2, { lapses: 2, difficulty: 7 }), { topics: ['SQS', 'SNS'] }),
  row('later', 2, studied(5, { difficulty: 3 }), { tags: ['exam'] }),
  row('learning', 3, studied(0.01, { phase: 'learning', difficulty: 6 })),
  row('relearning', 4, studied(0.02, { phase: 'relearning', lapses: 8, difficulty: 9, suspended: true }), { tags: ['leech'] }),
  row('buried', 5, studied(0, { buriedUntil: new Date(DAY_END) })),
  row('new2', 6, {}),
];

const context = (over: Partial<FilterContext> = {}): FilterContext => ({ matches: null, filters: NO_FILTERS, now: NOW, dayEnd: () => DAY_END, ...over });
const ids = (rows: readonly BrowseCard[]) => rows.map((r) => r.card.id);
const only = (filters: Partial<FilterContext['filters']>) => ids(filterCards(cards, context({ filters: { ...NO_FILTERS, ...filters } })));

describe('filters', () => {
  it('with no search and no filter, every card passes in the given order', () => {
    expect(ids(filterCards(cards, context()))).toEqual(ids(cards));
  });

  it('filter by state, suspended, leech, tag and topic', () => {
    expect(only({ phase: 'new' })).toEqual(['new1', 'new2']);
    expect(only({ phase: 'learning' })).toEqual(['learning']);
    expect(only({ phase: 'relearning' })).toEqual(['relearning']);
    expect(only({ phase: 'review' })).toEqual(['overdue', 'later', 'buried']);
    expect(only({ suspended: true })).toEqual(['relearning']);
    expect(only({ leech: true })).toEqual(['relearning']);
    expect(only({ tag: 'exam' })).toEqual(['later']);
    expect(only({ topic: 'SQS' })).toEqual(['new1', 'overdue']);
    expect(only({ topic: 'SQS', phase: 'new' })).toEqual(['new1']);
  });

  it('due today: learning and review cards due before the day ends, not suspended or buried', () => {
    expect(only({ dueToday: true })).toEqual(['overdue', 'learning']);
    expect(isDueToday(cards[1]!.schedule, NOW, DAY_END)).toBe(true);
    expect(isDueToday(cards[2]!.schedule, NOW, DAY_END)).toBe(false);
  });

  it('combines the search with the filters', () => {
    const index = createSearchIndex(cards.map((c) => c.card));
    expect(ids(filterCards(cards, context({ matches: index.search('sqs') })))).toEqual(['new1']);
    expect(ids(filterCards(cards, context({ matches: index.search('question') })))).toHaveLength(6);
    expect(ids(filterCards(cards, context({ matches: index.search('question'), filters: { ...NO_FILTERS, leech: true } })))).toEqual(['relearning']);
  });
});

describe('sort', () => {
  it('due: soonest first, new cards last in deck order, whatever the direction', () => {
    expect(ids(sortCards(cards, 'due', 'asc'))).toEqual(['overdue', 'buried', 'learning', 'relearning', 'later', 'new1', 'new2']);
    expect(ids(sortCards(cards, 'due', 'desc'))).toEqual(['later', 'relearning', 'learning', 'buried', 'overdue', 'new1', 'new2']);
  });

  it('added, lapses and difficulty, ties in deck order', () => {
    expect(ids(sortCards(cards, 'added', 'desc'))).toEqual(ids(cards));
    expect(ids(sortCards(cards, 'lapses', 'desc'))).toEqual(['relearning', 'overdue', 'new1', 'later', 'learning', 'buried', 'new2']);
    expect(ids(sortCards(cards, 'difficulty', 'desc'))).toEqual(['relearning', 'overdue', 'learning', 'buried', 'later', 'new1', 'new2']);
    expect(ids(sortCards(cards, 'difficulty', 'asc'))).toEqual(['later', 'buried', 'learning', 'overdue', 'relearning', 'new1', 'new2']);
  });

  it('does not change the list it was given', () => {
    const before = ids(cards);
    sortCards(cards, 'lapses', 'desc');
    expect(ids(cards)).toEqual(before);
  });
});

describe('facets', () => {
  it('counts every tag and topic, by name', () => {
    expect(cardFacets(cards.map((c) => c.card))).toEqual({
      tags: [{ name: 'exam', count: 1 }, { name: 'leech', count: 1 }],
      topics: [{ name: 'SNS', count: 1 }, { name: 'SQS', count: 2 }],
    });
  });
});
