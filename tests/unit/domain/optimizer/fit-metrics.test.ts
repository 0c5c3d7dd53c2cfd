import { default_w } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import { evaluateFit, isBetterFit } from '../../../../src/domain/optimizer/fit-metrics.ts';
import {
  GENERATED_DAY_START_HOUR,
  TRUE_LEARNER_WEIGHTS,
  generateReviewLog,
} from '../../../../src/domain/optimizer/generate-review-log.ts';
import { cardHistories, type CardHistory } from '../../../../src/domain/optimizer/training-set.ts';
import { fixedUtcOffset } from '../../../../src/domain/scheduling/day.ts';
import type { Rating } from '../../../../src/domain/scheduling/types.ts';

function card(cardId: string, reviews: [Rating, number][], deckId = 'deck'): CardHistory {
  return {
    cardId,
    deckId,
    reviews: reviews.map(([rating, deltaT], i) => ({ rating, deltaT, reviewedAt: new Date(Date.UTC(2025, 0, 1 + i)) })),
  };
}

describe('evaluateFit', () => {
  it('matches a hand-computed case with the FSRS-6 defaults', () => {
    // FSRS-6: R(t, S) = (1 + factor * t / S) ^ -decay, decay = w20 = 0.1542, factor = 0.9^(-1/decay) - 1 = 0.98035.
    // Card a: Good when new (S0 = w2 = 2.3065), recalled 2 days later: p = R(2, 2.3065) = 0.909493.
    // Card b: Again when new (S0 = w0 = 0.212), forgotten 1 day later: p = R(1, 0.212) = 0.766196.
    const fit = evaluateFit([card('a', [[3, 0], [3, 2]]), card('b', [[1, 0], [1, 1]])], () => undefined);
    expect(fit.count).toBe(2);
    // -(ln 0.909493 + ln(1 - 0.766196)) / 2
    expect(fit.logLoss).toBeCloseTo(0.774069, 5);
    // Both fall in one bin (interval < 3.62 days, two long-term reviews, no lapse):
    // |mean prediction - recall rate| = |(0.909493 + 0.766196) / 2 - 1 / 2|.
    expect(fit.rmseBins).toBeCloseTo(0.337844, 5);
  });

  it('bins by interval: predictions in different bins are compared separately', () => {
    // Same two predictions, but card b's interval (4 days) lands in the next interval bin.
    const fit = evaluateFit([card('a', [[3, 0], [3, 2]]), card('b', [[1, 0], [1, 4]])], () => undefined);
    const pA = 0.9094932559773545;
    const pB = (1 + 0.9803464944134797 * (4 / default_w[0]!)) ** -default_w[20]!;
    expect(fit.rmseBins).toBeCloseTo(Math.sqrt(((1 - pA) ** 2 + pB ** 2) / 2), 6);
  });

  it('scores only reviews on a later day, but lets same-day steps move stability', () => {
    // Again on a same-day step lowers stability (short-term formula), so the later recall was less likely.
    const withStep = evaluateFit([card('a', [[3, 0], [1, 0], [3, 2]])], () => undefined);
    const without = evaluateFit([card('a', [[3, 0], [3, 2]])], () => undefined);
    expect(withStep.count).toBe(1);
    expect(withStep.logLoss).toBeGreaterThan(without.logLoss);
  });

  it("measures each card with its deck's weights", () => {
    const histories = [card('a', [[3, 0], [3, 2]], 'x'), card('b', [[3, 0], [3, 2]], 'y')];
    const mixed = evaluateFit(histories, (deckId) => (deckId === 'x' ? TRUE_LEARNER_WEIGHTS : undefined));
    const defaults = evaluateFit(histories, () => undefined);
    const truth = evaluateFit(histories, () => TRUE_LEARNER_WEIGHTS);
    expect(mixed.logLoss).toBeCloseTo((defaults.logLoss + truth.logLoss) / 2, 10);
  });

  it('returns NaN figures when nothing can be predicted', () => {
    const fit = evaluateFit([card('a', [[3, 0], [3, 0]])], () => undefined);
    expect(fit.count).toBe(0);
    expect(fit.logLoss).toBeNaN();
  });

  it("predicts a simulated learner's log better with the learner's true weights than with the defaults", () => {
    const log = generateReviewLog(3, { cards: 150, reviews: 1200, start: new Date('2025-01-06T10:00:00Z') });
    const { histories } = cardHistories(
      log.map((e) => ({ ...e, wasNew: e.before.phase === 'new', dayStartHour: GENERATED_DAY_START_HOUR })),
      fixedUtcOffset(0),
    );
    const defaults = evaluateFit(histories, () => undefined);
    const truth = evaluateFit(histories, () => TRUE_LEARNER_WEIGHTS);
    expect(isBetterFit(defaults, truth)).toBe(true);
  });
});

describe('isBetterFit', () => {
  const fit = (logLoss: number, rmseBins: number) => ({ logLoss, rmseBins, count: 100 });
  it('needs a lower log loss and an RMSE no worse', () => {
    expect(isBetterFit(fit(0.4, 0.05), fit(0.35, 0.05))).toBe(true);
    expect(isBetterFit(fit(0.4, 0.05), fit(0.35, 0.06))).toBe(false);
    expect(isBetterFit(fit(0.4, 0.05), fit(0.4, 0.01))).toBe(false);
  });
});
