import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeDeckBytes, firstInvalidUtf8Offset, parseBytes } from '../../../../src/domain/deck/decode.ts';

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);
const concat = (...parts: (Uint8Array | number[])[]): Uint8Array => {
  const bytes = parts.flatMap((part) => [...part]);
  return Uint8Array.from(bytes);
};

describe('decodeDeckBytes', () => {
  it('decodes UTF-8 with and without a BOM to the same text', () => {
    const text = 'Deck — “quotes”\nWhat is 日本?\n- 😀';
    expect(decodeDeckBytes(encode(text))).toEqual({ text, diagnostics: [] });
    expect(decodeDeckBytes(concat([0xef, 0xbb, 0xbf], encode(text)))).toEqual({ text, diagnostics: [] });
  });

  it('reports the line of the first invalid byte sequence and still decodes the rest', () => {
    const bytes = concat(encode('Title\r\nQ?\r- ok\n- caf'), [0xe9], encode('\n- bad again '), [0xff]);
    const { text, diagnostics } = decodeDeckBytes(bytes);
    expect(text).toBe('Title\r\nQ?\r- ok\n- caf\uFFFD\n- bad again \uFFFD');
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ line: 4, severity: 'error' });
    expect(diagnostics[0]?.message).toContain('not valid UTF-8 (first on line 4, byte 21 of the file)');
  });

  it('counts the BOM in the byte position but not in the line', () => {
    const { diagnostics } = decodeDeckBytes(concat([0xef, 0xbb, 0xbf], encode('ab\n'), [0xc0, 0x80]));
    expect(diagnostics[0]?.message).toContain('first on line 2, byte 7 of the file');
  });

  it('explains UTF-16 files instead of reporting garbage', () => {
    const { diagnostics } = decodeDeckBytes(Uint8Array.from([0xff, 0xfe, 0x41, 0x00]));
    expect(diagnostics).toEqual([
      { line: 1, severity: 'error', message: 'the file is UTF-16 (it starts with a UTF-16 byte-order mark); save it as UTF-8' },
    ]);
  });
});

describe('firstInvalidUtf8Offset', () => {
  it('rejects overlong forms, surrogates, code points above U+10FFFF and truncated sequences', () => {
    expect(firstInvalidUtf8Offset(Uint8Array.from([0x61, 0xc0, 0xaf]))).toBe(1);
    expect(firstInvalidUtf8Offset(Uint8Array.from([0xe0, 0x80, 0xaf]))).toBe(0);
    expect(firstInvalidUtf8Offset(Uint8Array.from([0xed, 0xa0, 0x80]))).toBe(0);
    expect(firstInvalidUtf8Offset(Uint8Array.from([0xf4, 0x90, 0x80, 0x80]))).toBe(0);
    expect(firstInvalidUtf8Offset(Uint8Array.from([0x61, 0x62, 0xe2, 0x82]))).toBe(2);
    expect(firstInvalidUtf8Offset(encode('ok: é 日 😀'))).toBe(-1);
  });

  it('agrees with the platform’s strict decoder on arbitrary bytes', () => {
    const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
    fc.assert(
      fc.property(
        fc.oneof(fc.uint8Array({ maxLength: 24 }), fc.string({ unit: 'binary', maxLength: 12 }).map(encode), fc.array(fc.constantFrom(0x61, 0x80, 0xbf, 0xc2, 0xe0, 0xed, 0xef, 0xf0, 0xf4, 0xff, 0x9f, 0xa0, 0x90, 0x8f), { maxLength: 10 }).map((bytes) => Uint8Array.from(bytes))),
        (bytes) => {
          let valid = true;
          try {
            strict.decode(bytes);
          } catch {
            valid = false;
          }
          expect(firstInvalidUtf8Offset(bytes) === -1).toBe(valid);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('parseBytes', () => {
  it('parses decoded text and puts decoding errors among the diagnostics in line order', () => {
    const deck = parseBytes(concat(encode('- stray\nQ?\n- caf'), [0xe9]), 'x.txt');
    expect(deck.cards).toHaveLength(1);
    expect(deck.diagnostics.map((d) => [d.line, d.severity])).toEqual([
      [1, 'error'],
      [3, 'error'],
    ]);
  });

  it('never throws on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.string({ maxLength: 10 }), (bytes, name) => {
        const deck = parseBytes(bytes, name);
        expect(Array.isArray(deck.cards)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
