import { describe, expect, it } from 'vitest';
import {
  buildTrainingSet,
  cardHistories,
  studyDayNumber,
  usableReviewCount,
  type CardHistory,
  type OptimizerReview,
} from '../../../../src/domain/optimizer/training-set.ts';
import { fixedUtcOffset } from '../../../../src/domain/scheduling/day.ts';
import type { Rating } from '../../../../src/domain/scheduling/types.ts';

const utc = fixedUtcOffset(0);
const d = (iso: string) => new Date(iso);

function review(cardId: string, iso: string, rating: Rating, wasNew = false, dayStartHour = 4): OptimizerReview {
  return { cardId, deckId: 'deck', rating, reviewedAt: d(iso), wasNew, dayStartHour };
}

const deltas = (h: CardHistory | undefined) => h?.reviews.map((r) => r.deltaT);

describe('studyDayNumber (the day starts at 4 am local)', () => {
  it('03:59 belongs to the day before; 04:00 starts a new day', () => {
    const evening = studyDayNumber(d('2025-03-01T22:00:00Z'), 4, utc);
    expect(studyDayNumber(d('2025-03-02T03:59:59Z'), 4, utc)).toBe(evening);
    expect(studyDayNumber(d('2025-03-02T04:00:00Z'), 4, utc)).toBe(evening + 1);
  });

  it('uses the local time of the given offset', () => {
    // 02:30 UTC is 04:30 in UTC+2: already the next study day there, not in UTC.
    const at = d('2025-03-02T02:30:00Z');
    expect(studyDayNumber(at, 4, fixedUtcOffset(120))).toBe(studyDayNumber(at, 4, utc) + 1);
    // 08:59 UTC is 03:59 in UTC-5: still the previous study day there.
    expect(studyDayNumber(d('2025-03-02T08:59:00Z'), 4, fixedUtcOffset(-300))).toBe(studyDayNumber(d('2025-03-01T12:00:00Z'), 4, utc));
  });

  it('honours other day-start hours', () => {
    expect(studyDayNumber(d('2025-03-02T00:30:00Z'), 0, utc)).toBe(studyDayNumber(d('2025-03-02T23:59:00Z'), 0, utc));
    expect(studyDayNumber(d('2025-03-02T00:30:00Z'), 4, utc)).toBe(studyDayNumber(d('2025-03-01T23:59:00Z'), 4, utc));
  });
});

describe('cardHistories', () => {
  it('groups by card in time order, with delta_t in study days (0 for the first and same-day reviews)', () => {
    const { histories, droppedCards } = cardHistories(
      [
        review('a', '2025-03-04T10:00:00Z', 3),
        review('a', '2025-03-01T10:00:00Z', 3, true),
        review('a', '2025-03-01T10:10:00Z', 3),
        review('a', '2025-03-02T03:00:00Z', 1), // 3 am: still the study day of 1 March
        review('a', '2025-03-02T05:00:00Z', 3), // after 4 am: the next study day
      ],
      utc,
    );
    expect(droppedCards).toBe(0);
    expect(histories).toHaveLength(1);
    expect(histories[0]?.reviews.map((r) => r.rating)).toEqual([3, 3, 1, 3, 3]);
    expect(deltas(histories[0])).toEqual([0, 0, 0, 1, 2]);
  });

  it('counts days in the local zone', () => {
    const reviews = [review('a', '2025-03-01T21:00:00Z', 3, true), review('a', '2025-03-02T03:00:00Z', 3)];
    expect(deltas(cardHistories(reviews, utc).histories[0])).toEqual([0, 0]);
    // In UTC+2 the second answer is at 05:00 local: a new study day.
    expect(deltas(cardHistories(reviews, fixedUtcOffset(120)).histories[0])).toEqual([0, 1]);
  });

  it("uses each review's own deck day-start hour", () => {
    const reviews = [review('a', '2025-03-01T20:00:00Z', 3, true, 0), review('a', '2025-03-02T01:00:00Z', 3, false, 0)];
    expect(deltas(cardHistories(reviews, utc).histories[0])).toEqual([0, 1]);
  });

  it('drops cards whose log does not start in the New state (history incomplete)', () => {
    const { histories, droppedCards } = cardHistories(
      [review('a', '2025-03-01T10:00:00Z', 3), review('a', '2025-03-03T10:00:00Z', 3), review('b', '2025-03-01T10:00:00Z', 3, true)],
      utc,
    );
    expect(droppedCards).toBe(1);
    expect(histories.map((h) => h.cardId)).toEqual(['b']);
  });

  it('starts a reset card at its last review from the New state', () => {
    const { histories } = cardHistories(
      [
        review('a', '2025-03-01T10:00:00Z', 3, true),
        review('a', '2025-03-05T10:00:00Z', 1),
        review('a', '2025-03-10T10:00:00Z', 4, true),
        review('a', '2025-03-14T10:00:00Z', 3),
      ],
      utc,
    );
    expect(histories[0]?.reviews.map((r) => [r.rating, r.deltaT])).toEqual([
      [4, 0],
      [3, 4],
    ]);
  });
});

describe('buildTrainingSet', () => {
  const history: CardHistory[] = cardHistories(
    [
      review('a', '2025-03-01T10:00:00Z', 3, true),
      review('a', '2025-03-01T10:10:00Z', 3),
      review('a', '2025-03-03T10:00:00Z', 3),
      review('a', '2025-03-08T10:00:00Z', 1),
      review('a', '2025-03-08T10:10:00Z', 3),
    ],
    utc,
  ).histories;

  it('makes one item per review on a later day, holding the history up to and including it', () => {
    const set = buildTrainingSet(history);
    expect([...set.lengths]).toEqual([3, 4]);
    expect([...set.ratings]).toEqual([3, 3, 3, 3, 3, 3, 1]);
    expect([...set.deltaTs]).toEqual([0, 0, 2, 0, 0, 2, 5]);
    expect(usableReviewCount(history)).toBe(2);
  });

  it('orders items by the time of the review they predict, across cards', () => {
    const { histories } = cardHistories(
      [
        review('a', '2025-03-01T10:00:00Z', 3, true),
        review('a', '2025-03-02T10:00:00Z', 4),
        review('a', '2025-03-10T10:00:00Z', 2),
        review('b', '2025-03-03T10:00:00Z', 1, true),
        review('b', '2025-03-05T10:00:00Z', 3),
      ],
      utc,
    );
    const set = buildTrainingSet(histories);
    // a@2 Mar, then b@5 Mar, then a@10 Mar.
    expect([...set.lengths]).toEqual([2, 2, 3]);
    expect([...set.ratings]).toEqual([3, 4, 1, 3, 3, 4, 2]);
    expect([...set.deltaTs]).toEqual([0, 1, 0, 2, 0, 1, 8]);
  });

  it('is empty when nothing is on a later day', () => {
    const { histories } = cardHistories([review('a', '2025-03-01T10:00:00Z', 3, true), review('a', '2025-03-01T10:10:00Z', 3)], utc);
    const set = buildTrainingSet(histories);
    expect(set.lengths.length).toBe(0);
    expect(set.ratings.length).toBe(0);
    expect(usableReviewCount(histories)).toBe(0);
  });
});
