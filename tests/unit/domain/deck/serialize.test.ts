import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cardId, normaliseQuestion, slugify } from '../../../../src/domain/deck/ids.ts';
import { parse } from '../../../../src/domain/deck/parse.ts';
import { findSerializationLosses, serializeDeck } from '../../../../src/domain/deck/serialize.ts';
import type { Deck, DeckCard } from '../../../../src/domain/deck/types.ts';
import { deckSpec, expectedAnswer, lineSoup } from './deck-arbitraries.ts';
import type { DeckSpec } from './deck-arbitraries.ts';

/** A Deck built straight from a spec, ids included, without going through parse(). */
function deckFromSpec(spec: DeckSpec): Deck {
  const deckId = slugify(spec.title);
  const seen = new Map<string, number>();
  const cards = spec.cards.map((card, index): DeckCard => {
    const key = normaliseQuestion(card.question);
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    return {
      id: cardId(deckId, card.question, occurrence),
      question: card.question,
      answer: expectedAnswer(card),
      tags: card.tags,
      topics: [],
      line: index + 1,
    };
  });
  return { id: deckId, title: spec.title, sourceFile: 'spec.txt', cards, diagnostics: [] };
}

function content(deck: Deck): unknown {
  return { id: deck.id, title: deck.title, cards: deck.cards.map(({ id, question, answer, tags }) => ({ id, question, answer, tags })) };
}

describe('serializeDeck', () => {
  it('writes the title, then each card with its tags and answer, cards separated by blank lines', () => {
    const deck = parse('My Deck\nWhat is SQS?\nDevelopment\n- A queue\n  - FIFO\nWhat is DAX?\nA cache\n', 'x.txt');
    expect(serializeDeck(deck)).toBe('My Deck\n\nWhat is SQS?\nDevelopment\n- A queue\n  - FIFO\n\nWhat is DAX?\nA cache\n');
  });

  it('round-trips the seed deck exactly', () => {
    const seed = parse(readFileSync(new URL('../../../../decks/aws-cda.txt', import.meta.url), 'utf8'), 'aws-cda.txt');
    expect(content(parse(serializeDeck(seed), 'aws-cda.txt'))).toEqual(content(seed));
    expect(findSerializationLosses(seed)).toEqual([]);
  });

  it('round-trips generated decks: questions, paragraphs, nested lists, tags and ids', () => {
    fc.assert(
      fc.property(deckSpec, (spec) => {
        const deck = deckFromSpec(spec);
        expect(content(parse(serializeDeck(deck), deck.sourceFile))).toEqual(content(deck));
        expect(findSerializationLosses(deck)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('round-trips whatever parse() produced from any text', () => {
    fc.assert(
      fc.property(fc.oneof(lineSoup, fc.string({ unit: 'binary', maxLength: 300 })), (text) => {
        const deck = parse(text, 'deck.txt');
        const serialized = serializeDeck(deck);
        expect(content(parse(serialized, 'deck.txt'))).toEqual(content(deck));
        expect(serializeDeck(parse(serialized, 'deck.txt'))).toBe(serialized);
      }),
      { numRuns: 1000 },
    );
  });

  it('leaves the title line out when the first question would swallow it, relying on the file name', () => {
    // A one-word question followed by a list would turn a title line before it into a question.
    const deck = parse('Development\n- A queue\n', 'sqs.txt');
    expect(deck.title).toBe('sqs');
    expect(serializeDeck(deck)).toBe('Development\n- A queue\n');
    expect(findSerializationLosses(deck)).toEqual([]);
  });
});

describe('findSerializationLosses', () => {
  const card = (question: string, answer: string, tags: string[] = []): DeckCard => ({
    id: cardId('d', question),
    question,
    answer,
    tags,
    topics: [],
    line: 7,
  });
  const deckOf = (...cards: DeckCard[]): Deck => ({ id: 'd', title: 'D', sourceFile: 'd.txt', cards, diagnostics: [] });

  it('names cards whose answer the format cannot hold', () => {
    const losses = findSerializationLosses(deckOf(card('Why?', 'Because?'), card('Next?', '- a')));
    expect(losses).toEqual([
      { line: 0, severity: 'warning', message: '2 cards would come back as 3' },
      { line: 7, severity: 'warning', message: 'card "Why?" would not survive a text export unchanged (answer)' },
    ]);
  });

  it('names tags that are not single capitalised words, and answers with text after a list', () => {
    const losses = findSerializationLosses(deckOf(card('Q1?', '- a', ['aws::lambda']), card('Q2?', '- a\nlater text')));
    expect(losses.map((loss) => loss.message)).toEqual([
      '2 cards would come back as 3',
      'card "Q1?" would not survive a text export unchanged (answer, tags)',
      'card "Q2?" would not survive a text export unchanged (answer)',
    ]);
  });

  it('names a card whose question would be read as part of the previous answer', () => {
    const losses = findSerializationLosses(deckOf(card('Q?', 'A paragraph'), card('Describe it', 'More text')));
    expect(losses.map((loss) => loss.message)).toEqual([
      '2 cards would come back as 1',
      'card "Q?" would not survive a text export unchanged (answer)',
      'card "Describe it" would not survive a text export unchanged (its question would not come back as a question)',
    ]);
  });

  it('reports a title that cannot be written back', () => {
    const losses = findSerializationLosses({ ...deckOf(card('Q?', '- a')), title: 'Why?', id: slugify('Why?') });
    expect(losses[0]?.message).toMatch(/^the deck would come back titled "d"/);
  });
});
