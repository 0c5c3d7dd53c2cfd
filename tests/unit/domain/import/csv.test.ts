import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsv, parseTsv } from '../../../../src/domain/deck/formats/csv.ts';
import { guessDelimiter, readDelimitedRows } from '../../../../src/domain/deck/formats/delimited-rows.ts';
import { cardId } from '../../../../src/domain/deck/ids.ts';

const fixture = (name: string): string => readFileSync(new URL(`../../../fixtures/import/${name}`, import.meta.url), 'utf8');
const qa = (text: string, fileName = 'cards.csv') => parseCsv(text, fileName).decks[0]?.cards.map((c) => [c.question, c.answer, c.tags, c.line]);

describe('parseCsv', () => {
  it('reads a spreadsheet export: header row, CRLF, quotes, commas and line breaks inside fields', () => {
    const result = parseCsv(fixture('spreadsheet.csv'), 'spreadsheet.csv');
    expect(result.diagnostics).toEqual([]);
    const [deck] = result.decks;
    expect(deck).toMatchObject({ id: 'spreadsheet', title: 'spreadsheet', sourceFile: 'spreadsheet.csv', diagnostics: [] });
    expect(deck?.cards.map((c) => [c.question, c.answer, c.tags, c.line])).toEqual([
      ['What is SQS?', 'A queue, fully managed', ['aws', 'sqs'], 2],
      ['What is a "dead-letter" queue?', 'Where failed messages go:\n- after maxReceiveCount\n- for inspection', ['aws'], 3],
      ['What is SNS?', 'Pub/sub', [], 6],
    ]);
    expect(deck?.cards[0]?.id).toBe(cardId('spreadsheet', 'What is SQS?'));
  });

  it('reads headerless question,answer[,tags] rows', () => {
    expect(qa('hola,hello\nadiós,goodbye,spanish basics\n')).toEqual([['hola', 'hello', [], 1], ['adiós', 'goodbye', ['spanish', 'basics'], 2]]);
  });

  it.each([['question,answer'], ['Front,Back'], ['Term,Definition'], ['TERM:,DEFINITION:'], ['tags,answer,question']])('skips a header row %s and maps columns by name', (header) => {
    const cards = parseCsv(`${header}\nx,y,z\n`, 'c.csv').decks[0]?.cards ?? [];
    expect(cards).toHaveLength(1);
    expect(cards[0]?.line).toBe(2);
  });

  it('maps columns from the header row, wherever they are', () => {
    expect(qa('Tags,Definition,Term\nt1,the answer,the question\n')).toEqual([['the question', 'the answer', ['t1'], 2]]);
  });

  it('guesses ; as the separator of European spreadsheets', () => {
    expect(qa('Hauptstadt von Frankreich?;Paris, die Stadt\nHauptstadt von Italien?;Rom\n')).toEqual([
      ['Hauptstadt von Frankreich?', 'Paris, die Stadt', [], 1], ['Hauptstadt von Italien?', 'Rom', [], 2],
    ]);
  });

  it('reports a broken quote as an error naming the line where the row starts', () => {
    const result = parseCsv('q1,a1\nq2,"a2\nq3,a3\nq4,a4\n', 'broken.csv');
    expect(result.diagnostics).toEqual([
      { line: 2, severity: 'error', message: expect.stringContaining('closing quote is missing') },
    ]);
  });

  it('reports text after a closing quote as an error on its line', () => {
    const result = parseCsv('q1,a1\n\n"q2" extra,a2\n', 'broken.csv');
    expect(result.diagnostics[0]).toMatchObject({ line: 3, severity: 'error' });
  });

  it('skips rows with an empty question or answer, warning with the line', () => {
    const result = parseCsv('q1,a1\n,a2\nq3,\nq4\n  ,  \nq5,a5\n', 'c.csv');
    expect(result.decks[0]?.cards.map((c) => c.question)).toEqual(['q1', 'q5']);
    expect(result.decks[0]?.diagnostics.map((d) => [d.line, d.severity, d.message])).toEqual([
      [2, 'warning', 'row skipped: the question is empty'],
      [3, 'warning', 'row skipped: the answer is empty'],
      [4, 'warning', 'row skipped: it has one column, but a card needs a question and an answer separated by ","'],
    ]);
  });

  it('warns once about columns beyond question, answer and tags', () => {
    const result = parseCsv('q1,a1,t,x\nq2,a2,t,y\n', 'c.csv');
    expect(result.decks[0]?.cards).toHaveLength(2);
    expect(result.decks[0]?.diagnostics).toEqual([{ line: 1, severity: 'warning', message: expect.stringContaining('has 4 columns') }]);
  });

  it('keeps cells as Markdown, and HTML in them as text for the renderer to show inertly', () => {
    expect(qa('"**bold** q","<script>alert(1)</script> a"\n')).toEqual([['**bold** q', '<script>alert(1)</script> a', [], 1]]);
  });

  it('uses options.title for the deck', () => {
    expect(parseCsv('q,a\n', 'c.csv', { title: 'Spanish' }).decks[0]).toMatchObject({ id: 'spanish', title: 'Spanish' });
  });

  it('reports progress up to 1', () => {
    const seen: number[] = [];
    parseCsv(Array.from({ length: 500 }, (_, i) => `q${i},a${i}`).join('\n'), 'c.csv', { onProgress: (f) => seen.push(f) });
    expect(seen.length).toBeGreaterThan(10);
    expect(seen.every((f, i) => i === 0 || f >= (seen[i - 1] ?? 0))).toBe(true);
    expect(seen[seen.length - 1]).toBe(1);
  });
});

describe('parseTsv', () => {
  it('reads Quizlet’s tab export, which never quotes, even with a term starting with "', () => {
    const result = parseTsv(fixture('quizlet-export.txt'), 'quizlet-export.txt');
    expect(result.diagnostics).toEqual([]);
    expect(result.decks[0]?.cards.map((c) => [c.question, c.answer, c.line])).toEqual([
      ['hola', 'hello', 1], ['adiós', 'goodbye', 2], ['"Buenos días" means', 'good morning (a greeting)', 3], ['gracias', 'thank you', 4],
    ]);
    expect(result.decks[0]?.diagnostics).toEqual([{ line: 3, severity: 'warning', message: expect.stringContaining('read without quoting') }]);
  });

  it('honours sound quoting: tabs and line breaks inside quoted fields', () => {
    const result = parseTsv('q1\t"a\tb\nc"\nq2\ta2\n', 't.tsv');
    expect(result.decks[0]?.cards.map((c) => [c.question, c.answer, c.line])).toEqual([['q1', 'a\tb\nc', 1], ['q2', 'a2', 3]]);
    expect(result.decks[0]?.diagnostics).toEqual([]);
  });
});

describe('readDelimitedRows', () => {
  it('gives each row the line it starts on, past blank lines and multi-line fields', () => {
    const { rows } = readDelimitedRows('a,b\n\n"c\n\nd",e\n\nf,g', { delimiter: ',', firstLine: 10 });
    expect(rows.map((r) => [r.fields, r.line])).toEqual([[['a', 'b'], 10], [['c\n\nd', 'e'], 12], [['f', 'g'], 16]]);
  });
});

describe('guessDelimiter', () => {
  it('prefers the delimiter that gives card-shaped rows', () => {
    expect(guessDelimiter('a\tb, c, d, e\nf\tg, h, i, j', [',', '\t']).delimiter).toBe('\t');
    expect(guessDelimiter('one field', [',', ';']).delimiter).toBe(',');
  });
});
