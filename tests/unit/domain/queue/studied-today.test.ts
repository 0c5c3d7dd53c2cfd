import { describe, expect, it } from 'vitest';
import { countStudiedToday } from '../../../../src/domain/queue/studied-today.ts';
import type { LoggedAnswer } from '../../../../src/domain/queue/studied-today.ts';
import type { Phase } from '../../../../src/domain/scheduling/types.ts';
import { UTC } from './fixtures.ts';

const answer = (iso: string, phase: Phase): LoggedAnswer => ({ reviewedAt: new Date(iso), before: { phase } });

describe('countStudiedToday', () => {
  const log = [
    answer('2025-03-01T03:59:59Z', 'new'), // the previous study day
    answer('2025-03-01T04:00:00Z', 'new'),
    answer('2025-03-01T12:00:00Z', 'review'),
    answer('2025-03-01T12:01:00Z', 'learning'),
    answer('2025-03-01T12:11:00Z', 'relearning'),
    answer('2025-03-02T03:30:00Z', 'review'), // still today (before 04:00)
    answer('2025-03-02T04:00:00Z', 'review'), // tomorrow
  ];

  it('counts answers to new and review cards since 04:00; (re)learning answers use no limit', () => {
    expect(countStudiedToday(log, new Date('2025-03-01T20:00:00Z'), 4, UTC)).toEqual({ newCount: 1, reviewCount: 2 });
  });

  it('starts again from zero when the next day begins', () => {
    expect(countStudiedToday(log, new Date('2025-03-02T04:00:00Z'), 4, UTC)).toEqual({ newCount: 0, reviewCount: 1 });
  });

  it('uses the local day', () => {
    // In UTC+5, the 04:00 local boundary is 23:00 UTC.
    const plus5 = () => 300;
    // So both early-morning answers and the 12:00 review are today; the 03:30 review of the 2nd is not.
    expect(countStudiedToday(log, new Date('2025-03-01T12:00:00Z'), 4, plus5)).toEqual({ newCount: 2, reviewCount: 1 });
  });
});
