import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { interleave } from '../../../../src/domain/queue/interleave.ts';
import type { QueueItem } from '../../../../src/domain/queue/types.ts';

const items = (kind: 'new' | 'review', n: number): QueueItem[] =>
  Array.from({ length: n }, (_, i) => ({ cardId: `${kind}-${i}`, kind }));

const pattern = (merged: QueueItem[]) => merged.map((item) => (item.kind === 'new' ? 'n' : 'r')).join('');

describe('interleave', () => {
  it('spreads new cards evenly among reviews', () => {
    expect(pattern(interleave(items('review', 10), items('new', 4)))).toBe('rrnrrnrrnrrnrr');
    expect(pattern(interleave(items('review', 1), items('new', 2)))).toBe('nrn');
    expect(pattern(interleave(items('review', 20), items('new', 1)))).toBe('rrrrrrrrrrnrrrrrrrrrr');
    expect(pattern(interleave([], items('new', 3)))).toBe('nnn');
    expect(pattern(interleave(items('review', 3), []))).toBe('rrr');
  });

  it('keeps every card once, each list in its own order, and runs of reviews within one of each other', () => {
    fc.assert(
      fc.property(fc.nat(300), fc.nat(60), (r, n) => {
        const reviews = items('review', r);
        const news = items('new', n);
        const merged = interleave(reviews, news);
        expect(merged).toHaveLength(r + n);
        expect(merged.filter((i) => i.kind === 'review')).toEqual(reviews);
        expect(merged.filter((i) => i.kind === 'new')).toEqual(news);
        if (n > 0) {
          const runs = pattern(merged).split('n').map((run) => run.length);
          expect(Math.max(...runs) - Math.min(...runs)).toBeLessThanOrEqual(1);
        }
      }),
    );
  });
});
