import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../src/db/database.ts';
import { DeckMissingError } from '../../../src/db/deck-settings-writes.ts';
import { reviewEntryToRow } from '../../../src/db/mappers.ts';
import { optimizerReviewCount, readOptimizerInput, saveOptimizedWeights } from '../../../src/db/optimizer-data.ts';
import type { DeckRow } from '../../../src/db/rows.ts';
import { TRUE_LEARNER_WEIGHTS, generateReviewLog } from '../../../src/domain/optimizer/generate-review-log.ts';
import { DEFAULT_DECK_SETTINGS } from '../../../src/domain/settings/deck-settings.ts';

const deck = (id: string, settings = DEFAULT_DECK_SETTINGS): DeckRow => ({
  id,
  title: id,
  sourceFile: `${id}.txt`,
  builtIn: 0,
  contentHash: '',
  createdAt: 0,
  updatedAt: 0,
  settings,
});
const start = new Date('2025-01-06T10:00:00Z');
const logX = generateReviewLog(1, { cards: 10, reviews: 60, start, deckId: 'x' });
const logY = generateReviewLog(2, { cards: 10, reviews: 40, start, deckId: 'y' });

beforeEach(async () => {
  await db.delete();
  await db.open();
  await db.decks.bulkPut([deck('x', { ...DEFAULT_DECK_SETTINGS, dayStartHour: 6, weights: [...TRUE_LEARNER_WEIGHTS] }), deck('y')]);
  await db.reviews.bulkAdd([...logX, ...logY].map(reviewEntryToRow));
});
afterEach(() => db.close());

describe('optimizer data', () => {
  it("counts one deck's answers or all of them", async () => {
    expect(await optimizerReviewCount('x')).toBe(60);
    expect(await optimizerReviewCount('y')).toBe(40);
    expect(await optimizerReviewCount(null)).toBe(100);
  });

  it("reads a deck's log with its day boundary and current weights", async () => {
    const input = await readOptimizerInput('x');
    expect(input.reviews).toHaveLength(60);
    expect(input.reviews[0]).toEqual({
      cardId: logX[0]?.cardId,
      deckId: 'x',
      rating: logX[0]?.rating,
      reviewedAt: logX[0]?.reviewedAt,
      wasNew: true,
      dayStartHour: 6,
    });
    expect(input.reviews.filter((r) => r.wasNew)).toHaveLength(10);
    expect(input.currentWeights).toEqual({ x: [...TRUE_LEARNER_WEIGHTS] });
  });

  it('reads every deck for null, a deck without weights meaning the defaults', async () => {
    const input = await readOptimizerInput(null);
    expect(input.reviews).toHaveLength(100);
    expect(input.currentWeights).toEqual({ x: [...TRUE_LEARNER_WEIGHTS], y: null });
    expect(new Set(input.reviews.filter((r) => r.deckId === 'y').map((r) => r.dayStartHour))).toEqual(new Set([4]));
  });

  it('saves weights into one deck, keeping its other settings', async () => {
    const weights = TRUE_LEARNER_WEIGHTS.map((w) => w * 1.01);
    await saveOptimizedWeights('y', weights, start);
    expect((await db.decks.get('y'))?.settings).toEqual({ ...DEFAULT_DECK_SETTINGS, weights });
    expect((await db.decks.get('y'))?.updatedAt).toBe(start.getTime());
    expect((await db.decks.get('x'))?.settings.weights).toEqual([...TRUE_LEARNER_WEIGHTS]);
  });

  it('saves weights into every deck for null', async () => {
    const weights = TRUE_LEARNER_WEIGHTS.map((w) => w * 1.01);
    await saveOptimizedWeights(null, weights, start);
    const decks = await db.decks.toArray();
    expect(decks.map((d) => d.settings.weights)).toEqual([weights, weights]);
    expect(decks.find((d) => d.id === 'x')?.settings.dayStartHour).toBe(6);
  });

  it('refuses weights the scheduler would reject, and a deck that is gone', async () => {
    await expect(saveOptimizedWeights('x', [1, 2, 3], start)).rejects.toThrow(RangeError);
    await expect(saveOptimizedWeights('gone', TRUE_LEARNER_WEIGHTS, start)).rejects.toThrow(DeckMissingError);
    expect((await db.decks.get('x'))?.settings.weights).toEqual([...TRUE_LEARNER_WEIGHTS]);
  });
});
