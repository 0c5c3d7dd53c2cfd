/**
 * A small seeded pseudo-random generator (mulberry32) for simulations that must replay
 * exactly: the same seed gives the same sequence in Node, browsers and workers. Not for
 * anything secret.
 */

/** A function returning the next number in [0, 1) of a seeded sequence. */
export type Random = () => number;

/**
 * The mulberry32 generator seeded with `seed` (any integer; only the low 32 bits count).
 *
 * @example
 * const random = seededRandom(42);
 * random() === seededRandom(42)(); // true: same seed, same first number
 */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Picks an index with the given weights (they need not sum to 1).
 *
 * @example
 * pickWeighted(seededRandom(1), [0, 1, 0]); // 1
 */
export function pickWeighted(random: Random, weights: readonly number[]): number {
  const total = weights.reduce((sum, w) => sum + w, 0);
  let x = random() * total;
  for (let i = 0; i < weights.length; i += 1) {
    x -= weights[i] ?? 0;
    if (x < 0) return i;
  }
  return weights.length - 1;
}
