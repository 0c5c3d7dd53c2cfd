import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildDeck, deckJson, topicsFileFor } from '../../../../src/domain/deck/build-deck.ts';

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('topicsFileFor', () => {
  it('puts the map next to the deck with the same stem', () => {
    expect(topicsFileFor('decks/aws-cda.txt')).toBe('decks/aws-cda.topics.json');
    expect(topicsFileFor('C:\\decks\\my.deck.md')).toBe('C:\\decks\\my.deck.topics.json');
    expect(topicsFileFor('notes')).toBe('notes.topics.json');
    expect(topicsFileFor('dir.v2/notes')).toBe('dir.v2/notes.topics.json');
  });
});

describe('buildDeck', () => {
  const text = 'Deck\nWhat is SQS?\n- A queue\nWhat is Kinesis?\n- Streams\n';

  it('parses without topics when there is no map', () => {
    const deck = buildDeck(encode(text), 'd.txt');
    expect(deck.cards.map((card) => card.topics)).toEqual([[], []]);
    expect(deck.diagnostics).toEqual([]);
  });

  it('assigns topics from the map and warns about cards that match none', () => {
    const deck = buildDeck(encode(text), 'd.txt', JSON.stringify({ topics: { SQS: ['SQS'] } }));
    expect(deck.cards.map((card) => card.topics)).toEqual([['SQS'], []]);
    expect(deck.diagnostics).toEqual([{ line: 4, severity: 'warning', message: 'no keyword of d.topics.json matches this card' }]);
  });

  it('reports a broken map as an error and assigns no topics', () => {
    const broken = buildDeck(encode(text), 'decks/d.txt', '{ "topics": ');
    expect(broken.cards.map((card) => card.topics)).toEqual([[], []]);
    expect(broken.diagnostics).toHaveLength(1);
    expect(broken.diagnostics[0]).toMatchObject({ line: 0, severity: 'error' });
    expect(broken.diagnostics[0]?.message).toMatch(/^d\.topics\.json: not valid JSON/);
    const wrongShape = buildDeck(encode(text), 'd.txt', '{ "topics": { "SQS": "SQS" } }');
    expect(wrongShape.diagnostics).toEqual([
      { line: 0, severity: 'error', message: 'd.topics.json: topic "SQS" must be a list of keyword strings' },
    ]);
  });

  it('builds the seed deck with a topic for every card and serialises it as JSON', () => {
    const deck = buildDeck(
      readFileSync(new URL('../../../../decks/aws-cda.txt', import.meta.url)),
      'aws-cda.txt',
      readFileSync(new URL('../../../../decks/aws-cda.topics.json', import.meta.url), 'utf8'),
    );
    expect(deck.diagnostics).toEqual([]);
    expect(deck.cards.every((card) => card.topics.length > 0)).toBe(true);
    const json = deckJson(deck);
    expect(JSON.parse(json)).toEqual(deck);
    expect(Object.keys(JSON.parse(json) as object)).toEqual(['id', 'title', 'sourceFile', 'cards', 'diagnostics']);
    expect(Object.keys((JSON.parse(json) as { cards: object[] }).cards[0] ?? {})).toEqual(['id', 'question', 'answer', 'tags', 'topics', 'line']);
  });
});
