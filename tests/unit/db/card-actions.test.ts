import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../src/db/database.ts';
import { browseCards, browseSchedules, cardHistory, getDeckInfo, listDeckInfo } from '../../../src/db/browse-reads.ts';
import { buryCards, resetCards, setCardsDue, suspendCards, unburyCards } from '../../../src/db/card-actions.ts';
import { saveDeckSettings, InvalidSettingsError, DeckMissingError } from '../../../src/db/deck-settings-writes.ts';
import { saveDeckVersion } from '../../../src/db/deck-writes.ts';
import { deckCounts, loadStudyBatch } from '../../../src/db/study-reads.ts';
import { recordAnswer } from '../../../src/db/study-writes.ts';
import { readTheme, saveTheme } from '../../../src/db/theme-setting.ts';
import { studyDayStartOn } from '../../../src/domain/card-actions/card-actions.ts';
import type { DeckCard } from '../../../src/domain/deck/types.ts';
import { createScheduler } from '../../../src/domain/scheduling/scheduler.ts';
import { DEFAULT_DECK_SETTINGS } from '../../../src/domain/settings/deck-settings.ts';

// 10:00 local: well inside a study day that started at 04:00.
const NOW = new Date(2026, 2, 2, 10, 0);
const card = (id: string, question: string, tags: string[] = []): DeckCard => ({ id, question, answer: '- a', tags, topics: [], line: 1 });
const settings = { ...DEFAULT_DECK_SETTINGS, newPerDay: 10 };

beforeEach(async () => {
  await db.delete();
  await db.open();
  await saveDeckVersion(
    { id: 'd', title: 'Deck', sourceFile: 'd.txt', cards: [card('a', 'A?'), card('b', 'B?'), card('c', 'C?', ['exam'])], diagnostics: [] },
    { builtIn: false, contentHash: '', now: NOW },
  );
});
afterEach(() => db.close());

/** Answers card `a` Good twice so that it is in review, due in a few days. */
async function graduateA(): Promise<void> {
  const scheduler = createScheduler();
  let schedule = (await browseSchedules('d')).get('a')!;
  for (const at of [NOW, new Date(NOW.getTime() + 11 * 60_000)]) {
    const entry = scheduler.answer(schedule, 3, at, 1000);
    await recordAnswer(entry);
    schedule = entry.after;
  }
  expect(schedule.phase).toBe('review');
}

describe('card actions', () => {
  it('suspending takes cards out of study (queue "off"); unsuspending brings them back', async () => {
    expect(await suspendCards(['a', 'b'], true)).toEqual({ changed: 2, skipped: 0 });
    expect(await db.states.get('a')).toMatchObject({ suspended: 1, queue: 'off' });
    expect((await deckCounts('d', settings, NOW)).new).toBe(1);
    expect((await loadStudyBatch('d', settings, NOW)).newCards.map((s) => s.cardId)).toEqual(['c']);

    await suspendCards(['a'], false);
    expect(await db.states.get('a')).toMatchObject({ suspended: 0, queue: 'new' });
    expect((await deckCounts('d', settings, NOW)).new).toBe(2);
  });

  it('an unsuspended review card goes back to the review queue', async () => {
    await graduateA();
    await suspendCards(['a'], true);
    await suspendCards(['a'], false);
    expect(await db.states.get('a')).toMatchObject({ phase: 'review', queue: 'review' });
  });

  it('buries until the next study day, and unburies', async () => {
    await buryCards(['b'], NOW);
    const buried = await db.states.get('b');
    expect(buried?.buriedUntil).toBe(new Date(2026, 2, 3, 4, 0).getTime());
    // Out of the count indexes until its day comes (or it is unburied).
    expect(buried?.queue).toBe('off');
    expect((await browseSchedules('d')).get('b')?.buriedUntil).toEqual(new Date(2026, 2, 3, 4, 0));
    await unburyCards(['b']);
    expect(await db.states.get('b')).toMatchObject({ buriedUntil: null, queue: 'new' });
  });

  it('burying uses each deck’s own day-start hour', async () => {
    await saveDeckSettings('d', { ...DEFAULT_DECK_SETTINGS, dayStartHour: 6 }, NOW);
    await buryCards(['b'], NOW);
    expect((await db.states.get('b'))?.buriedUntil).toBe(new Date(2026, 2, 3, 6, 0).getTime());
  });

  it('resetting makes a card new again, keeps its history and logs nothing', async () => {
    await graduateA();
    expect(await db.reviews.count()).toBe(2);
    await resetCards(['a'], NOW);
    expect(await db.states.get('a')).toMatchObject({ phase: 'new', queue: 'new', reps: 0, lapses: 0, stability: 0, lastReview: null });
    expect(await db.reviews.count()).toBe(2);
    expect((await cardHistory('a')).map((entry) => entry.rating)).toEqual([3, 3]);
    expect((await loadStudyBatch('d', settings, NOW)).newCards.map((s) => s.cardId)).toEqual(['a', 'b', 'c']);
  });

  it('sets a due date on studied cards, skips new ones', async () => {
    await graduateA();
    const result = await setCardsDue(['a', 'b'], '2026-03-02', NOW);
    expect(result).toEqual({ changed: 1, skipped: 1 });
    expect((await db.states.get('a'))?.due).toBe(studyDayStartOn('2026-03-02', 4).getTime());
    expect((await deckCounts('d', settings, NOW)).due).toBe(1);
    expect((await db.states.get('b'))?.phase).toBe('new');
  });

  it('changes nothing when one card of the list is refused', async () => {
    await graduateA();
    const before = await db.states.toArray();
    await expect(setCardsDue(['a'], '2026-03-01', NOW)).rejects.toThrow('A due date cannot be in the past.');
    await expect(setCardsDue(['a'], 'soon', NOW)).rejects.toThrow(RangeError);
    expect(await db.states.toArray()).toEqual(before);
  });

  it('counts cards that are no longer there as skipped', async () => {
    expect(await suspendCards(['a', 'gone'], true)).toEqual({ changed: 1, skipped: 1 });
  });
});

describe('browse reads', () => {
  it('lists a deck’s visible cards and schedules, and every deck', async () => {
    await saveDeckVersion(
      { id: 'e', title: 'Another', sourceFile: 'e.txt', cards: [card('x', 'X?')], diagnostics: [] },
      { builtIn: false, contentHash: '', now: NOW },
    );
    await saveDeckVersion(
      { id: 'd', title: 'Deck', sourceFile: 'd.txt', cards: [card('a', 'A?'), card('c', 'C?', ['exam'])], diagnostics: [] },
      { builtIn: false, contentHash: '', now: NOW },
    );
    expect((await browseCards('d')).map((c) => c.card.id)).toEqual(['a', 'c']);
    expect((await browseCards(null)).map((c) => c.card.id).sort()).toEqual(['a', 'c', 'x']);
    expect([...(await browseSchedules('d')).keys()].sort()).toEqual(['a', 'c']);
    expect((await browseCards('d'))[1]).toMatchObject({ deckId: 'd', ord: 1, addedAt: NOW, card: { tags: ['exam'] } });
    expect((await listDeckInfo()).map((d) => d.title)).toEqual(['Another', 'Deck']);
    expect(await getDeckInfo('nope')).toBeNull();
  });
});

describe('deck settings', () => {
  it('saves valid settings and refuses invalid ones without writing', async () => {
    await saveDeckSettings('d', { ...DEFAULT_DECK_SETTINGS, desiredRetention: 0.85, learningSteps: ['5m'] }, NOW);
    expect((await getDeckInfo('d'))?.settings).toMatchObject({ desiredRetention: 0.85, learningSteps: ['5m'] });

    const bad = saveDeckSettings('d', { ...DEFAULT_DECK_SETTINGS, desiredRetention: 0.5, newPerDay: -1 }, NOW);
    await expect(bad).rejects.toBeInstanceOf(InvalidSettingsError);
    await expect(bad).rejects.toMatchObject({ problems: [{ field: 'desiredRetention' }, { field: 'newPerDay' }] });
    expect((await getDeckInfo('d'))?.settings.desiredRetention).toBe(0.85);
    await expect(saveDeckSettings('nope', DEFAULT_DECK_SETTINGS, NOW)).rejects.toBeInstanceOf(DeckMissingError);
  });
});

describe('theme setting', () => {
  it('defaults to the system, and keeps a choice', async () => {
    expect(await readTheme()).toBe('system');
    await saveTheme('dark');
    expect(await readTheme()).toBe('dark');
    await db.settings.put({ key: 'theme', value: 'purple' });
    expect(await readTheme()).toBe('system');
  });
});
