import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from '../../../../src/domain/deck/parse.ts';
import { parseBytes } from '../../../../src/domain/deck/decode.ts';

const seedBytes = readFileSync(new URL('../../../../decks/aws-cda.txt', import.meta.url));
const seedText = seedBytes.toString('utf8');
const deck = parse(seedText, 'aws-cda.txt');

function countItems(answer: string): number {
  return answer.split('\n').filter((line) => /^\s*- /.test(line)).length;
}

describe('parse on the seed deck (decks/aws-cda.txt)', () => {
  it('finds the title, the deck id and 172 cards without any diagnostic', () => {
    expect(deck.title).toBe('AWS: CDA Flashcards');
    expect(deck.id).toBe('aws-cda-flashcards');
    expect(deck.sourceFile).toBe('aws-cda.txt');
    expect(deck.cards).toHaveLength(172);
    expect(deck.diagnostics).toEqual([]);
  });

  it('finds the tags Development ×7, Deployments ×2, Monitoring ×1', () => {
    const counts: Record<string, number> = {};
    for (const card of deck.cards) for (const tag of card.tags) counts[tag] = (counts[tag] ?? 0) + 1;
    expect(counts).toEqual({ Development: 7, Deployments: 2, Monitoring: 1 });
    const tagged = deck.cards.filter((card) => card.tags.length > 0);
    expect(tagged.map((card) => card.line)).toEqual([51, 60, 86, 115, 220, 252, 398, 747, 761, 979]);
    // A tag never leaks into the answer text.
    for (const card of tagged) expect(card.answer.startsWith('- ')).toBe(true);
  });

  it('finds 3 paragraph answers, verbatim, on source lines 305, 341 and 343', () => {
    const paragraphs = deck.cards.filter((card) => countItems(card.answer) === 0);
    expect(paragraphs.map((card) => [card.line + 1, card.answer])).toEqual([
      [305, 'Fully managed, highly available, in-memory cache for DynamoDB'],
      [341, 'One or more attributes to retrieve'],
      [343, 'Filter items before being returned'],
    ]);
  });

  it('finds 5 questions without "?" on lines 24, 213, 791, 1048 and 1054', () => {
    const plain = deck.cards.filter((card) => !card.question.endsWith('?'));
    expect(plain.map((card) => card.line)).toEqual([24, 213, 791, 1048, 1054]);
    expect(plain.map((card) => card.question)).toContain('List the X-Ray write APIs and their function');
    expect(plain.map((card) => card.question)).toContain('Describe DynamoDB tables');
  });

  it('keeps all 1,025 list items, repeated ones included, in source order', () => {
    expect(deck.cards.reduce((sum, card) => sum + countItems(card.answer), 0)).toBe(1025);
    const sourceItems = seedText.split('\n').filter((line) => line.startsWith('- '));
    const parsedItems = deck.cards.flatMap((card) => card.answer.split('\n').filter((line) => line.startsWith('- ')));
    expect(parsedItems).toEqual(sourceItems);
    const options = deck.cards.find((card) => card.line === 24);
    expect(options?.answer.split('\n').filter((line) => line === '- Zero downtime')).toHaveLength(5);
  });

  it('keeps curly quotes, em-dashes, < > & and underscores untouched', () => {
    const all = deck.cards.map((card) => `${card.question}\n${card.answer}`).join('\n');
    expect(all).toContain('Useful for deploying a “test” version of your app');
    expect(all).toContain('In DynamoDB CLI, what does —projection-expression flag do?');
    expect(all).toContain('- Low latency (<10 ms)');
    expect(all).toContain('- Execution rate: > 2000/s');
    expect(all).toContain('- Example: “user_id” for “users” table');
  });

  it('gives every card a distinct id and its question line', () => {
    expect(new Set(deck.cards.map((card) => card.id)).size).toBe(172);
    expect(deck.cards[0]).toMatchObject({ question: 'What is Elastic Beanstalk?', line: 2, topics: [] });
    const lines = seedText.split('\n');
    for (const card of deck.cards) expect(lines[card.line - 1]?.trim()).toBe(card.question);
  });

  it('gives the same cards and ids for CRLF, CR, BOM and blank-line variants of the seed', () => {
    const variants = [
      seedText.replace(/\n/g, '\r\n'),
      seedText.replace(/\n/g, '\r'),
      `\uFEFF${seedText}`,
      seedText.replace(/\n/g, '  \n\n'),
    ];
    for (const variant of variants) {
      const other = parse(variant, 'aws-cda.txt');
      expect(other.cards.map((card) => [card.id, card.question, card.answer, card.tags])).toEqual(
        deck.cards.map((card) => [card.id, card.question, card.answer, card.tags]),
      );
    }
    const withBomBytes = parseBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), seedBytes]), 'aws-cda.txt');
    expect(withBomBytes.cards.map((card) => card.id)).toEqual(deck.cards.map((card) => card.id));
    expect(withBomBytes.diagnostics).toEqual([]);
  });
});
