/**
 * Our conversion and replay checked against fsrs-rs itself (fsrs-browser's WebAssembly, run
 * single-threaded in Node):
 * - buildTrainingSet's ratings/delta_ts/lengths, trained by fsrs-rs, give exactly the weights
 *   fsrs-rs gives from its own conversion of the same log (computeParametersAnki);
 * - the ts-fsrs replay behind evaluateFit reaches the memory states fsrs-rs computes.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type * as FsrsBrowser from 'fsrs-browser';
import { fsrs, type FSRSState } from 'ts-fsrs';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import {
  GENERATED_DAY_START_HOUR,
  TRUE_LEARNER_WEIGHTS,
  generateReviewLog,
} from '../../../../src/domain/optimizer/generate-review-log.ts';
import { buildTrainingSet, cardHistories } from '../../../../src/domain/optimizer/training-set.ts';
import { fixedUtcOffset } from '../../../../src/domain/scheduling/day.ts';
import type { Phase } from '../../../../src/domain/scheduling/types.ts';

let wasm: typeof FsrsBrowser;

beforeAll(async () => {
  vi.spyOn(console, 'log').mockImplementation(() => undefined); // fsrs-rs logs every epoch
  // fsrs-browser's thread-pool helper listens on `self` when imported; Node has no `self`.
  Object.assign(globalThis, { self: new EventTarget() });
  wasm = await import('fsrs-browser');
  const bytes = readFileSync(createRequire(import.meta.url).resolve('fsrs-browser/fsrs_browser_bg.wasm'));
  wasm.initSync({ module: bytes });
});

const log = generateReviewLog(11, { cards: 150, reviews: 1200, start: new Date('2025-01-06T10:00:00Z') });
const { histories } = cardHistories(
  log.map((e) => ({ ...e, wasNew: e.before.phase === 'new', dayStartHour: GENERATED_DAY_START_HOUR })),
  fixedUtcOffset(0),
);

/** Anki's revlog kinds as fsrs-rs reads them: 0 learning, 1 review, 2 relearning. */
const KIND: Record<Phase, number> = { new: 0, learning: 0, review: 1, relearning: 2 };

describe('against fsrs-rs', () => {
  it("trains to the same weights as fsrs-rs's own conversion of the log", () => {
    const set = buildTrainingSet(histories);
    const ours = new wasm.Fsrs().computeParameters(set.ratings, set.deltaTs, set.lengths, undefined, true);

    const cardNumber = new Map(histories.map((h, i) => [h.cardId, BigInt(i + 1)]));
    const cids = BigInt64Array.from(log, (e) => cardNumber.get(e.cardId) ?? 0n);
    const eases = Uint8Array.from(log, (e) => e.rating);
    const ids = BigInt64Array.from(log, (e) => BigInt(e.reviewedAt.getTime()));
    const types = Uint8Array.from(log, (e) => KIND[e.before.phase]);
    // minute_offset = UTC offset minus the day start: 0 - 4 h.
    const reference = new wasm.Fsrs().computeParametersAnki(-GENERATED_DAY_START_HOUR * 60, cids, eases, ids, types, undefined, true);

    expect(Array.from(ours)).toEqual(Array.from(reference));
    expect(ours).toHaveLength(21);
  }, 120_000);

  it('replays memory states as fsrs-rs does (except same-day Hard, see fit-metrics.ts)', () => {
    const model = new wasm.Fsrs(new Float32Array(TRUE_LEARNER_WEIGHTS));
    const f = fsrs({ w: TRUE_LEARNER_WEIGHTS, enable_short_term: true });
    let compared = 0;
    for (const history of histories) {
      if (history.reviews.some((r, i) => i > 0 && r.deltaT === 0 && r.rating === 2)) continue;
      let state: FSRSState | null = null;
      for (const review of history.reviews) state = f.next_state(state, review.deltaT, review.rating);
      const [stability = 0, difficulty = 0] = model.memoryState(
        Uint32Array.from(history.reviews, (r) => r.rating),
        Uint32Array.from(history.reviews, (r) => r.deltaT),
      );
      expect(state?.stability).toBeCloseTo(stability, 2);
      expect(state?.difficulty).toBeCloseTo(difficulty, 4);
      compared += 1;
    }
    expect(compared).toBeGreaterThan(100);
  });
});
