import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reviewHeatmap } from '../../../src/domain/stats/heatmap.ts';
import { retentionByGroup } from '../../../src/domain/stats/retention-by-group.ts';
import { addTotals, groupRetention, heatmapOf, reviewTotals, type TotalsContext } from '../../../src/workers/review-totals.ts';
import { DAY_START_HOUR, NOW, REVIEWS, SCHEDULES } from '../domain/stats/fixtures.ts';

const ctx: TotalsContext = {
  now: NOW,
  dayStartHour: DAY_START_HOUR,
  topicsByCard: new Map([
    ['a', ['iam']],
    ['b', ['iam', 's3']],
    ['d', ['s3']],
  ]),
  tagsByCard: new Map([['c', ['exam']]]),
};

describe('review totals', () => {
  it('of two separate sets of answers add up to the totals of both', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: REVIEWS.length, maxLength: REVIEWS.length }), (sides) => {
        const left = REVIEWS.filter((_, i) => sides[i]);
        const right = REVIEWS.filter((_, i) => !sides[i]);
        expect(addTotals(reviewTotals(left, ctx), reviewTotals(right, ctx))).toEqual(reviewTotals(REVIEWS, ctx));
      }),
      { numRuns: 50 },
    );
  });

  it('give the same calendar as the domain function, streaks included', () => {
    const totals = reviewTotals(REVIEWS, ctx);
    expect(heatmapOf(totals.dayCounts, NOW, DAY_START_HOUR)).toEqual(reviewHeatmap(REVIEWS, { now: NOW, dayStartHour: DAY_START_HOUR }));
    const quiet = reviewTotals([], ctx);
    expect(heatmapOf(quiet.dayCounts, NOW, DAY_START_HOUR)).toEqual(reviewHeatmap([], { now: NOW, dayStartHour: DAY_START_HOUR }));
  });

  it('give the same retention per group as the domain function once the cards are added', () => {
    for (const [name, groups] of [['topics', ctx.topicsByCard], ['tags', ctx.tagsByCard]] as const) {
      const totals = reviewTotals(REVIEWS, ctx);
      const cards = retentionByGroup({ reviews: [], schedules: SCHEDULES, groupsByCard: groups, now: NOW });
      const answers = name === 'topics' ? totals.byTopic : totals.byTag;
      expect(groupRetention(answers, cards)).toEqual(retentionByGroup({ reviews: REVIEWS, schedules: SCHEDULES, groupsByCard: groups, now: NOW }));
    }
  });
});
