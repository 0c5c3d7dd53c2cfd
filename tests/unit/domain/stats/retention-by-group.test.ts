import { describe, expect, it } from 'vitest';
import { retentionByGroup } from '../../../../src/domain/stats/retention-by-group.ts';
import { NOW, R_2S, REVIEWS, SCHEDULES, local } from './fixtures.ts';

// a → x; b → x, y; c → y; e → z. d and the cards f–j have no group.
const TOPICS = new Map<string, readonly string[]>([
  ['a', ['x']],
  ['b', ['x', 'y']],
  ['c', ['y']],
  ['e', ['z']],
]);

describe('retentionByGroup', () => {
  const groups = retentionByGroup({ reviews: REVIEWS, schedules: SCHEDULES, groupsByCard: TOPICS, now: NOW });
  const byName = new Map(groups.map((g) => [g.group, g]));

  it('lists every group once, sorted by name', () => {
    expect(groups.map((g) => g.group)).toEqual(['x', 'y', 'z']);
  });

  it('x (cards a, b): review-phase answers and mean retrievability', () => {
    // a: 1b F, 2 P, 10 F; b: 3 F, 7 P, 12 P → 3 of 6 passed.
    // R now: a 0.9 (t = S), b 0.84588 (t = 2S) → (0.9 + 0.84588) / 2 = 0.87294.
    const x = byName.get('x');
    expect(x).toMatchObject({ answers: 6, passed: 3, retention: 0.5, cards: 2, studiedCards: 2 });
    expect(x?.meanRetrievability).toBeCloseTo((0.9 + R_2S) / 2, 5);
  });

  it('y (cards b, c): a card in two groups counts in both', () => {
    // b: 3 F, 7 P, 12 P; c: 6 P, 13 P → 4 of 5. R: b 0.84588, c 1 → 0.92294.
    const y = byName.get('y');
    expect(y).toMatchObject({ answers: 5, passed: 4, retention: 0.8, cards: 2, studiedCards: 2 });
    expect(y?.meanRetrievability).toBeCloseTo((R_2S + 1) / 2, 5);
  });

  it('z (card e): learning answers only, so no retention figure yet', () => {
    // e's rows 9, 14, 15 are new/learning answers: not review-phase.
    expect(byName.get('z')).toEqual({
      group: 'z', answers: 0, passed: 0, retention: null, cards: 1, studiedCards: 1, meanRetrievability: 1,
    });
  });

  it('limits answers to `since`', () => {
    // From 9 Mar 04:00: x keeps 7 P, 10 F, 12 P → 2/3; y keeps 6 P, 7 P, 12 P, 13 P → 4/4.
    const recent = retentionByGroup({ reviews: REVIEWS, schedules: SCHEDULES, groupsByCard: TOPICS, now: NOW, since: new Date(local(2024, 3, 9, 4)) });
    expect(recent.find((g) => g.group === 'x')).toMatchObject({ answers: 3, passed: 2 });
    expect(recent.find((g) => g.group === 'y')).toMatchObject({ answers: 4, passed: 4, retention: 1 });
  });

  it('new cards count as group members but not in the mean retrievability', () => {
    const withNew = new Map(TOPICS).set('f', ['z']);
    const z = retentionByGroup({ reviews: REVIEWS, schedules: SCHEDULES, groupsByCard: withNew, now: NOW }).find((g) => g.group === 'z');
    expect(z).toMatchObject({ cards: 2, studiedCards: 1, meanRetrievability: 1 });
  });
});
