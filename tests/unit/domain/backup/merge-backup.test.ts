import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BackupCollection, BackupState } from '../../../../src/domain/backup/backup-types.ts';
import { mergeCollections, type MergedState } from '../../../../src/domain/backup/merge-backup.ts';
import { replayReviews } from '../../../../src/domain/backup/replay-reviews.ts';
import { createScheduler } from '../../../../src/domain/scheduling/scheduler.ts';
import type { Rating } from '../../../../src/domain/scheduling/types.ts';
import { DEFAULT_DECK_SETTINGS } from '../../../../src/domain/settings/deck-settings.ts';
import { card, collection, DAY, deck, EMPTY, MINUTE, T0, type Answer } from './fixtures.ts';

const withoutQueue = ({ queue: _queue, ...rest }: BackupState): MergedState => rest;

/** The collection after writing a plan into `local`, as the database layer does. */
function apply(local: BackupCollection, incoming: BackupCollection): BackupCollection {
  const plan = mergeCollections(local, incoming);
  const put = <T>(rows: T[], updates: T[], key: (row: T) => string) => {
    const byKey = new Map(rows.map((row) => [key(row), row]));
    for (const row of updates) byKey.set(key(row), row);
    return [...byKey.values()];
  };
  const states = put(local.states.map(withoutQueue), plan.states, (s) => s.cardId).map((s) => ({ ...s, queue: 'new' as const }));
  return {
    decks: put(local.decks, plan.decks, (d) => d.id),
    cards: put(local.cards, plan.cards, (c) => c.id),
    states,
    reviews: [...local.reviews, ...plan.reviews],
    settings: put(local.settings, plan.settings, (s) => s.key),
  };
}

const cards = [card('d', 'a', 0), card('d', 'b', 1), card('d', 'c', 2)];

describe('mergeCollections into an empty browser', () => {
  it('writes the backup exactly as it is', () => {
    const incoming = {
      ...collection([deck('d')], cards, [
        { cardId: 'a', rating: 3, at: T0 },
        { cardId: 'a', rating: 3, at: T0 + 10 * MINUTE },
        { cardId: 'b', rating: 1, at: T0 + MINUTE },
      ], 7),
      settings: [{ key: 'lastBackupAt', value: T0 }],
    };
    const plan = mergeCollections(EMPTY, incoming);
    expect(plan.decks).toEqual(incoming.decks);
    expect(plan.cards).toEqual(incoming.cards);
    expect(plan.states).toEqual(incoming.states.map(withoutQueue));
    expect(plan.reviews).toEqual(incoming.reviews);
    expect(plan.settings).toEqual(incoming.settings);
    expect(plan.summary).toMatchObject({ intoEmpty: true, decksAdded: 1, cardsAdded: 3, reviewsAdded: 3, statesRecomputed: 0 });
  });
});

describe('mergeCollections into a browser with its own progress', () => {
  const laptop: Answer[] = [{ cardId: 'a', rating: 3, at: T0 }, { cardId: 'a', rating: 3, at: T0 + 10 * MINUTE }];
  const phone: Answer[] = [{ cardId: 'a', rating: 3, at: T0 }, { cardId: 'a', rating: 1, at: T0 + DAY }, { cardId: 'b', rating: 4, at: T0 + DAY }];

  it('takes the union of the review logs, keeping a shared review once', () => {
    const plan = mergeCollections(collection([deck('d')], cards, laptop), collection([deck('d')], cards, phone, 1));
    expect(plan.summary).toMatchObject({ reviewsAdded: 2, reviewsAlreadyPresent: 1 });
    expect(plan.reviews.map((r) => [r.cardId, r.reviewedAt, r.rating])).toEqual([['a', T0 + DAY, 1], ['b', T0 + DAY, 4]]);
  });

  it('gives an incoming review a fresh id when this browser already uses its id', () => {
    const plan = mergeCollections(collection([deck('d')], cards, laptop, 1), collection([deck('d')], cards, phone, 2));
    // Incoming ids 2, 3, 4: 2 is the shared review, 3 is free here, 4 is free.
    expect(plan.reviews.map((r) => r.id)).toEqual([3, 4]);
    // Here: ids 2, 3. Incoming: 2 (shared), 3 (taken here: a fresh id), 4 (free).
    const clash = mergeCollections(collection([deck('d')], cards, laptop, 2), collection([deck('d')], cards, phone, 2));
    expect(clash.reviews.map((r) => r.id)).toEqual([undefined, 4]);
  });

  it('recomputes the state of a card both sides answered by replaying the merged log', () => {
    const local = collection([deck('d')], cards, laptop);
    const plan = mergeCollections(local, collection([deck('d')], cards, phone));
    const merged = collection([deck('d')], cards, [...laptop, phone[1]!].sort((x, y) => x.at - y.at));
    const a = plan.states.find((s) => s.cardId === 'a');
    expect(a).toEqual(withoutQueue(merged.states.find((s) => s.cardId === 'a')!));
    expect(a).toMatchObject({ reps: 3, lapses: 1 });
    expect(plan.summary.statesRecomputed).toBe(1);
  });

  it('takes the state of the side whose log already holds every answer', () => {
    const local = collection([deck('d')], cards, laptop);
    const incoming = collection([deck('d')], cards, phone);
    const plan = mergeCollections(local, incoming);
    // Card b was only answered on the phone: its state comes from there as it is.
    expect(plan.states.find((s) => s.cardId === 'b')).toEqual(withoutQueue(incoming.states.find((s) => s.cardId === 'b')!));
    // Card c was never answered: nothing to write.
    expect(plan.states.find((s) => s.cardId === 'c')).toBeUndefined();
  });

  it('keeps a suspension made here when the backup brings no new answers for the card', () => {
    const local = collection([deck('d')], cards, laptop);
    local.states[0] = { ...local.states[0]!, suspended: 1, queue: 'off' };
    const plan = mergeCollections(local, collection([deck('d')], cards, laptop));
    expect(plan.states).toEqual([]);
    expect(plan.summary).toMatchObject({ reviewsAdded: 0, reviewsAlreadyPresent: 2, cardsUpdated: 0, decksUpdated: 0 });
  });

  it('is idempotent: restoring the same backup twice changes nothing the second time', () => {
    const once = apply(collection([deck('d')], cards, laptop), collection([deck('d')], cards, phone));
    const again = mergeCollections(once, collection([deck('d')], cards, phone));
    expect(again).toMatchObject({ decks: [], cards: [], states: [], reviews: [], settings: [] });
  });

  it('never deletes: every card, review and deck of either side is in the result', () => {
    const local = collection([deck('d'), deck('mine')], [...cards, card('mine', 'm', 0)], laptop);
    const incoming = collection([deck('d'), deck('theirs')], [...cards, card('theirs', 't', 0)], phone);
    const result = apply(local, incoming);
    expect(result.decks.map((d) => d.id).sort()).toEqual(['d', 'mine', 'theirs']);
    expect(result.cards.map((c) => c.id).sort()).toEqual(['a', 'b', 'c', 'm', 't']);
    expect(result.reviews).toHaveLength(4);
  });
});

describe('deck versions', () => {
  it('takes content from the newer version, settings from the backup, and the earlier creation time', () => {
    const newer = deck('d', { title: 'Newer', updatedAt: T0 + DAY, createdAt: T0 + DAY });
    const older = deck('d', { title: 'Older', updatedAt: T0, settings: { ...DEFAULT_DECK_SETTINGS, newPerDay: 5 } });
    const plan = mergeCollections(collection([newer], cards), collection([older], cards));
    expect(plan.decks).toEqual([{ ...newer, createdAt: T0, settings: { ...DEFAULT_DECK_SETTINGS, newPerDay: 5 } }]);
  });

  it('hides a card only the losing version has, keeping its history', () => {
    const local = collection([deck('d', { updatedAt: T0 + DAY })], [card('d', 'a', 0), card('d', 'new', 1)]);
    const incoming = collection([deck('d', { updatedAt: T0 })], [card('d', 'a', 0), card('d', 'old', 1)], [{ cardId: 'old', rating: 3, at: T0 }]);
    const plan = mergeCollections(local, incoming);
    expect(plan.cards.find((c) => c.id === 'old')).toMatchObject({ hidden: 1 });
    expect(plan.states.find((s) => s.cardId === 'old')).toMatchObject({ hidden: 1, reps: 1 });
    expect(plan.reviews).toHaveLength(1);
  });

  it('treats the same built-in content as the backup’s, whatever the dates', () => {
    const fresh = deck('d', { builtIn: 1, contentHash: 'h1', updatedAt: T0 + DAY });
    const restored = deck('d', { builtIn: 1, contentHash: 'h1', updatedAt: T0 });
    const local = collection([fresh], cards.map((c) => ({ ...c, addedAt: T0 + DAY })));
    const incoming = collection([restored], cards, [{ cardId: 'c', rating: 2, at: T0 + MINUTE }]);
    const result = apply(local, incoming);
    expect(result.decks).toEqual(incoming.decks);
    expect(result.cards).toEqual(incoming.cards);
    expect(result.states.map(withoutQueue)).toEqual(incoming.states.map(withoutQueue));
  });
});

describe('settings', () => {
  it('takes the backup’s values but keeps the later backup time', () => {
    const local = { ...EMPTY, settings: [{ key: 'lastBackupAt', value: T0 + DAY }, { key: 'theme', value: 'dark' }, { key: 'mine', value: 1 }] };
    const incoming = { ...EMPTY, settings: [{ key: 'lastBackupAt', value: T0 }, { key: 'theme', value: 'light' }] };
    expect(mergeCollections(local, incoming).settings).toEqual([{ key: 'theme', value: 'light' }]);
  });
});

describe('replayReviews', () => {
  it('reproduces the state that answering card by card produced, whatever order the log is in', () => {
    const rating = fc.constantFrom<Rating>(1, 2, 3, 4);
    fc.assert(
      fc.property(fc.array(fc.tuple(rating, fc.integer({ min: 1, max: 30 * DAY })), { minLength: 1, maxLength: 12 }), (steps) => {
        let at = T0;
        const answers = steps.map(([r, gap]) => ({ cardId: 'a', rating: r, at: (at += gap) }));
        const studied = collection([deck('d')], [card('d', 'a', 0)], answers);
        const shuffled = [...studied.reviews].reverse();
        const replayed = replayReviews(createScheduler(DEFAULT_DECK_SETTINGS), 'a', 'd', shuffled, { suspended: 0, buriedUntil: null });
        const { cardId: _c, deckId: _d, queue: _q, ord: _o, hidden: _h, ...expected } = studied.states[0]!;
        expect(replayed).toEqual(expected);
      }),
      { numRuns: 60 },
    );
  });
});

describe('merging two devices that studied the same deck', () => {
  it('ends with every answer once and states equal to a replay of the merged log, in either direction', () => {
    const answer = fc.record({ cardId: fc.constantFrom('a', 'b', 'c'), rating: fc.constantFrom<Rating>(1, 2, 3, 4), at: fc.integer({ min: 0, max: 200 }).map((n) => T0 + n * 7 * MINUTE) });
    fc.assert(
      fc.property(fc.uniqueArray(answer, { selector: (a) => `${a.cardId}@${a.at}`, maxLength: 20 }), fc.array(fc.boolean(), { minLength: 20, maxLength: 20 }), fc.array(fc.boolean(), { minLength: 20, maxLength: 20 }), (all, onLaptop, onPhone) => {
        const sorted = [...all].sort((x, y) => x.at - y.at);
        const laptop = sorted.filter((_, i) => onLaptop[i]);
        const phone = sorted.filter((_, i) => onPhone[i] || !onLaptop[i]);
        const merged = collection([deck('d')], cards, sorted);
        for (const [here, there] of [[laptop, phone], [phone, laptop]] as const) {
          const result = apply(collection([deck('d')], cards, here), collection([deck('d')], cards, there));
          expect(result.reviews.map((r) => `${r.cardId}@${r.reviewedAt}`).sort()).toEqual(sorted.map((a) => `${a.cardId}@${a.at}`).sort());
          expect(result.states.map(withoutQueue).sort((x, y) => x.cardId.localeCompare(y.cardId))).toEqual(merged.states.map(withoutQueue));
        }
      }),
      { numRuns: 80 },
    );
  });
});
