import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildQueue } from '../../../../src/domain/queue/build-queue.ts';
import { deckCounts } from '../../../../src/domain/queue/deck-counts.ts';
import { counts } from '../../../../src/domain/queue/next-card.ts';
import type { CardSchedule, Phase } from '../../../../src/domain/scheduling/types.ts';
import { DAY, LIMITS, UTC, card, plus } from './fixtures.ts';

const NOW = new Date('2025-03-01T21:00:00Z');

describe('deckCounts (home screen)', () => {
  it('honours the limits and the 04:00 boundary', () => {
    const schedules = [
      ...Array.from({ length: 230 }, (_, i) => card(`r${i}`, 'review', plus(NOW, -i * 60_000))),
      card('tonight', 'review', new Date('2025-03-02T03:30:00Z')),
      card('tomorrow', 'review', new Date('2025-03-02T04:00:00Z')),
      card('l1', 'learning', plus(NOW, 600_000)),
      card('l2', 'relearning', plus(NOW, -DAY)),
      card('l3', 'learning', new Date('2025-03-02T05:00:00Z')),
      card('s', 'review', NOW, { suspended: true }),
    ];
    const base = { schedules, limits: LIMITS, now: NOW, utcOffset: UTC };
    expect(deckCounts({ ...base, newCardsAvailable: 500, studiedToday: { newCount: 0, reviewCount: 0 } })).toEqual({
      new: 20,
      learning: 2,
      review: 200,
    });
    expect(deckCounts({ ...base, newCardsAvailable: 7, studiedToday: { newCount: 5, reviewCount: 150 } })).toEqual({
      new: 7,
      learning: 2,
      review: 50,
    });
    expect(deckCounts({ ...base, newCardsAvailable: 7, studiedToday: { newCount: 19, reviewCount: 250 } })).toEqual({
      new: 1,
      learning: 2,
      review: 0,
    });
  });

  it('equals the counts of the queue a normal session would build', () => {
    const phase = fc.constantFrom<Phase>('new', 'learning', 'review', 'relearning');
    const schedule = fc.record({
      phase,
      dueOffsetHours: fc.integer({ min: -72, max: 72 }),
      suspended: fc.boolean(),
      buriedHours: fc.option(fc.integer({ min: -5, max: 30 }), { nil: null }),
    });
    fc.assert(
      fc.property(
        fc.array(schedule, { maxLength: 80 }),
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 0, max: 25 }),
        fc.integer({ min: 0, max: 45 }),
        (specs, newPerDay, reviewsPerDay, newCount, reviewCount) => {
          const schedules: CardSchedule[] = specs.map((spec, i) =>
            card(`c${i}`, spec.phase, plus(NOW, spec.dueOffsetHours * 3_600_000), {
              suspended: spec.suspended,
              buriedUntil: spec.buriedHours === null ? null : plus(NOW, spec.buriedHours * 3_600_000),
            }),
          );
          const newIds = schedules
            .filter((s) => s.phase === 'new' && !s.suspended && (s.buriedUntil === null || s.buriedUntil <= NOW))
            .map((s) => s.cardId);
          const limits = { ...LIMITS, newPerDay, reviewsPerDay };
          const studiedToday = { newCount, reviewCount };
          const queue = buildQueue({ schedules, newCardOrder: newIds, studiedToday, limits, now: NOW, utcOffset: UTC });
          expect(deckCounts({ schedules, newCardsAvailable: newIds.length, studiedToday, limits, now: NOW, utcOffset: UTC })).toEqual(
            counts(queue),
          );
        },
      ),
    );
  });

  it('counts 50,000 cards, capping reviews at the limit', () => {
    const schedules = Array.from({ length: 50_000 }, (_, i) => card(`c${i}`, i % 7 === 0 ? 'learning' : 'review', plus(NOW, (i % 96) * 3_600_000 - 2 * DAY)));
    const result = deckCounts({ schedules, newCardsAvailable: 100, studiedToday: { newCount: 0, reviewCount: 0 }, limits: LIMITS, now: NOW, utcOffset: UTC });
    expect(result.review).toBe(200);
  });
});
