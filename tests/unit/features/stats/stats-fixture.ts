/**
 * A statistics snapshot of the small fixed dataset the domain tests work out by hand
 * (tests/unit/domain/stats/fixtures.ts).
 */
import { DEFAULT_DECK_SETTINGS } from '../../../../src/domain/settings/deck-settings.ts';
import { snapshotOfData, type StatsSnapshot } from '../../../../src/workers/stats-snapshot.ts';
import { NOW, REVIEWS, SCHEDULES } from '../../domain/stats/fixtures.ts';

export { NOW };

export const DECKS = [
  { id: 'd1', title: 'Deck one', settings: DEFAULT_DECK_SETTINGS },
  { id: 'd2', title: 'Deck two', settings: DEFAULT_DECK_SETTINGS },
];

export function snapshotOf(examDate: string | null = null, empty = false): StatsSnapshot {
  return snapshotOfData({
    data: {
      reviews: empty ? [] : [...REVIEWS],
      schedules: empty ? [] : [...SCHEDULES],
      topicsByCard: new Map(empty ? [] : [['a', ['iam']], ['b', ['iam', 's3']], ['h', ['s3']]]),
      tagsByCard: new Map(empty ? [] : [['c', ['exam']]]),
    },
    decks: DECKS,
    deckId: null,
    now: NOW,
    examDate,
  });
}
