import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  fixedUtcOffset,
  isDueToday,
  localUtcOffset,
  nextStudyDayStart,
  studyDayKey,
  studyDayStart,
} from '../../../../src/domain/scheduling/day.ts';
import type { UtcOffset } from '../../../../src/domain/scheduling/day.ts';

const utc = fixedUtcOffset(0);
const paris = fixedUtcOffset(60);
const newYork = fixedUtcOffset(-300);
const d = (iso: string) => new Date(iso);

describe('studyDayStart / nextStudyDayStart (day starts at 4 am local)', () => {
  it('03:30 local still belongs to the day that started at 04:00 the day before', () => {
    const now = d('2025-03-02T03:30:00Z');
    expect(studyDayStart(now, 4, utc)).toEqual(d('2025-03-01T04:00:00Z'));
    expect(nextStudyDayStart(now, 4, utc)).toEqual(d('2025-03-02T04:00:00Z'));
  });

  it('a new day begins exactly at 04:00', () => {
    const now = d('2025-03-02T04:00:00Z');
    expect(studyDayStart(now, 4, utc)).toEqual(now);
    expect(nextStudyDayStart(now, 4, utc)).toEqual(d('2025-03-03T04:00:00Z'));
    expect(studyDayStart(d('2025-03-02T03:59:59.999Z'), 4, utc)).toEqual(d('2025-03-01T04:00:00Z'));
  });

  it('uses local time: 04:00 in Paris (UTC+1) is 03:00 UTC', () => {
    expect(studyDayStart(d('2025-03-02T02:30:00Z'), 4, paris)).toEqual(d('2025-03-01T03:00:00Z'));
    expect(studyDayStart(d('2025-03-02T03:00:00Z'), 4, paris)).toEqual(d('2025-03-02T03:00:00Z'));
  });

  it('handles zones behind UTC: 04:00 in New York (UTC-5) is 09:00 UTC', () => {
    expect(studyDayStart(d('2025-03-02T08:59:00Z'), 4, newYork)).toEqual(d('2025-03-01T09:00:00Z'));
    expect(nextStudyDayStart(d('2025-03-02T08:59:00Z'), 4, newYork)).toEqual(d('2025-03-02T09:00:00Z'));
  });

  it('supports other start hours, midnight included', () => {
    expect(studyDayStart(d('2025-03-02T00:00:00Z'), 0, utc)).toEqual(d('2025-03-02T00:00:00Z'));
    expect(studyDayStart(d('2025-03-02T22:00:00Z'), 23, utc)).toEqual(d('2025-03-01T23:00:00Z'));
  });

  it('follows a daylight-saving change (Europe/Paris, 30 March 2025: 01:00 UTC, +1 -> +2)', () => {
    const switchAt = d('2025-03-30T01:00:00Z').getTime();
    const parisDst: UtcOffset = (at) => (at.getTime() >= switchAt ? 120 : 60);
    // The day after the switch starts at 04:00 CEST = 02:00 UTC.
    expect(studyDayStart(d('2025-03-30T12:00:00Z'), 4, parisDst)).toEqual(d('2025-03-30T02:00:00Z'));
    // The evening before the switch: the day started at 04:00 CET and ends at 04:00 CEST.
    const evening = d('2025-03-29T22:00:00Z');
    expect(studyDayStart(evening, 4, parisDst)).toEqual(d('2025-03-29T03:00:00Z'));
    expect(nextStudyDayStart(evening, 4, parisDst)).toEqual(d('2025-03-30T02:00:00Z'));
  });

  it('converts local to UTC with the offset in effect at that instant, not at the wall time read as UTC', () => {
    // Paris, 30 March 2025: 01:00 local (CET, +1) is 00:00 UTC, just before the 01:00 UTC switch.
    const switchAt = d('2025-03-30T01:00:00Z').getTime();
    const parisDst: UtcOffset = (at) => (at.getTime() >= switchAt ? 120 : 60);
    expect(studyDayStart(d('2025-03-30T10:00:00Z'), 1, parisDst)).toEqual(d('2025-03-30T00:00:00Z'));
  });

  it('when the start hour is skipped by a clock change, now stays in the day that began before it', () => {
    // A synthetic zone jumping from UTC+0 to UTC+5 at 02:00 UTC: local 04:00 never happens on 10 March.
    const jumpAt = d('2025-03-10T02:00:00Z').getTime();
    const jumpy: UtcOffset = (at) => (at.getTime() >= jumpAt ? 300 : 0);
    const now = d('2025-03-10T02:01:00Z'); // 07:01 local
    expect(studyDayStart(now, 4, jumpy)).toEqual(d('2025-03-09T04:00:00Z'));
    expect(nextStudyDayStart(now, 4, jumpy).getTime()).toBeGreaterThan(now.getTime());
    expect(studyDayKey(now, 4, jumpy)).toBe('2025-03-09');
  });

  it('always brackets now: start <= now < next, and days are about 24 h apart', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2100, 0, 1) }),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: -12 * 60, max: 14 * 60 }),
        (ms, hour, offsetMinutes) => {
          const now = new Date(ms);
          const offset = fixedUtcOffset(offsetMinutes);
          const start = studyDayStart(now, hour, offset).getTime();
          const next = nextStudyDayStart(now, hour, offset).getTime();
          expect(start).toBeLessThanOrEqual(ms);
          expect(next).toBeGreaterThan(ms);
          expect(next - start).toBe(86_400_000);
          // The start is at `hour` o'clock local time.
          expect(new Date(start + offsetMinutes * 60_000).getUTCHours()).toBe(hour);
        },
      ),
    );
  });

  it('rejects a start hour that is not a whole hour of the day', () => {
    expect(() => studyDayStart(new Date(0), 24, utc)).toThrow(RangeError);
    expect(() => nextStudyDayStart(new Date(0), 3.5, utc)).toThrow(RangeError);
  });

  it('defaults to the runtime zone', () => {
    const now = d('2025-07-14T12:00:00Z');
    expect(localUtcOffset(now)).toBe(-now.getTimezoneOffset());
    expect(studyDayStart(now, 4)).toEqual(studyDayStart(now, 4, localUtcOffset));
  });
});

describe('isDueToday', () => {
  const now = d('2025-03-01T21:00:00Z');

  it('counts anything due before the next 04:00, including overdue', () => {
    expect(isDueToday(d('2025-03-02T03:30:00Z'), now, 4, utc)).toBe(true);
    expect(isDueToday(d('2025-02-20T10:00:00Z'), now, 4, utc)).toBe(true);
    expect(isDueToday(d('2025-03-02T04:00:00Z'), now, 4, utc)).toBe(false);
  });

  it('a review due at 03:30 belongs to the day that started at 04:00 the day before', () => {
    const due = d('2025-03-02T03:30:00Z');
    expect(isDueToday(due, d('2025-03-01T04:00:00Z'), 4, utc)).toBe(true);
    expect(isDueToday(due, d('2025-03-01T03:59:00Z'), 4, utc)).toBe(false);
  });
});

describe('studyDayKey', () => {
  it('names the local date on which the study day began', () => {
    expect(studyDayKey(d('2025-03-02T03:30:00Z'), 4, utc)).toBe('2025-03-01');
    expect(studyDayKey(d('2025-03-02T04:00:00Z'), 4, utc)).toBe('2025-03-02');
    expect(studyDayKey(d('2025-03-02T23:30:00Z'), 4, paris)).toBe('2025-03-02'); // 00:30 local
    expect(studyDayKey(d('2025-03-02T23:30:00Z'), 4, fixedUtcOffset(300))).toBe('2025-03-03'); // 04:30 local
    expect(studyDayKey(d('2025-03-02T07:00:00Z'), 4, newYork)).toBe('2025-03-01');
  });
});
