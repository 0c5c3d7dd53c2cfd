import { describe, expect, it } from 'vitest';
import {
  buryUntilNextDay,
  resetProgress,
  setDueDate,
  setSuspended,
  studyDayStartOn,
  unbury,
} from '../../../../src/domain/card-actions/card-actions.ts';
import { fixedUtcOffset, type UtcOffset } from '../../../../src/domain/scheduling/day.ts';
import { createScheduler } from '../../../../src/domain/scheduling/scheduler.ts';
import type { CardSchedule } from '../../../../src/domain/scheduling/types.ts';

const NOW = new Date('2026-03-02T10:00:00Z');
const UTC = fixedUtcOffset(0);
const scheduler = createScheduler();

/** A card answered Good a few times: in review, with a memory state and one lapse. */
function reviewed(): CardSchedule {
  let schedule = scheduler.newSchedule('c1', 'd1', new Date('2026-01-01T10:00:00Z'));
  let at = new Date('2026-01-01T10:00:00Z');
  for (const rating of [3, 3, 1, 3, 3] as const) {
    schedule = scheduler.answer(schedule, rating, at, 1000).after;
    at = new Date(Math.max(schedule.due.getTime(), at.getTime() + 60_000));
  }
  return schedule;
}

describe('suspend and bury', () => {
  it('suspends and unsuspends without touching anything else, and never mutates', () => {
    const card = reviewed();
    const suspended = setSuspended(card, true);
    expect(suspended).toEqual({ ...card, suspended: true });
    expect(card.suspended).toBe(false);
    expect(setSuspended(suspended, false)).toEqual(card);
  });

  it('buries until the next study day starts at the deck hour, in local time', () => {
    const card = reviewed();
    expect(buryUntilNextDay(card, NOW, 4, UTC).buriedUntil).toEqual(new Date('2026-03-03T04:00:00Z'));
    // 02:00 is still the previous study day (it started at 04:00 the day before).
    expect(buryUntilNextDay(card, new Date('2026-03-02T02:00:00Z'), 4, UTC).buriedUntil).toEqual(new Date('2026-03-02T04:00:00Z'));
    // In UTC+2 the day starting at 04:00 local starts at 02:00 UTC.
    expect(buryUntilNextDay(card, NOW, 4, fixedUtcOffset(120)).buriedUntil).toEqual(new Date('2026-03-03T02:00:00Z'));
    expect(unbury(buryUntilNextDay(card, NOW, 4, UTC))).toEqual(card);
  });
});

describe('reset progress', () => {
  it('makes the card new again, clearing memory, counts and bury, keeping suspension', () => {
    const card = { ...reviewed(), suspended: true, buriedUntil: new Date('2026-03-03T04:00:00Z') };
    expect(card.reps).toBeGreaterThan(0);
    expect(card.lapses).toBe(1);
    const reset = resetProgress(card, NOW);
    expect(reset).toEqual({
      ...scheduler.newSchedule('c1', 'd1', NOW),
      suspended: true,
    });
    expect(reset).toMatchObject({ phase: 'new', reps: 0, lapses: 0, stability: 0, lastReview: null, buriedUntil: null, due: NOW });
  });
});

describe('set due date', () => {
  it('finds the start of the study day on a calendar date, in any zone', () => {
    expect(studyDayStartOn('2026-03-05', 4, UTC)).toEqual(new Date('2026-03-05T04:00:00Z'));
    expect(studyDayStartOn('2026-03-05', 4, fixedUtcOffset(60))).toEqual(new Date('2026-03-05T03:00:00Z'));
    expect(studyDayStartOn('2026-03-05', 0, fixedUtcOffset(-300))).toEqual(new Date('2026-03-05T05:00:00Z'));
    expect(studyDayStartOn('2026-03-05', 23, UTC)).toEqual(new Date('2026-03-05T23:00:00Z'));
  });

  it('is right on the days daylight saving starts and ends', () => {
    // Europe/Paris-like: UTC+1, UTC+2 from 2026-03-29 01:00Z until 2026-10-25 01:00Z.
    const paris: UtcOffset = (at) => (at.getTime() >= Date.UTC(2026, 2, 29, 1) && at.getTime() < Date.UTC(2026, 9, 25, 1) ? 120 : 60);
    expect(studyDayStartOn('2026-03-29', 4, paris)).toEqual(new Date('2026-03-29T02:00:00Z'));
    expect(studyDayStartOn('2026-03-29', 2, paris)).toEqual(new Date('2026-03-29T01:00:00Z'));
    expect(studyDayStartOn('2026-10-25', 4, paris)).toEqual(new Date('2026-10-25T03:00:00Z'));
  });

  it('rejects what is not a calendar date', () => {
    for (const bad of ['2026-02-30', '2026-13-01', '5 March', '', '2026-3-5']) {
      expect(() => studyDayStartOn(bad, 4, UTC)).toThrow(RangeError);
    }
  });

  it('moves a studied card, keeping its memory state; a new card has no due date', () => {
    const card = reviewed();
    const day = studyDayStartOn('2026-03-09', 4, UTC);
    expect(setDueDate(card, day, NOW, 4, UTC)).toEqual({ ...card, due: day });
    expect(setDueDate(scheduler.newSchedule('n', 'd1', NOW), day, NOW, 4, UTC)).toBeNull();
  });

  it('accepts today and refuses the past', () => {
    const card = reviewed();
    const today = studyDayStartOn('2026-03-02', 4, UTC);
    expect(setDueDate(card, today, NOW, 4, UTC)?.due).toEqual(today);
    expect(() => setDueDate(card, studyDayStartOn('2026-03-01', 4, UTC), NOW, 4, UTC)).toThrow('A due date cannot be in the past.');
  });
});
