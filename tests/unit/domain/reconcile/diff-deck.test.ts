import { describe, expect, it } from 'vitest';
import { diffDeck, type StoredCard } from '../../../../src/domain/reconcile/diff-deck.ts';
import { textSimilarity } from '../../../../src/domain/reconcile/similarity.ts';
import type { DeckCard } from '../../../../src/domain/deck/types.ts';

const card = (id: string, question: string, answer = '- a', line = 1): DeckCard => ({ id, question, answer, tags: [], topics: [], line });
const stored = (c: DeckCard, hidden = false): StoredCard => ({ ...c, hidden });

describe('textSimilarity', () => {
  it('is 1 for texts equal after whitespace and case folding', () => {
    expect(textSimilarity('What is SQS?', ' what  is sqs? ')).toBe(1);
  });
  it('scores a typo fix high and unrelated text low', () => {
    expect(textSimilarity('Wht is Amazon SQS used for?', 'What is Amazon SQS used for?')).toBeGreaterThan(0.8);
    expect(textSimilarity('What is Amazon SQS used for?', 'How do Lambda layers work?')).toBeLessThan(0.3);
  });
});

describe('diffDeck', () => {
  it('keeps unchanged cards and reports an edited answer as a change with the same id', () => {
    const old = [stored(card('a', 'Q1?', '- x')), stored(card('b', 'Q2?', '- y', 3))];
    const diff = diffDeck(old, [card('a', 'Q1?', '- x'), card('b', 'Q2?', '- changed', 3)]);
    expect(diff.unchanged.map((c) => c.id)).toEqual(['a']);
    expect(diff.changed).toHaveLength(1);
    expect(diff.changed[0]).toMatchObject({ kind: 'answer', incomingId: 'b', card: { id: 'b', answer: '- changed' } });
    expect(diff.added).toEqual([]);
    expect(diff.removed).toEqual([]);
  });

  it('adds new cards and removes cards gone from the source', () => {
    const diff = diffDeck([stored(card('a', 'What is Kinesis?'))], [card('z', 'How does API Gateway caching work?')]);
    expect(diff.added.map((c) => c.id)).toEqual(['z']);
    expect(diff.removed.map((c) => c.id)).toEqual(['a']);
  });

  it('keeps the identity of a reworded question (typo fix) by similarity', () => {
    const old = [stored(card('old', 'Wht are the use cases for DynamoDB streams?', '- React to changes\n- Analytics'))];
    const diff = diffDeck(old, [card('new', 'What are the use cases for DynamoDB streams?', '- React to changes\n- Analytics')]);
    expect(diff.added).toEqual([]);
    expect(diff.removed).toEqual([]);
    expect(diff.changed).toEqual([
      expect.objectContaining({ kind: 'question', incomingId: 'new', card: expect.objectContaining({ id: 'old' }) }),
    ]);
  });

  it('pairs each stored card at most once, best match first', () => {
    const old = [stored(card('s1', 'What is the SQS visibility timeout?', '- 30s default'))];
    const incoming = [
      card('n1', 'What is the SQS visibility timeout??', '- 30s default'),
      card('n2', 'What is the SQS delay queue?', '- up to 15 min'),
    ];
    const diff = diffDeck(old, incoming);
    expect(diff.changed.map((c) => [c.incomingId, c.card.id])).toEqual([['n1', 's1']]);
    expect(diff.added.map((c) => c.id)).toEqual(['n2']);
  });

  it('brings a hidden card back when its question returns, and does not report hidden cards as removed', () => {
    const old = [stored(card('a', 'Q1?'), true), stored(card('b', 'Q2?'), true)];
    const diff = diffDeck(old, [card('a', 'Q1?')]);
    expect(diff.changed).toEqual([expect.objectContaining({ kind: 'metadata', incomingId: 'a' })]);
    expect(diff.removed).toEqual([]);
  });
});
