import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from '../../../../src/domain/deck/parse.ts';
import { slugify } from '../../../../src/domain/deck/ids.ts';
import { deckSpec, expectedAnswer, layout, lineSoup, renderDeck } from './deck-arbitraries.ts';
import type { DeckSpec } from './deck-arbitraries.ts';

const anyText = fc.oneof(fc.string({ unit: 'binary', maxLength: 400 }), lineSoup);

describe('parse properties', () => {
  it('never throws and always returns a well-formed deck', () => {
    fc.assert(
      fc.property(anyText, fc.string({ maxLength: 20 }), (text, fileName) => {
        const deck = parse(text, fileName);
        const lineCount = text.split(/\r\n|\r|\n/).length;
        expect(deck.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
        expect(new Set(deck.cards.map((card) => card.id)).size).toBe(deck.cards.length);
        let previousLine = 0;
        for (const card of deck.cards) {
          expect(card.line).toBeGreaterThan(previousLine);
          previousLine = card.line;
          expect(card.question).toBe(card.question.trim());
          expect(card.question).not.toBe('');
          expect(card.question).not.toMatch(/^[-*•](\s|$)|[\r\n]/u);
          for (const answerLine of card.answer === '' ? [] : card.answer.split('\n')) {
            expect(answerLine).toBe(answerLine.trimEnd());
            expect(answerLine).not.toBe('');
          }
          for (const tag of card.tags) expect(tag).toMatch(/^\p{Lu}[\p{L}\p{N}-]*$/u);
        }
        for (const diagnostic of deck.diagnostics) {
          expect(diagnostic.line).toBeGreaterThanOrEqual(0);
          expect(diagnostic.line).toBeLessThanOrEqual(lineCount);
        }
        expect(deck.diagnostics.some((d) => d.severity === 'error' && d.line === 0)).toBe(deck.cards.length === 0);
      }),
      { numRuns: 500 },
    );
  });

  it('reads every representable deck exactly as written', () => {
    fc.assert(
      fc.property(deckSpec, (spec) => {
        const deck = parse(renderDeck(spec), 'spec.txt');
        expect(deck.title).toBe(spec.title);
        expect(deck.id).toBe(slugify(spec.title));
        expect(deck.cards.map((card) => [card.question, card.answer, card.tags])).toEqual(
          spec.cards.map((card) => [card.question, expectedAnswer(card), card.tags]),
        );
        expect(deck.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same cards and ids whatever the whitespace, markers, indentation style, BOM or line endings', () => {
    fc.assert(
      fc.property(deckSpec, layout, (spec, messy) => {
        const plain = parse(renderDeck(spec), 'spec.txt');
        const noisy = parse(renderDeck(spec, messy), 'spec.txt');
        expect(noisy.id).toBe(plain.id);
        expect(noisy.cards.map((card) => [card.id, card.question, card.answer, card.tags])).toEqual(
          plain.cards.map((card) => [card.id, card.question, card.answer, card.tags]),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('keeps card ids when whitespace inside questions changes or answers are edited', () => {
    const respace = fc.constantFrom('  ', '\t', '\u00a0', ' \t ');
    fc.assert(
      fc.property(deckSpec, respace, fc.boolean(), (spec, space, editAnswers) => {
        const edited: DeckSpec = {
          title: spec.title,
          cards: spec.cards.map((card) => ({
            ...card,
            question: card.question.replaceAll(' ', space),
            // Edits that keep the card representable: one more item, or one more paragraph line.
            items: editAnswers && card.items.length > 0 ? [...card.items, { depth: 0, text: 'an added item' }] : card.items,
            paragraph: editAnswers && card.items.length === 0 && card.paragraph.length > 0 ? [...card.paragraph, 'and more'] : card.paragraph,
          })),
        };
        const before = parse(renderDeck(spec), 'spec.txt').cards.map((card) => card.id);
        const after = parse(renderDeck(edited), 'spec.txt').cards.map((card) => card.id);
        expect(after).toEqual(before);
      }),
      { numRuns: 200 },
    );
  });
});
