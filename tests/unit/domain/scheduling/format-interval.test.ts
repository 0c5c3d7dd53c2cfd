import { describe, expect, it } from 'vitest';
import { formatInterval } from '../../../../src/domain/scheduling/format-interval.ts';

const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;

describe('formatInterval', () => {
  it.each([
    [0, '0s'],
    [-5 * S, '0s'],
    [45 * S, '45s'],
    [M, '1m'],
    [6 * M, '6m'],
    [10 * M, '10m'],
    [H, '1h'],
    [1.5 * H, '1.5h'],
    [23 * H, '23h'],
    [D, '1d'],
    [3 * D, '3d'],
    [29 * D, '29d'],
    [30 * D, '1mo'],
    [75 * D, '2.5mo'],
    [330 * D, '11mo'],
    [365 * D, '1y'],
    [438 * D, '1.2y'],
    [36_500 * D, '100y'],
  ])('%d ms -> %s', (ms, label) => {
    expect(formatInterval(ms)).toBe(label);
  });

  it('moves up a unit when rounding reaches it', () => {
    expect(formatInterval(59.6 * S)).toBe('1m');
    expect(formatInterval(59.6 * M)).toBe('1h');
    expect(formatInterval(23.97 * H)).toBe('1d');
    expect(formatInterval(29.8 * D)).toBe('1mo');
    expect(formatInterval(359 * D)).toBe('1y');
  });
});
