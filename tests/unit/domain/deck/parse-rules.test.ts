import { describe, expect, it } from 'vitest';
import { parse, titleFromFileName } from '../../../../src/domain/deck/parse.ts';
import type { Deck } from '../../../../src/domain/deck/types.ts';

/** Cards as [question, answer, tags], the shape most rules are about. */
function cardsOf(deck: Deck): [string, string, string[]][] {
  return deck.cards.map((card) => [card.question, card.answer, card.tags]);
}

function lines(...source: string[]): string {
  return source.join('\n');
}

describe('title', () => {
  it('is the first line when the next line is a question', () => {
    const deck = parse(lines('My Deck', 'What is SQS?', '- A queue'), 'x.txt');
    expect(deck.title).toBe('My Deck');
    expect(deck.id).toBe('my-deck');
    expect(cardsOf(deck)).toEqual([['What is SQS?', '- A queue', []]]);
  });

  it('is also the first line when the next line is a question without "?"', () => {
    const deck = parse(lines('My Deck', 'Describe SQS', 'A queue'), 'x.txt');
    expect(deck.title).toBe('My Deck');
    expect(cardsOf(deck)).toEqual([['Describe SQS', 'A queue', []]]);
  });

  it('comes from the file name when the first line is a question', () => {
    const deck = parse(lines('What is SQS?', '- A queue'), 'decks/Messaging Basics.txt');
    expect(deck.title).toBe('Messaging Basics');
    expect(deck.id).toBe('messaging-basics');
    expect(deck.cards).toHaveLength(1);
  });

  it('comes from the file name when the first plain line is followed by list items', () => {
    const deck = parse(lines('Describe SQS', '- A queue'), 'sqs.md');
    expect(deck.title).toBe('sqs');
    expect(cardsOf(deck)).toEqual([['Describe SQS', '- A queue', []]]);
  });

  it('comes from the file name when the first plain line is followed by a tag and list items', () => {
    const deck = parse(lines('Describe SQS', 'Development', '- A queue'), 'sqs.txt');
    expect(deck.title).toBe('sqs');
    expect(cardsOf(deck)).toEqual([['Describe SQS', '- A queue', ['Development']]]);
  });

  it('skips leading blank lines', () => {
    expect(parse(lines('', '   ', 'My Deck', 'Q?', '- a'), 'x.txt').title).toBe('My Deck');
  });

  it('falls back to a name without folders or extension, or "Untitled deck"', () => {
    expect(titleFromFileName('a/b\\c/deck.v2.txt')).toBe('deck.v2');
    expect(titleFromFileName('.txt')).toBe('.txt');
    expect(titleFromFileName('')).toBe('Untitled deck');
  });
});

describe('questions and answers', () => {
  it('takes every line up to the next question as the answer', () => {
    const deck = parse(lines('T', 'Q1?', '- a', '- b', 'Q2?', '- c'), 'x.txt');
    expect(cardsOf(deck)).toEqual([
      ['Q1?', '- a\n- b', []],
      ['Q2?', '- c', []],
    ]);
    expect(deck.cards.map((card) => card.line)).toEqual([2, 5]);
  });

  it('reads a plain line right after a "?" question as its answer paragraph', () => {
    const deck = parse(lines('T', 'What is DAX?', 'Fully managed, highly available, in-memory cache', 'Next?', '- x'), 'x.txt');
    expect(cardsOf(deck)).toEqual([
      ['What is DAX?', 'Fully managed, highly available, in-memory cache', []],
      ['Next?', '- x', []],
    ]);
  });

  it('reads a plain line right after a question without "?" as its answer paragraph too', () => {
    const deck = parse(lines('T', 'Q?', '- a', 'Describe tables', 'Rows and columns', 'Next?'), 'x.txt');
    expect(cardsOf(deck)[1]).toEqual(['Describe tables', 'Rows and columns', []]);
  });

  it('reads a plain line after list items as a new question', () => {
    const deck = parse(lines('T', 'Q?', '- a', 'List the X-Ray write APIs and their function', '- PutTraceSegments'), 'x.txt');
    expect(cardsOf(deck)).toEqual([
      ['Q?', '- a', []],
      ['List the X-Ray write APIs and their function', '- PutTraceSegments', []],
    ]);
  });

  it('continues a paragraph over several lines, joined by newlines', () => {
    const deck = parse(lines('T', 'Q?', 'line one', 'line two', 'line three', 'Next?'), 'x.txt');
    expect(cardsOf(deck)[0]).toEqual(['Q?', 'line one\nline two\nline three', []]);
  });

  it('starts a new question at a paragraph line followed by answer content', () => {
    const deck = parse(lines('T', 'Q?', 'Free', 'Describe tables', '- rows'), 'x.txt');
    expect(cardsOf(deck)).toEqual([
      ['Q?', 'Free', []],
      ['Describe tables', '- rows', []],
    ]);
    const tagged = parse(lines('T', 'Q?', 'Free', 'Describe tables', 'Development', '- rows'), 'x.txt');
    expect(cardsOf(tagged)[1]).toEqual(['Describe tables', '- rows', ['Development']]);
  });

  it('allows one paragraph line before the list items of an answer', () => {
    const deck = parse(lines('T', 'Q?', 'Two modes:', '- on-demand', '- provisioned'), 'x.txt');
    expect(cardsOf(deck)).toEqual([['Q?', 'Two modes:\n- on-demand\n- provisioned', []]]);
  });

  it('accepts questions ending in full-width and Arabic question marks', () => {
    const deck = parse(lines('T', '这是什么？', '一个队列', 'ما هذا؟', 'طابور'), 'x.txt');
    expect(cardsOf(deck)).toEqual([
      ['这是什么？', '一个队列', []],
      ['ما هذا؟', 'طابور', []],
    ]);
  });

  it('ignores blank lines, trailing spaces and the line-ending style', () => {
    const deck = parse('T\r\n\r\nQ?   \r\n\r\n- a  \r\n\n\r- b\t\r\n', 'x.txt');
    expect(cardsOf(deck)).toEqual([['Q?', '- a\n- b', []]]);
  });
});

describe('tags', () => {
  it('reads a single capitalised word followed by list items as a tag', () => {
    const deck = parse(lines('T', 'What are stage variables?', 'Development', '- Like env vars'), 'x.txt');
    expect(cardsOf(deck)).toEqual([['What are stage variables?', '- Like env vars', ['Development']]]);
  });

  it('reads a single word that is the whole answer as the answer', () => {
    const deck = parse(lines('T', 'What does the service cost?', 'Free', 'Next?', '- a'), 'x.txt');
    expect(cardsOf(deck)[0]).toEqual(['What does the service cost?', 'Free', []]);
  });

  it('reads a single word followed by more paragraph text as the paragraph', () => {
    const deck = parse(lines('T', 'Q?', 'Free', 'for the first year', 'Next?'), 'x.txt');
    expect(cardsOf(deck)[0]).toEqual(['Q?', 'Free\nfor the first year', []]);
  });

  it('accepts several tag lines, keeps their order and drops repeats', () => {
    const deck = parse(lines('T', 'Q?', 'Development', 'X-Ray', 'Development', '- a'), 'x.txt');
    expect(cardsOf(deck)).toEqual([['Q?', '- a', ['Development', 'X-Ray']]]);
  });

  it('does not take lower-case or multi-word lines as tags', () => {
    expect(cardsOf(parse(lines('T', 'Q?', 'development', '- a'), 'x.txt'))[0]).toEqual(['Q?', 'development\n- a', []]);
    expect(cardsOf(parse(lines('T', 'Q?', 'Two Words', '- a'), 'x.txt'))[0]).toEqual(['Q?', 'Two Words\n- a', []]);
  });

  it('accepts capitalised words in any script', () => {
    expect(cardsOf(parse(lines('T', 'Q?', 'Überblick', '- a'), 'x.txt'))[0]).toEqual(['Q?', '- a', ['Überblick']]);
  });
});

describe('list items', () => {
  it('accepts -, * and • markers and writes them as "- "', () => {
    const deck = parse(lines('T', 'Q?', '- dash', '* star', '• bullet', '-\ttab after marker'), 'x.txt');
    expect(deck.cards[0]?.answer).toBe('- dash\n- star\n- bullet\n- tab after marker');
  });

  it('nests by two spaces or one tab per level, written as two spaces', () => {
    const deck = parse(lines('T', 'Q?', '- a', '  - a1', '\t\t- a1x', '\t- a2', '- b', '   - b1 (three spaces)'), 'x.txt');
    expect(deck.cards[0]?.answer).toBe('- a\n  - a1\n    - a1x\n  - a2\n- b\n  - b1 (three spaces)');
  });

  it('clamps nesting that skips a level, and starts every answer at the top level', () => {
    const deck = parse(lines('T', 'Q?', '    - deep first', '        - far deeper', 'Q2?', 'Intro:', '  - item'), 'x.txt');
    expect(deck.cards[0]?.answer).toBe('- deep first\n  - far deeper');
    expect(deck.cards[1]?.answer).toBe('Intro:\n- item');
  });

  it('keeps item text verbatim: Markdown, HTML-like characters, quotes and repeats', () => {
    const items = ['- **bold** and `code` and [link](http://x)', '- a < b && c > d', '- “quoted” — dashed', '- Zero downtime', '- Zero downtime'];
    const deck = parse(lines('T', 'Q?', ...items), 'x.txt');
    expect(deck.cards[0]?.answer).toBe(items.join('\n'));
  });

  it('does not read a marker without following whitespace as a list item', () => {
    const deck = parse(lines('T', 'Q?', '- a', '-5 degrees is cold', '- b', '*emphasis* here', '- c'), 'x.txt');
    expect(cardsOf(deck).map(([question]) => question)).toEqual(['Q?', '-5 degrees is cold', '*emphasis* here']);
  });

  it('keeps an empty item as a bare "-"', () => {
    expect(parse(lines('T', 'Q?', '- a', '-', '- b'), 'x.txt').cards[0]?.answer).toBe('- a\n-\n- b');
  });

  it('reports list items before any question as errors with their lines and leaves them out', () => {
    const deck = parse(lines('- stray one', '* stray two', 'Q?', '- kept'), 'x.txt');
    expect(cardsOf(deck)).toEqual([['Q?', '- kept', []]]);
    expect(deck.diagnostics).toEqual([
      { line: 1, severity: 'error', message: 'list item before any question; it is left out' },
      { line: 2, severity: 'error', message: 'list item before any question; it is left out' },
    ]);
  });
});

describe('diagnostics', () => {
  it('warns about a question without an answer, and keeps the card', () => {
    const deck = parse(lines('T', 'Q1?', 'Q2?', '- a', 'Q3?'), 'x.txt');
    expect(cardsOf(deck)).toEqual([
      ['Q1?', '', []],
      ['Q2?', '- a', []],
      ['Q3?', '', []],
    ]);
    expect(deck.diagnostics).toEqual([
      { line: 2, severity: 'warning', message: 'question has no answer' },
      { line: 5, severity: 'warning', message: 'question has no answer' },
    ]);
  });

  it('gives duplicate questions distinct, deterministic ids and warns naming both lines', () => {
    const text = lines('T', 'What is SQS?', '- a', 'what  is SQS?', '- b', 'What is SQS?', '- c');
    const deck = parse(text, 'x.txt');
    const ids = deck.cards.map((card) => card.id);
    expect(new Set(ids).size).toBe(3);
    expect(parse(text, 'x.txt').cards.map((card) => card.id)).toEqual(ids);
    expect(deck.diagnostics).toEqual([
      { line: 4, severity: 'warning', message: 'duplicate question: line 4 repeats the question on line 2' },
      { line: 6, severity: 'warning', message: 'duplicate question: line 6 repeats the question on line 2' },
    ]);
  });

  it('warns about lines over 10,000 characters', () => {
    const long = `- ${'x'.repeat(10_001)}`;
    const deck = parse(lines('T', 'Q?', long, '- short'), 'x.txt');
    expect(deck.cards[0]?.answer.split('\n')).toHaveLength(2);
    expect(deck.diagnostics).toEqual([
      { line: 3, severity: 'warning', message: 'line is 10003 characters long (more than 10000); are line breaks missing?' },
    ]);
    expect(parse(lines('T', 'Q?', `- ${'x'.repeat(9_998)}`), 'x.txt').diagnostics).toEqual([]);
  });

  it('reports a file without cards as an error on line 0', () => {
    for (const text of ['', '   \n\n', 'Just a title', '- only\n- items']) {
      const deck = parse(text, 'empty.txt');
      expect(deck.cards).toEqual([]);
      expect(deck.diagnostics[0]).toEqual({
        line: 0,
        severity: 'error',
        message: 'no cards found: a card is a question line followed by its answer lines',
      });
    }
  });

  it('lists diagnostics in line order, whole-file ones first', () => {
    const deck = parse(lines('- stray', 'Q?', 'Q?', '- a'), 'x.txt');
    expect(deck.diagnostics.map((d) => d.line)).toEqual([1, 2, 3]);
  });
});

describe('robustness', () => {
  it('returns an empty deck with an error instead of throwing on non-string input', () => {
    const deck = parse(undefined as unknown as string, null as unknown as string);
    expect(deck.cards).toEqual([]);
    expect(deck.title).toBe('Untitled deck');
    expect(deck.diagnostics[0]?.severity).toBe('error');
  });

  it('parses 1 MB lines and 300,000 short lines in linear time', () => {
    const started = Date.now();
    const hugeLine = parse(`T\nQ?\n- ${'word '.repeat(200_000)}\n${'Z'.repeat(1_000_000)}?\n${' '.repeat(1_000_000)}x`, 'x.txt');
    expect(hugeLine.cards).toHaveLength(2);
    const manyLines = parse(`T\nQ?\n${'- a\n'.repeat(300_000)}`, 'x.txt');
    expect(manyLines.cards[0]?.answer.length).toBe(4 * 300_000 - 1);
    // Generous bound: a quadratic step would take minutes here, linear work takes well under a second.
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
