import { describe, expect, it } from 'vitest';
import { DEFAULT_DECK_SETTINGS } from '../../../src/domain/settings/deck-settings.ts';
import { todayStats } from '../../../src/domain/stats/today.ts';
import { examMoment, scopeSettings, snapshotOfData as computeSnapshot } from '../../../src/workers/stats-snapshot.ts';
import { NOW, REVIEWS, SCHEDULES } from '../domain/stats/fixtures.ts';

const deck = (id: string, changes: Partial<typeof DEFAULT_DECK_SETTINGS> = {}) => ({ id, title: id, settings: { ...DEFAULT_DECK_SETTINGS, ...changes } });
const data = { reviews: [...REVIEWS], schedules: [...SCHEDULES], topicsByCard: new Map([['a', ['iam']]]), tagsByCard: new Map<string, string[]>() };

describe('scopeSettings', () => {
  it('uses the deck’s own settings for one deck', () => {
    const decks = [deck('a', { dayStartHour: 6, desiredRetention: 0.85 }), deck('b')];
    expect(scopeSettings(decks, 'a')).toMatchObject({ dayStartHour: 6, desiredRetention: 0.85, weights: null, mixed: false });
  });

  it('uses what most decks share for all decks, and says they differ', () => {
    const weights = Array.from({ length: 21 }, (_, i) => i / 10);
    const decks = [deck('a', { dayStartHour: 6 }), deck('b', { weights }), deck('c', { weights })];
    expect(scopeSettings(decks, null)).toMatchObject({ dayStartHour: 4, weights, mixed: true });
    expect(scopeSettings([deck('a'), deck('b')], null).mixed).toBe(false);
  });

  it('falls back to the defaults without decks', () => {
    expect(scopeSettings([], null)).toMatchObject({ dayStartHour: 4, desiredRetention: 0.9, mixed: false });
  });
});

describe('examMoment', () => {
  it('is the start of the exam’s study day, local time', () => {
    expect(examMoment('2024-04-14', 4)).toEqual(new Date(2024, 3, 14, 4));
    expect(examMoment('14.04.2024', 4)).toBeNull();
  });
});

describe('computeSnapshot', () => {
  it('computes each figure with the scope’s day start hour', () => {
    const decks = [deck('d1', { dayStartHour: 10 }), deck('d2', { dayStartHour: 10 })];
    const snapshot = computeSnapshot({ data, decks, deckId: null, now: NOW, examDate: null });
    expect(snapshot.today).toEqual(todayStats(REVIEWS, { now: NOW, dayStartHour: 10 }));
    expect(snapshot.reviewCount).toBe(REVIEWS.length);
    expect(snapshot.cardCount).toBe(SCHEDULES.length);
    expect(snapshot.forecast30.days).toHaveLength(30);
    expect(snapshot.forecast90.days).toHaveLength(90);
    expect(snapshot.byTopic.map((g) => g.group)).toEqual(['iam']);
    expect(snapshot.readiness).toEqual({ status: 'no-date' });
  });

  it('predicts readiness for a future exam date only', () => {
    const decks = [deck('d1'), deck('d2')];
    const future = computeSnapshot({ data, decks, deckId: null, now: NOW, examDate: '2024-04-14' });
    if (future.readiness.status !== 'ready') throw new Error('expected a prediction');
    expect(future.readiness.examAtMs).toBe(new Date(2024, 3, 14, 4).getTime());
    expect(future.readiness.readiness.byDeck.map((d) => d.group)).toEqual(['d1', 'd2']);
    expect(future.readiness.readiness.byGroup.map((g) => g.group)).toEqual(['iam']);
    // 15 March 10:00 is after that day's 04:00 start.
    expect(computeSnapshot({ data, decks, deckId: null, now: NOW, examDate: '2024-03-15' }).readiness).toEqual({ status: 'past', examDate: '2024-03-15' });
  });
});
