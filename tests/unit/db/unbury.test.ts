import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buryCards } from '../../../src/db/card-actions.ts';
import { db } from '../../../src/db/database.ts';
import { saveDeckVersion } from '../../../src/db/deck-writes.ts';
import { deckCounts } from '../../../src/db/study-reads.ts';
import { unburyExpired } from '../../../src/db/unbury.ts';
import type { DeckCard } from '../../../src/domain/deck/types.ts';
import { DEFAULT_DECK_SETTINGS } from '../../../src/domain/settings/deck-settings.ts';

// 10:00 local: well inside a study day that started at 04:00; the burial lasts until 04:00 tomorrow.
const NOW = new Date(2026, 2, 2, 10, 0);
const BEFORE_DAY_ENDS = new Date(2026, 2, 3, 3, 59);
const NEXT_DAY = new Date(2026, 2, 3, 4, 0);
const card = (id: string): DeckCard => ({ id, question: `${id}?`, answer: '- a', tags: [], topics: [], line: 1 });
const changeLog = () => db.changes.toArray();

beforeEach(async () => {
  await db.delete();
  await db.open();
  await saveDeckVersion(
    { id: 'd', title: 'Deck', sourceFile: 'd.txt', cards: [card('a'), card('b')], diagnostics: [] },
    { builtIn: false, contentHash: '', now: NOW },
  );
});
afterEach(() => db.close());

describe('unburyExpired', () => {
  it('brings a buried card back when its study day begins, not before', async () => {
    await buryCards(['b'], NOW);
    expect(await unburyExpired(BEFORE_DAY_ENDS)).toBe(0);
    expect(await db.states.get('b')).toMatchObject({ queue: 'off' });

    expect(await unburyExpired(NEXT_DAY)).toBe(1);
    expect(await db.states.get('b')).toMatchObject({ buriedUntil: null, queue: 'new' });
    expect((await deckCounts('d', DEFAULT_DECK_SETTINGS, NEXT_DAY)).new).toBe(2);
  });

  it('writes nothing when no card is due back, not even the change log', async () => {
    await buryCards(['b'], NOW);
    const logBefore = await changeLog();
    const statesBefore = await db.states.toArray();

    expect(await unburyExpired(BEFORE_DAY_ENDS)).toBe(0);

    expect(await changeLog()).toEqual(logBefore);
    expect(await db.states.toArray()).toEqual(statesBefore);
  });
});
