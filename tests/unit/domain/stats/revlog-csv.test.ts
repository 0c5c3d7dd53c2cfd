import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { REVLOG_CSV_COLUMNS, cardIdToNumber, csvField, numericCardIds, reviewLogToCsv, reviewLogToCsvBytes } from '../../../../src/domain/stats/revlog-csv.ts';
import { REVIEWS, local } from './fixtures.ts';

describe('cardIdToNumber', () => {
  it('is pinned: the same card keeps its number across app versions', () => {
    // Changing these means old and new exports no longer line up; do it only on purpose.
    expect(cardIdToNumber('a')).toBe(4292066343604246);
    expect(cardIdToNumber('card-1')).toBe(4279714987115181);
    expect(cardIdToNumber('card-2')).toBe(5189475387972071);
  });

  it('gives a non-negative safe integer for any string (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), (id) => {
        const n = cardIdToNumber(id);
        expect(Number.isSafeInteger(n)).toBe(true);
        expect(n).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('has no collisions among 100,000 similar ids', () => {
    const seen = new Set<number>();
    for (let i = 0; i < 100_000; i++) seen.add(cardIdToNumber(`deck-7:${i.toString(36)}`));
    expect(seen.size).toBe(100_000);
  });
});

describe('numericCardIds', () => {
  it('maps each id once, to its hash', () => {
    const ids = numericCardIds(['x', 'y', 'x']);
    expect([...ids]).toEqual([['x', cardIdToNumber('x')], ['y', cardIdToNumber('y')]]);
  });

  it('gives a colliding id the next free number', () => {
    // A hash that sends everything to 7 forces collisions: p → 7, q → 8, r → 9.
    const ids = numericCardIds(['p', 'q', 'p', 'r'], () => 7);
    expect([...ids]).toEqual([['p', 7], ['q', 8], ['r', 9]]);
  });
});

describe('csvField', () => {
  it('quotes only when RFC 4180 requires it and doubles inner quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\r')).toBe('"cr\r"');
  });
});

describe('reviewLogToCsv', () => {
  it('writes the fsrs-optimizer columns, states before the answer, CRLF line ends', () => {
    // Rows 9–11 of the fixture: e new Good 7000 ms; a review Again 8000 ms; a relearning Good 4000 ms.
    const csv = reviewLogToCsv(REVIEWS.slice(9, 12));
    const a = cardIdToNumber('a');
    const e = cardIdToNumber('e');
    expect(csv).toBe(
      'card_id,review_time,review_rating,review_state,review_duration\r\n' +
        `${e},${local(2024, 3, 15, 3, 59)},3,0,7000\r\n` +
        `${a},${local(2024, 3, 15, 4)},1,2,8000\r\n` +
        `${a},${local(2024, 3, 15, 4, 10)},3,3,4000\r\n`,
    );
    expect(csv.split('\r\n')[0]).toBe(REVLOG_CSV_COLUMNS.join(','));
  });

  it('has one line per review plus the header, and numeric ids throughout', () => {
    const lines = reviewLogToCsv(REVIEWS).split('\r\n');
    expect(lines).toHaveLength(REVIEWS.length + 2); // header + 17 rows + the empty string after the last CRLF
    expect(lines.at(-1)).toBe('');
    for (const line of lines.slice(1, -1)) expect(line).toMatch(/^\d+,\d+,[1-4],[0-3],\d+$/);
    // Learning row 14 (e, Again, 12000 ms) → state 1.
    expect(lines[15]).toBe(`${cardIdToNumber('e')},${local(2024, 3, 15, 9, 30)},1,1,12000`);
  });

  it('rounds times and durations to whole milliseconds and never writes a negative duration', () => {
    const [row] = REVIEWS;
    if (row === undefined) throw new Error('fixture is empty');
    const csv = reviewLogToCsv([{ ...row, reviewedAt: row.reviewedAt + 0.6, durationMs: -3 }]);
    expect(csv.split('\r\n')[1]).toBe(`${cardIdToNumber('a')},${row.reviewedAt + 1},3,0,0`);
  });

  it('writes every whole number exactly as String() would (property)', () => {
    const [row] = REVIEWS;
    if (row === undefined) throw new Error('fixture is empty');
    // Times above 10^8 are written in two parts; the lower one must keep its leading zeros.
    expect(reviewLogToCsv([{ ...row, reviewedAt: 1_700_000_000_005, durationMs: 100_000_000 }]).split('\r\n')[1]).toBe(
      `${cardIdToNumber('a')},1700000000005,3,0,100000000`,
    );
    fc.assert(
      fc.property(fc.maxSafeNat(), fc.integer({ min: 0, max: 2 ** 31 }), (time, duration) => {
        const line = reviewLogToCsv([{ ...row, reviewedAt: time, durationMs: duration }]).split('\r\n')[1];
        expect(line).toBe(`${cardIdToNumber('a')},${time},3,0,${duration}`);
      }),
    );
  });

  it('the bytes are the UTF-8 of the text, ids included', () => {
    const [row] = REVIEWS;
    if (row === undefined) throw new Error('fixture is empty');
    const reviews = [{ ...row, cardId: 'carte-é,ü' }];
    const bytes = reviewLogToCsvBytes(reviews, { cardIds: 'original' });
    expect(new TextDecoder().decode(bytes)).toBe(reviewLogToCsv(reviews, { cardIds: 'original' }));
    expect(reviewLogToCsv(reviews, { cardIds: 'original' }).split('\r\n')[1]?.startsWith('"carte-é,ü",')).toBe(true);
  });

  it('numbers cards in the export the same way numericCardIds does', () => {
    const ids = numericCardIds(REVIEWS.map((r) => r.cardId));
    const lines = reviewLogToCsv(REVIEWS).split('\r\n').slice(1, -1);
    lines.forEach((line, i) => expect(line.split(',')[0]).toBe(String(ids.get(REVIEWS[i]?.cardId ?? ''))));
  });

  it('can keep our string ids, quoted when needed', () => {
    const [row] = REVIEWS;
    if (row === undefined) throw new Error('fixture is empty');
    const csv = reviewLogToCsv([{ ...row, cardId: 'deck,"7"' }], { cardIds: 'original' });
    expect(csv.split('\r\n')[1]).toBe(`"deck,""7""",${row.reviewedAt},3,0,10000`);
  });
});
