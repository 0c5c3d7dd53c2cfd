import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cardId, hashText, normaliseQuestion, slugify } from '../../../../src/domain/deck/ids.ts';
import { parse } from '../../../../src/domain/deck/parse.ts';

/** Reference FNV-1a 64 with BigInt over TextEncoder bytes: slow but obviously right. */
function referenceFnv1a64(text: string): string {
  let hash = 0xcbf29ce484222325n;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= BigInt(byte);
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return hash.toString(16).padStart(16, '0');
}

describe('hashText (FNV-1a 64 over UTF-8)', () => {
  it('matches the published FNV-1a 64 test vectors', () => {
    expect(hashText('')).toBe('cbf29ce484222325');
    expect(hashText('a')).toBe('af63dc4c8601ec8c');
    expect(hashText('foobar')).toBe('85944171f73967e8');
  });

  it('matches a BigInt reference on any string, lone surrogates included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 64 }), (text) => {
        expect(hashText(text)).toBe(referenceFnv1a64(text));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('normaliseQuestion', () => {
  it('applies NFC, collapses whitespace, trims and lower-cases', () => {
    expect(normaliseQuestion('  What is\t S3?\u00a0')).toBe('what is s3?');
    expect(normaliseQuestion('Cafe\u0301?')).toBe(normaliseQuestion('Café?'));
    expect(normaliseQuestion('\uFEFFWhat  is\r\nSQS?')).toBe('what is sqs?');
  });
});

describe('cardId', () => {
  it('is pinned: changing it would orphan every review history', () => {
    expect(cardId('aws-cda-flashcards', 'What is Elastic Beanstalk?')).toBe('08f18745dfa5ad3a');
    expect(cardId('aws-cda-flashcards', 'What is Elastic Beanstalk?', 1)).toBe(hashText('aws-cda-flashcards\u0000what is elastic beanstalk?\u00001'));
  });

  it('ignores whitespace and case in the question, but not the deck or the wording', () => {
    const id = cardId('deck', 'What is SQS?');
    expect(id).toMatch(/^[0-9a-f]{16}$/);
    expect(cardId('deck', '  what   IS\tsqs? ')).toBe(id);
    expect(cardId('other-deck', 'What is SQS?')).not.toBe(id);
    expect(cardId('deck', 'What is SNS?')).not.toBe(id);
  });

  it('gives each occurrence of a repeated question its own id', () => {
    const ids = [0, 1, 2].map((occurrence) => cardId('deck', 'What is SQS?', occurrence));
    expect(new Set(ids).size).toBe(3);
  });

  it('is what parse() assigns, and does not depend on the answer', () => {
    const first = parse('Deck\nWhat is SQS?\n- A queue\nWhat is SQS?\n- Again', 'd.txt');
    const edited = parse('Deck\nWhat is SQS?\nA managed queue\nWhat is SQS?\n- Changed', 'd.txt');
    expect(first.cards.map((card) => card.id)).toEqual([cardId('deck', 'What is SQS?', 0), cardId('deck', 'What is SQS?', 1)]);
    expect(edited.cards.map((card) => card.id)).toEqual(first.cards.map((card) => card.id));
  });
});

describe('slugify', () => {
  it('makes lowercase ASCII slugs, transliterating accents', () => {
    expect(slugify('AWS: CDA Flashcards')).toBe('aws-cda-flashcards');
    expect(slugify('  Crème Brûlée – Straße  ')).toBe('creme-brulee-strasse');
    expect(slugify('Ærøskøbing Łódź')).toBe('aeroskobing-lodz');
    expect(slugify('ﬁnal №5')).toBe('final-no5');
  });

  it('falls back to a stable hash when nothing is left', () => {
    expect(slugify('日本語')).toMatch(/^deck-[0-9a-f]{8}$/);
    expect(slugify('日本語')).toBe(slugify('日本語'));
    expect(slugify('日本語')).not.toBe(slugify('한국어'));
    expect(slugify('')).toBe(`deck-${hashText('').slice(0, 8)}`);
  });

  it('caps long slugs at a word boundary', () => {
    const slug = slugify('word '.repeat(40));
    expect(slug.length).toBeLessThanOrEqual(64);
    expect(slug).toMatch(/^word(-word)*$/);
  });

  it('always yields lowercase letters, digits and single inner hyphens', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        const slug = slugify(text);
        expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
        expect(slug.length).toBeLessThanOrEqual(64);
      }),
      { numRuns: 500 },
    );
  });
});
