import { describe, expect, it } from 'vitest';
import { parse } from '../../../../src/domain/deck/parse.ts';
import { generateDeck } from '../../../../scripts/gen-deck.ts';

describe('generateDeck (scripts/gen-deck.ts)', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    expect(generateDeck(50, 7).text).toBe(generateDeck(50, 7).text);
    expect(generateDeck(50, 8).text).not.toBe(generateDeck(50, 7).text);
  });

  it('writes text that parses back to exactly its own counts, with every feature present', () => {
    const { text, stats } = generateDeck(2_000, 3);
    const deck = parse(text, 'generated.txt');
    expect(deck.diagnostics).toEqual([]);
    expect(deck.cards).toHaveLength(2_000);
    expect(stats.cards).toBe(2_000);
    const items = deck.cards.reduce((sum, card) => sum + card.answer.split('\n').filter((line) => /^\s*- /.test(line)).length, 0);
    expect(items).toBe(stats.listItems);
    expect(deck.cards.filter((card) => card.tags.length > 0)).toHaveLength(stats.taggedCards);
    expect(deck.cards.filter((card) => !card.answer.includes('- '))).toHaveLength(stats.paragraphAnswers);
    expect(deck.cards.filter((card) => !card.question.endsWith('?'))).toHaveLength(stats.questionsWithoutMark);
    expect(Math.min(stats.taggedCards, stats.paragraphAnswers, stats.questionsWithoutMark)).toBeGreaterThan(0);
    expect(deck.cards.some((card) => card.answer.includes('\n    - '))).toBe(true);
  });
});
