import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hasAnkiHeader, readAnkiHeaders, separatorFromValue } from '../../../../src/domain/deck/formats/anki-headers.ts';
import { clozeCard } from '../../../../src/domain/deck/formats/anki-cloze.ts';
import { parseAnkiExport } from '../../../../src/domain/deck/formats/anki.ts';
import { cardId } from '../../../../src/domain/deck/ids.ts';
import { activeContent } from './markdown-inspect.ts';

const fixture = (name: string): string => readFileSync(new URL(`../../../fixtures/import/${name}`, import.meta.url), 'utf8');

const cardsOf = (text: string, fileName = 'notes.txt') => parseAnkiExport(text, fileName).decks.flatMap((deck) => deck.cards);

describe('parseAnkiExport: a real export with guid, notetype, deck and tags columns', () => {
  const result = parseAnkiExport(fixture('anki-notes-2.1.66.txt'), 'anki-notes-2.1.66.txt');

  it('makes one deck per Anki deck, in order of appearance', () => {
    expect(result.decks.map((deck) => [deck.id, deck.title, deck.cards.length])).toEqual([
      ['aws-messaging', 'AWS::Messaging', 2],
      ['aws-compute', 'AWS::Compute', 3],
    ]);
    expect(result.decks.every((deck) => deck.sourceFile === 'anki-notes-2.1.66.txt')).toBe(true);
    expect(result.diagnostics).toEqual([]);
  });

  it('converts HTML fields to Markdown and keeps lists', () => {
    const [sqs, sns] = result.decks[0]?.cards ?? [];
    expect(sqs).toEqual({
      id: cardId('aws-messaging', 'What is **SQS**?'),
      question: 'What is **SQS**?',
      answer: 'A fully managed *message queue*\n\n- Pull-based\n- Retention up to 14 days',
      tags: ['aws::sqs', 'messaging'],
      topics: [],
      line: 7,
    });
    expect(sns?.answer).toBe('Pub/sub: messages are "pushed"\n\nto subscribers');
  });

  it('reads a guid starting with # as data (Anki quotes it), not as a comment', () => {
    expect(result.decks[1]?.cards[0]).toMatchObject({ question: 'Lambda max timeout?', answer: '15 minutes (900 s)', tags: ['aws::lambda'], line: 9 });
  });

  it('turns a cloze note into one card, hints shown, and adds further fields to the answer', () => {
    expect(result.decks[1]?.cards[1]).toMatchObject({
      question: '\\[…\\] provides resizable compute; \\[serverless\\] runs code without servers.',
      answer: '**EC2** provides resizable compute; **Lambda** runs code without servers.\n\nBoth bill per second.',
      line: 10,
    });
  });

  it('numbers lines across multi-line quoted fields', () => {
    expect(result.decks[1]?.cards[2]).toMatchObject({ question: 'What does `aws s3 ls` print?', line: 11 });
  });

  it('skips a note whose question is only an image, with a warning on its line', () => {
    expect(result.decks[1]?.diagnostics).toEqual([
      { line: 13, severity: 'warning', message: 'note skipped: its first field is empty (images and sounds cannot be imported)' },
    ]);
  });
});

describe('parseAnkiExport: headers', () => {
  it.each([
    ['Tab', 'q\ta'], ['tab', 'q\ta'], ['Comma', 'q,a'], ['Semicolon', 'q;a'], ['Space', 'q a'], ['Pipe', 'q|a'], ['Colon', 'q:a'],
    ['|', 'q|a'], [';', 'q;a'], ['\t', 'q\ta'],
  ])('#separator:%s', (separator, row) => {
    expect(cardsOf(`#separator:${separator}\n#html:false\n${row}\n`).map((c) => [c.question, c.answer])).toEqual([['q', 'a']]);
  });

  it('warns about an unknown separator and guesses one instead', () => {
    const result = parseAnkiExport('#separator:Dash\nq;a\n', 'x.txt');
    expect(result.diagnostics).toEqual([{ line: 1, severity: 'warning', message: expect.stringContaining('unknown separator "Dash"') }]);
    expect(result.decks[0]?.cards[0]).toMatchObject({ question: 'q', answer: 'a', line: 2 });
  });

  it('#html:false keeps fields as text: tags visible, line breaks kept', () => {
    const [card] = cardsOf('#separator:tab\n#html:false\n<b>Bold?</b>\t"line 1\nline *2*"\n');
    expect(card).toMatchObject({ question: '\\<b>Bold?\\</b>', answer: 'line 1\\\nline \\*2\\*' });
  });

  it('without #html, treats fields as HTML only when they contain HTML', () => {
    expect(cardsOf('#separator:tab\na<br>b\tc &amp; d\n')[0]).toMatchObject({ question: 'a\\\nb', answer: 'c & d' });
    expect(cardsOf('#separator:tab\n1 < 2?\t*yes*\n')[0]).toMatchObject({ question: '1 \\< 2?', answer: '\\*yes\\*' });
  });

  it('#columns labels pick the question and answer columns and a tags column', () => {
    const [card] = cardsOf('#separator:tab\n#html:true\n#columns:Back\tFront\tTags\nthe answer\tthe question\tt1 t2\n');
    expect(card).toMatchObject({ question: 'the question', answer: 'the answer', tags: ['t1', 't2'], line: 4 });
  });

  it('#tags column and #tags: combine, keeping Anki hierarchies', () => {
    const [card] = cardsOf('#separator:Comma\n#tags:global::x shared\n#tags column:1\nshared local::a::b,q,a\n');
    expect(card?.tags).toEqual(['shared', 'local::a::b', 'global::x']);
  });

  it('a legacy first line "tags:" sets tags for every note', () => {
    expect(cardsOf('tags:old one\nq\ta\n')[0]?.tags).toEqual(['old', 'one']);
  });

  it('#deck names the deck; options.title wins over it', () => {
    expect(parseAnkiExport('#separator:tab\n#deck:Spanish::Verbs\nq\ta\n', 'x.txt').decks[0]).toMatchObject({ id: 'spanish-verbs', title: 'Spanish::Verbs' });
    expect(parseAnkiExport('#separator:tab\n#deck:Spanish\nq\ta\n', 'x.txt', { title: 'Mine' }).decks[0]).toMatchObject({ id: 'mine', title: 'Mine' });
  });

  it('#deck column splits decks; rows without a deck name go to the default deck', () => {
    const text = '#separator:tab\n#deck:Default deck\n#deck column:1\nA\tq1\ta1\nB\tq2\ta2\n\tq3\ta3\nA\tq4\ta4\n';
    expect(parseAnkiExport(text, 'x.txt').decks.map((deck) => [deck.title, deck.cards.map((c) => c.question)])).toEqual([
      ['A', ['q1', 'q4']], ['B', ['q2']], ['Default deck', ['q3']],
    ]);
    // With several decks, a chosen title names only the default deck.
    expect(parseAnkiExport(text, 'x.txt', { title: 'Chosen' }).decks.map((deck) => deck.title)).toEqual(['A', 'B', 'Chosen']);
  });

  it('options.title names the deck when the deck column names only one', () => {
    const result = parseAnkiExport('#separator:tab\n#deck column:1\nA\tq1\ta1\nA\tq2\ta2\n', 'x.txt', { title: 'Mine' });
    expect(result.decks.map((deck) => deck.title)).toEqual(['Mine']);
  });

  it('#notetype column and #guid column are not card text', () => {
    const [card] = cardsOf('#separator:tab\n#notetype column:3\n#guid column:1\nguid1\tq\tBasic\ta\n');
    expect(card).toMatchObject({ question: 'q', answer: 'a' });
  });

  it('warns about a column header that is not a number', () => {
    const result = parseAnkiExport('#separator:tab\n#tags column:three\nq\ta\tt\n', 'x.txt');
    expect(result.diagnostics).toEqual([{ line: 2, severity: 'warning', message: expect.stringContaining('"#tags column:three" is not a column number') }]);
    expect(result.decks[0]?.cards[0]?.answer).toBe('a\n\nt');
  });

  it('ignores comments and unknown headers, and counts their lines', () => {
    const result = parseAnkiExport('#separator:tab\n# exported by a script\n#if matches:update current\nq\ta\n# a comment\nq2\ta2\n', 'x.txt');
    expect(result.decks[0]?.cards.map((c) => c.line)).toEqual([4, 6]);
  });
});

describe('parseAnkiExport: rows', () => {
  it('adds further fields to the answer as paragraphs, skipping empty ones', () => {
    expect(cardsOf('#separator:tab\n#html:true\nq\ta\t\t<i>extra</i>\n')[0]?.answer).toBe('a\n\n*extra*');
  });

  it('uses the extra field when the answer field is empty, and skips notes with no answer at all', () => {
    const result = parseAnkiExport('#separator:tab\nq1\t\tfrom extra\nq2\t\t\nq3\n', 'x.txt');
    expect(result.decks[0]?.cards.map((c) => [c.question, c.answer])).toEqual([['q1', 'from extra']]);
    expect(result.decks[0]?.diagnostics.map((d) => [d.line, d.message])).toEqual([
      [3, 'note skipped: it has no answer field, or the answer is empty'],
      [4, 'note skipped: it has no answer field, or the answer is empty'],
    ]);
  });

  it('reports a broken quote as an error on the line where its row starts', () => {
    const result = parseAnkiExport('#separator:tab\nq1\ta1\n"q2\ta2\nq3\ta3\n', 'x.txt');
    expect(result.diagnostics).toEqual([{ line: 3, severity: 'error', message: expect.stringContaining('closing quote is missing') }]);
  });

  it('gives repeated questions occurrence ids and a warning, like the deck parser', () => {
    const [deck] = parseAnkiExport('#separator:tab\nq\ta1\nQ\ta2\n', 'x.txt').decks;
    expect(deck?.cards.map((c) => c.id)).toEqual([cardId('x', 'q', 0), cardId('x', 'q', 1)]);
    expect(deck?.diagnostics).toEqual([{ line: 3, severity: 'warning', message: 'duplicate question: line 3 repeats the question on line 2' }]);
  });

  it('keeps script out of cards', () => {
    const cards = cardsOf('#separator:tab\n#html:true\n<script>alert(1)</script>Q?\t<a href="javascript:alert(1)">A</a><img src=x onerror=alert(1)>\n');
    expect(cards[0]).toMatchObject({ question: 'Q?', answer: 'A' });
    expect(activeContent(`${cards[0]?.question}\n\n${cards[0]?.answer}`)).toEqual([]);
  });
});

describe('Anki headers', () => {
  it('recognises an export by its first line', () => {
    expect(hasAnkiHeader('#separator:tab\nq\ta')).toBe(true);
    expect(hasAnkiHeader('#HTML:true\n')).toBe(true);
    expect(hasAnkiHeader('#Deck Column: 3\n')).toBe(true);
    expect(hasAnkiHeader('# My deck\n')).toBe(false);
    expect(hasAnkiHeader('#hashtag: not a header\n')).toBe(false);
    expect(hasAnkiHeader('What?\n')).toBe(false);
  });

  it('names separators case-insensitively and accepts one literal character', () => {
    expect(separatorFromValue(' PIPE ')).toBe('|');
    expect(separatorFromValue('~')).toBe('~');
    expect(separatorFromValue('"')).toBeUndefined();
    expect(separatorFromValue('ab')).toBeUndefined();
  });

  it('splits #columns with the separator even when it comes later', () => {
    expect(readAnkiHeaders('#columns:A;B\n#separator:semicolon\nx').columns).toEqual(['A', 'B']);
  });
});

describe('clozeCard', () => {
  it('hides deletions in the question and shows them in the answer', () => {
    expect(clozeCard('{{c1::Paris}} is in {{c2::France::country}}')).toEqual({ question: '\\[…\\] is in \\[country\\]', answer: '**Paris** is in **France**' });
  });

  it('leaves text without deletions alone', () => {
    expect(clozeCard('no {{cloze}} here {{c1:x}}')).toBeUndefined();
    expect(clozeCard('{{c1::never closed')).toBeUndefined();
  });
});
