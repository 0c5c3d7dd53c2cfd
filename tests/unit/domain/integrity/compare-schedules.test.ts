import { describe, expect, it } from 'vitest';
import { compareSchedules, SCHEDULE_FIELDS } from '../../../../src/domain/integrity/compare-schedules.ts';
import { createScheduler } from '../../../../src/domain/scheduling/scheduler.ts';
import { T0 } from './history.ts';

const scheduler = createScheduler();
const reviewed = scheduler.answer(scheduler.newSchedule('c', 'd', T0), 3, T0, 1000).after;

describe('compareSchedules', () => {
  it('finds nothing between a schedule and its copy', () => {
    expect(compareSchedules(reviewed, structuredClone(reviewed))).toEqual([]);
  });

  it('compares every field of a schedule except the identity', () => {
    const fields = Object.keys(reviewed).filter((key) => key !== 'cardId' && key !== 'deckId');
    expect([...SCHEDULE_FIELDS].sort()).toEqual(fields.sort());
  });

  it('names each differing field with both values, instants in epoch ms', () => {
    const later = new Date(reviewed.due.getTime() + 60_000);
    expect(compareSchedules({ ...reviewed, reps: 4, due: later, phase: 'review' }, reviewed)).toEqual([
      { field: 'phase', stored: 'review', expected: 'learning' },
      { field: 'due', stored: later.getTime(), expected: reviewed.due.getTime() },
      { field: 'reps', stored: 4, expected: 1 },
    ]);
  });

  it('tolerates float noise in stability and difficulty, not a real difference', () => {
    const s = reviewed.stability;
    expect(compareSchedules({ ...reviewed, stability: s * (1 + 1e-12) }, reviewed)).toEqual([]);
    expect(compareSchedules({ ...reviewed, stability: s + 1e-6 }, reviewed).map((d) => d.field)).toEqual(['stability']);
    expect(compareSchedules({ ...reviewed, difficulty: reviewed.difficulty + 0.01 }, reviewed).map((d) => d.field)).toEqual(['difficulty']);
  });

  it('counts and instants must match exactly', () => {
    expect(compareSchedules({ ...reviewed, due: new Date(reviewed.due.getTime() + 1) }, reviewed).map((d) => d.field)).toEqual(['due']);
    expect(compareSchedules({ ...reviewed, lastReview: null }, reviewed).map((d) => d.field)).toEqual(['lastReview']);
  });

  it('always reports a value that is not a number, even against another NaN', () => {
    const broken = { ...reviewed, stability: Number.NaN, due: new Date(Number.NaN) };
    expect(compareSchedules(broken, reviewed).map((d) => d.field)).toEqual(['due', 'stability']);
    expect(compareSchedules(broken, broken).map((d) => d.field)).toEqual(['due', 'stability']);
  });

  it('reports flags that differ', () => {
    const buried = { ...reviewed, suspended: true, buriedUntil: new Date(T0.getTime() + 1) };
    expect(compareSchedules(buried, reviewed).map((d) => d.field)).toEqual(['suspended', 'buriedUntil']);
  });
});
