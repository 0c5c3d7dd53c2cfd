import { describe, expect, it } from 'vitest';
import { parseAnkiExport } from '../../../../src/domain/deck/formats/anki.ts';
import { parseCsv, parseTsv } from '../../../../src/domain/deck/formats/csv.ts';
import { importFile } from '../../../../src/domain/deck/formats/import-file.ts';
import { groupDigits, MAX_IMPORT_CARDS, MAX_IMPORT_DECKS, MAX_IMPORT_LINES } from '../../../../src/domain/deck/import-limits.ts';
import { parse } from '../../../../src/domain/deck/parse.ts';

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);
const errorsOf = (result: ReturnType<typeof importFile>): string[] => result.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message);
const lines = (count: number, line: (i: number) => string): string => Array.from({ length: count }, (_, i) => line(i)).join('\n');

describe('importFile refuses files past the limits, naming the file and the limit', () => {
  it('more lines than MAX_IMPORT_LINES, blank ones included', () => {
    const result = importFile(encode(`What is SQS?\n- A queue\n${'\n'.repeat(MAX_IMPORT_LINES)}`), 'blank.txt');
    expect(result.ok).toBe(false);
    expect(result.decks).toEqual([]);
    expect(errorsOf(result)).toEqual([
      `blank.txt has ${groupDigits(MAX_IMPORT_LINES + 3)} lines; files of more than 1,000,000 lines cannot be imported. Split it into smaller files and import them one at a time.`,
    ]);
  });

  it('but exactly MAX_IMPORT_LINES lines are read', () => {
    const result = importFile(encode(`What is SQS?\n- A queue${'\n'.repeat(MAX_IMPORT_LINES - 2)}`), 'blank.txt');
    expect(result.ok).toBe(true);
    expect(result.decks[0]?.cards).toHaveLength(1);
  });

  it('counts CRLF and a lone CR as one line break each, as the parser does', () => {
    const over = importFile(encode(`What is SQS?\r\n- A queue\r\n${'\r'.repeat(MAX_IMPORT_LINES)}`), 'cr.txt');
    expect(errorsOf(over)[0]).toMatch(new RegExp(`^cr\\.txt has ${groupDigits(MAX_IMPORT_LINES + 3)} lines;`));
    const atLimit = importFile(encode(`What is SQS?\r\n- A queue${'\r\n'.repeat(MAX_IMPORT_LINES - 2)}`), 'crlf.txt');
    expect(atLimit.ok).toBe(true);
  });

  it('more cards than MAX_IMPORT_CARDS in our format, on the line of the first card too many', () => {
    const result = importFile(encode(lines(MAX_IMPORT_CARDS + 5, (i) => `Question ${i}?`)), 'many.txt');
    expect(result.decks).toEqual([]);
    expect(result.diagnostics).toEqual([{
      line: MAX_IMPORT_CARDS + 1,
      severity: 'error',
      message: `many.txt, line ${MAX_IMPORT_CARDS + 1}: this is card 50,001; a file may hold at most 50,000 cards. Split it into smaller files and import them one at a time.`,
    }]);
  });

  it('more rows than MAX_IMPORT_CARDS and a header row in a CSV file', () => {
    const result = importFile(encode(lines(MAX_IMPORT_CARDS + 10, (i) => `q${i},a`)), 'many.csv');
    expect(result.decks).toEqual([]);
    expect(errorsOf(result)).toEqual([
      `many.csv, line ${MAX_IMPORT_CARDS + 2}: this is row 50,002; a file may hold at most 50,000 cards, one per row. Split it into smaller files and import them one at a time.`,
    ]);
  });

  it('more decks than MAX_IMPORT_DECKS in an Anki export', () => {
    const text = `#separator:tab\n#html:false\n#deck column:1\n${lines(MAX_IMPORT_DECKS + 1, (i) => `Deck ${i}\tq\ta`)}`;
    const result = importFile(encode(text), 'decks.txt');
    expect(result.decks).toEqual([]);
    expect(errorsOf(result)).toEqual([
      `decks.txt, line ${MAX_IMPORT_DECKS + 4}: this note starts deck 1,001 ("Deck 1000"); a file may hold at most 1,000 decks. Split it into smaller files and import them one at a time.`,
    ]);
  });
});

describe('the importers stop at the first card past maxCards', () => {
  const threeCards = 'A?\n- a\n\nB?\n- b\nC?\n- c\n';

  it('our format: no cards, only the error on the first card too many', () => {
    expect(parse(threeCards, 'x.txt', { maxCards: 3 }).cards).toHaveLength(3);
    const deck = parse(threeCards, 'x.txt', { maxCards: 2 });
    expect(deck).toMatchObject({ id: 'x', cards: [], diagnostics: [{ line: 6, severity: 'error', message: expect.stringMatching(/^this is card 3; a file may hold at most 2 cards\./) }] });
  });

  it('our format: a plain line that starts a card counts too', () => {
    const deck = parse('Title\nFirst?\n- a\nDescribe it\n- b\n', 'x.txt', { maxCards: 1 });
    expect(deck.diagnostics.map((d) => d.line)).toEqual([4]);
  });

  it('CSV: a header row does not count as a card', () => {
    expect(parseCsv('question,answer\nq1,a1\nq2,a2\n', 'x.csv', { maxCards: 2 }).decks[0]?.cards).toHaveLength(2);
    expect(parseCsv('q1,a1\nq2,a2\nq3,a3\n', 'x.csv', { maxCards: 2 })).toEqual({
      decks: [],
      diagnostics: [{ line: 3, severity: 'error', message: expect.stringMatching(/^this is card 3; a file may hold at most 2 cards\./) }],
    });
  });

  it('CSV: blank lines are not rows, rows that make no card are', () => {
    const result = parseCsv('q1,a1\n\n\n,skipped\nq2,a2\nq3,a3\n', 'x.csv', { maxCards: 2 });
    expect(result.diagnostics).toEqual([{ line: 6, severity: 'error', message: expect.stringMatching(/^this is row 4; a file may hold at most 2 cards, one per row\./) }]);
  });

  it('TSV read again without quoting stops at the same row', () => {
    const result = parseTsv('"Hi" she\tsaid\n"Bye" he\tsaid\n"Yo"\tthey said\n"No"\tx\n', 'x.tsv', { maxCards: 2 });
    expect(result.diagnostics).toEqual([{ line: 4, severity: 'error', message: expect.stringMatching(/^this is row 4; /) }]);
  });

  it('Anki: rows are counted, comment rows included', () => {
    const text = '#separator:tab\n#html:false\nq1\ta1\n# a comment\nq2\ta2\n';
    expect(parseAnkiExport(text, 'x.txt', { maxCards: 3 }).decks[0]?.cards).toHaveLength(2);
    expect(parseAnkiExport(text, 'x.txt', { maxCards: 2 }).diagnostics).toEqual([{ line: 5, severity: 'error', message: expect.stringMatching(/^this is row 3; /) }]);
  });

  it('Anki: decks past maxDecks refuse the file on the first note of the deck too many', () => {
    const text = '#separator:tab\n#html:false\n#deck column:1\nA\tq1\ta\nB\tq2\ta\nA\tq3\ta\nC\tq4\ta\n';
    expect(parseAnkiExport(text, 'x.txt', { maxDecks: 3 }).decks).toHaveLength(3);
    expect(parseAnkiExport(text, 'x.txt', { maxDecks: 2 })).toEqual({
      decks: [],
      diagnostics: [{ line: 7, severity: 'error', message: expect.stringMatching(/^this note starts deck 3 \("C"\); a file may hold at most 2 decks\./) }],
    });
  });
});
